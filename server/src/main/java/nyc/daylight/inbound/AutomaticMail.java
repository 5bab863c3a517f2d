package nyc.daylight.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.records.extract.ParsedMail;

/**
 * Whether a message was written by a machine rather than a person answering the request: a
 * delivery status notification (a bounce) or an automatic reply (out of office, "your message was
 * received"). Read from the standard signals, strongest first: RFC 3464's {@code multipart/report;
 * report-type=delivery-status}; a {@code Mailer-Daemon} or {@code postmaster} sender with
 * delivery-failure words (exim's and older servers' plain-text bounces); RFC 3834's
 * {@code Auto-Submitted} (anything but {@code no}); the de-facto {@code X-Autoreply},
 * {@code X-Autorespond}, {@code X-Autoresponder} and {@code Precedence: auto_reply / bulk / junk};
 * and, when no header says so, the usual out-of-office words in English and Spanish in the subject
 * or the opening lines. Pure: no I/O.
 *
 * <p>A machine's mail is never a step: an NYC OpenRecords notice does carry one, but it reaches
 * Daylight forwarded by a person (the forward is a person's mail), never from the robot directly.
 */
public final class AutomaticMail {
    public enum Kind { PERSON, AUTOMATIC_REPLY, BOUNCE }

    private static final Pattern REPORT = Pattern.compile("(?is)multipart/report.*report-type\\s*=\\s*\"?(delivery-status|global-delivery-status)");
    private static final Pattern DAEMON = Pattern.compile("(?i)^(mailer-daemon|postmaster|mail-daemon|mail\\.delivery\\.system|maildelivery)@");
    private static final Pattern FAILURE_WORDS = Pattern.compile("(?i)(undeliverable|undelivered mail|delivery (status notification|has failed|failure)"
            + "|mail delivery (failed|system)|returned mail|could not be delivered|couldn't be delivered|failure notice"
            + "|permanent error|no se pudo entregar|no entregado|error de entrega)");
    private static final Pattern PRECEDENCE = Pattern.compile("(?i)^\\s*(auto_reply|bulk|junk)\\b");
    /** Subject prefixes mail programs put on an automatic reply (Outlook, Exchange, Lotus Notes, Gmail users' own). */
    private static final Pattern OOO_SUBJECT = Pattern.compile("(?iu)^\\s*(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response"
            + "|out of (the )?office|ooo\\b|respuesta autom[aá]tica|fuera de la oficina|ausencia|respuesta de ausencia)");
    /** What people write in an out-of-office message, within its first lines. */
    private static final Pattern OOO_TEXT = Pattern.compile("(?iu)(\\bI\\s*(am|'m|will be)\\s+(currently\\s+)?(out of (the )?office|away from (the |my )?(office|desk)"
            + "|on (annual |medical |parental )?leave|on vacation|traveling|travelling)"
            + "|\\bthank you for your (e-?mail|message)\\.?\\s+I\\s*(am|'m|will be)\\s+(currently\\s+)?(out|away)"
            + "|\\bwith (limited|no) access to (e-?mail|my e-?mail)"
            + "|\\b(estoy|estar[eé]|me encuentro)\\s+(actualmente\\s+)?(fuera de la oficina|de vacaciones|ausente|de licencia|fuera de la ciudad)"
            + "|\\bcon acceso limitado al correo)");
    private static final int OPENING_CHARS = 600;

    private AutomaticMail() {
    }

    public static Kind of(ParsedMail mail) {
        String headers = mail.headers() == null ? "" : mail.headers();
        String from = mail.from() == null ? "" : mail.from();
        if (header(headers, "Content-Type").filter(t -> REPORT.matcher(t).find()).isPresent()) return Kind.BOUNCE;
        if (DAEMON.matcher(from).find() && (FAILURE_WORDS.matcher(nz(mail.subject())).find()
                || FAILURE_WORDS.matcher(opening(mail.body())).find())) {
            return Kind.BOUNCE;
        }
        Optional<String> auto = header(headers, "Auto-Submitted");
        if (auto.isPresent() && !auto.get().strip().toLowerCase(Locale.ROOT).startsWith("no")) return Kind.AUTOMATIC_REPLY;
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Response")) {
            if (header(headers, name).isPresent()) return Kind.AUTOMATIC_REPLY;
        }
        if (header(headers, "Precedence").filter(p -> PRECEDENCE.matcher(p).find()).isPresent()) return Kind.AUTOMATIC_REPLY;
        if (DAEMON.matcher(from).find()) return Kind.AUTOMATIC_REPLY;
        if (OOO_SUBJECT.matcher(nz(mail.subject())).find()) return Kind.AUTOMATIC_REPLY;
        if (OOO_TEXT.matcher(opening(ReplyText.withoutQuote(mail.body()))).find()) return Kind.AUTOMATIC_REPLY;
        return Kind.PERSON;
    }

    /** The first value of a header, unfolded, in a header block as {@link ParsedMail} keeps it ("Name: value" lines). */
    static Optional<String> header(String headers, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)").matcher(headers);
        return m.find() ? Optional.of(m.group(1).replaceAll("\\r?\\n[ \\t]+", " ").strip()) : Optional.empty();
    }

    private static String opening(String body) {
        String b = nz(body);
        return b.length() > OPENING_CHARS ? b.substring(0, OPENING_CHARS) : b;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
