package nyc.daylight.lifecycle;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nyc.daylight.agencies.Agency;
import nyc.daylight.core.Message;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Recipient;

/** The words of every lifecycle e-mail, kept together so they read alike. */
final class LifecycleMail {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
    private final String baseUrl;

    LifecycleMail(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    String link(String number) {
        return baseUrl + "/requests/" + number;
    }

    /** The requester's drafted appeal, ready to read and file. */
    String appealLink(String number) {
        return baseUrl + "/requests/" + number + "/appeal";
    }

    String workLink(Agency agency, String number) {
        return baseUrl + "/agency/" + agency.slug() + "/requests/" + number;
    }

    /** The agency's queue, with a filter ("late=yes") or none. */
    String queue(Agency agency, String query) {
        return baseUrl + "/agency/" + agency.slug() + "/queue" + (query.isEmpty() ? "" : "?" + query);
    }

    /** The requester's own list of requests. */
    String mine() {
        return baseUrl + "/me";
    }

    /** Where a person turns the daily digest off. */
    String emailSettings() {
        return baseUrl + "/me/email";
    }

    /** To the requester, about something the agency did, in the language they chose. */
    Email toRequester(Recipient to, String number, String title, Message subject, String body) {
        return Email.of(to.email(), number + ": " + to.text(subject),
                to.letter(body.strip() + "\n\n" + to.text("mail.request.footer", title, link(number))), "request:" + number);
    }

    /**
     * To an officer, about their own work (an assignment, the daily digest), in the language they
     * read Daylight in, with the link to work the request.
     */
    Email toOfficer(Recipient to, Agency agency, String number, Message subject, String body) {
        return Email.of(to.email(), number + ": " + to.text(subject),
                to.letter(body.strip() + "\n\n" + to.text("mail.officer.work", workLink(agency, number))), "request:" + number);
    }

    /** To the agency, about something the requester did; replies go to the requester. */
    Email toAgency(String to, String replyTo, Agency agency, String number, String subject, String body) {
        return new Email(to, number + ": " + subject, """
                %s

                Request %s on Daylight: %s
                Work it in the portal: %s

                — Daylight
                """.formatted(body.strip(), number, link(number), workLink(agency, number)), replyTo, "request:" + number);
    }
}
