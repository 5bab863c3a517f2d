package nyc.daylight.requests;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import nyc.daylight.web.Templates;
import org.jooq.DSLContext;

/** The formal letter each agency receives for a filing, and the requester's confirmation. */
final class FilingLetters {
    private static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private final Templates templates;
    private final Mailer mailer;
    private final String baseUrl;

    FilingLetters(Templates templates, Mailer mailer, String baseUrl) {
        this.templates = templates;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    String letter(Agency agency, Composition c, String number, String requesterName, OffsetDateTime now) {
        Map<String, Object> model = new HashMap<>();
        model.put("date", LETTER_DATE.format(now.atZoneSameInstant(BusinessCalendar.NEW_YORK)));
        model.put("agency", agency);
        model.put("title", c.title());
        model.put("description", c.description());
        if (c.recordsFrom() != null) model.put("recordsFrom", c.recordsFrom().toString());
        if (c.recordsTo() != null) model.put("recordsTo", c.recordsTo().toString());
        model.put("electronic", "ELECTRONIC".equals(c.format()));
        model.put("feeWaiver", c.feeWaiverReason() == null ? "" : c.feeWaiverReason());
        model.put("expedite", c.expediteReason() == null ? "" : c.expediteReason());
        model.put("requestUrl", baseUrl + "/requests/" + number);
        model.put("requesterName", requesterName);
        model.put("number", number);
        return templates.renderText("letters/foil-request.ftl", model);
    }

    void deliver(DSLContext t, Agency agency, String replyTo, String number, String title, String letter) {
        if (agency.foil().email() == null) return; // no e-mail on file: the letter waits in the agency's queue
        String subject = (agency.regime() == Regime.NY_FOIL ? "FOIL request " : "FOIA request ") + number + ": " + title;
        mailer.enqueue(t, new Email(agency.foil().email(), subject.length() > 200 ? subject.substring(0, 200) : subject,
                letter, replyTo, "request:" + number));
    }

    /** The requester's copy, in their language; the letters themselves went to the agencies in English. */
    String confirmation(Recipient to, String title, List<String> numbers, List<Agency> chosen) {
        StringBuilder b = new StringBuilder(numbers.size() == 1 ? to.text("mail.filed.one", title)
                : to.text("mail.filed.many", title, numbers.size())).append("\n\n");
        for (int i = 0; i < numbers.size(); i++) {
            b.append("  ").append(numbers.get(i)).append(" — ").append(chosen.get(i).name()).append("\n  ")
                    .append(baseUrl).append("/requests/").append(numbers.get(i)).append("\n\n");
        }
        b.append(to.text("mail.filed.next"));
        return to.letter(b.toString());
    }
}
