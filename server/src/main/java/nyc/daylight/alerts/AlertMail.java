package nyc.daylight.alerts;

import java.util.List;
import nyc.daylight.alerts.SavedSearch.Kind;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Recipient;

/** The words of an alert e-mail, in the recipient's language, with its links. */
final class AlertMail {
    /** Lines per e-mail; the rest are behind the search's own link. */
    static final int LINES = 50;
    private final String baseUrl;
    private final UnsubscribeTokens tokens;

    AlertMail(String baseUrl, UnsubscribeTokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    String unsubscribeLink(long searchId) {
        return baseUrl + "/alerts/unsubscribe/" + tokens.tokenFor(searchId);
    }

    Email of(Recipient to, SavedSearch s, List<AlertRepository.Line> lines) {
        boolean records = s.kind() == Kind.RECORDS;
        String subject = to.text(records ? "alerts.mail.subject.records" : "alerts.mail.subject.requests",
                Integer.toString(lines.size()), s.name());
        StringBuilder body = new StringBuilder(to.text(records ? "alerts.mail.intro.records" : "alerts.mail.intro.requests", s.name()))
                .append("\n\n");
        for (AlertRepository.Line l : lines.subList(0, Math.min(LINES, lines.size()))) {
            String link = records ? baseUrl + "/records/" + l.id() : baseUrl + "/requests/" + l.requestNumber();
            String where = l.requestNumber() == null || !records ? l.agencyName() : l.agencyName() + ", " + l.requestNumber();
            body.append("- ").append(l.title()).append(" (").append(where).append(")\n  ").append(link).append('\n');
        }
        if (lines.size() > LINES) body.append(to.text("alerts.mail.more", Integer.toString(lines.size() - LINES))).append('\n');
        body.append('\n').append(to.text("alerts.mail.search", baseUrl + s.path())).append('\n');
        if (s.feedPath() != null) body.append(to.text("alerts.mail.feed", baseUrl + s.feedPath())).append('\n');
        body.append('\n').append(to.text("alerts.mail.manage", baseUrl + "/me/searches")).append('\n')
                .append(to.text("alerts.mail.unsubscribe", unsubscribeLink(s.id())));
        return Email.of(to.email(), subject, to.letter(body.toString()), "alert:" + s.id());
    }
}
