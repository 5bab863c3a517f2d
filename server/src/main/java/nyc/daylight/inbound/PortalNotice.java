package nyc.daylight.inbound;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Regime;

/**
 * A notification from NYC OpenRecords (records.nyc.gov), the portal most city agencies answer
 * through, forwarded by the requester to the request's reply address. The portal writes each
 * event in one fixed sentence ("Your request FOIL-2026-056-01234 has been acknowledged … You can
 * expect a response on or about Friday, April 3, 2026"), so it is read by those sentences rather
 * than by {@link ReplyClassifier}'s guesses, and its dates are proposed with the step. The step is
 * still only proposed: a person confirms it through {@link StepConfirmation}, under the same
 * {@code StepRules} as an agency's e-mail. Pure; the labelled set is PortalNoticeCorpus
 * (docs/operations.md, "Portal notices").
 *
 * @param kind what the portal says happened
 * @param portalId the portal's own request number (FOIL-yyyy-aaa-nnnnn)
 * @param date the date it sets: the "on or about" date of an acknowledgment, extension or re-opening
 * @param reason the reason the portal gives (an extension's, a denial's or closure's)
 * @param text the notice itself, without the forwarding wrapper (the requester's own headers)
 */
public record PortalNotice(Kind kind, String portalId, LocalDate date, String reason, String text) {

    public enum Kind { ACKNOWLEDGED, EXTENDED, DENIED, CLOSED_FULFILLED, CLOSED_IN_PART, CLOSED_NO_RECORDS, CLOSED_OTHER, FILES_RELEASED, REOPENED }

    /** The domains the portal's notifications come from (its site is a860-openrecords.nyc.gov). */
    public static final java.util.Set<String> PORTAL_DOMAINS = java.util.Set.of("records.nyc.gov", "a860-openrecords.nyc.gov");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern PORTAL = Pattern.compile("OpenRecords|records\\.nyc\\.gov", FLAGS);
    private static final Pattern PORTAL_ID = Pattern.compile("\\bFOIL-\\d{4}-\\d{3}-\\d{5}\\b", FLAGS);
    /** The forwarded message's own header line, as Outlook, Gmail and Apple Mail write it. */
    private static final Pattern FORWARDED_FROM = Pattern.compile("(?im)^\\*?(?:From|De):\\*?\\s.*(?:OpenRecords|records\\.nyc\\.gov).*$");
    private static final String REQ = "(?:your\\s+)?(?:FOIL\\s+)?request\\s+(?:FOIL-\\d{4}-\\d{3}-\\d{5}\\s+)?(?:has\\s+been|was)\\s+";
    private static final Pattern REOPENED = Pattern.compile(REQ + "re-?opened", FLAGS);
    private static final Pattern EXTENDED = Pattern.compile(REQ + "extended|has\\s+extended\\s+(?:the\\s+due\\s+date\\s+of\\s+)?your\\s+(?:FOIL\\s+)?request", FLAGS);
    private static final Pattern ACKNOWLEDGED = Pattern.compile(REQ + "acknowledged|has\\s+acknowledged\\s+your\\s+(?:FOIL\\s+)?request", FLAGS);
    private static final Pattern DENIED = Pattern.compile(REQ + "denied", FLAGS);
    private static final Pattern CLOSED = Pattern.compile(REQ + "closed", FLAGS);
    private static final String FILES = "file(?:s|\\(s\\))?";
    private static final Pattern RELEASED = Pattern.compile("(?:added|released|uploaded)\\s+the\\s+following\\s+" + FILES + "\\s+to\\s+your\\s+(?:FOIL\\s+)?request"
            + "|" + FILES + "\\s+(?:has|have)\\s+been\\s+(?:added|released|uploaded)\\s+to\\s+your\\s+(?:FOIL\\s+)?request", FLAGS);
    private static final Pattern EXPECT = Pattern.compile("(?:expect\\s+a\\s+(?:response|determination)\\s+(?:on\\s+or\\s+about|by)"
            + "|new\\s+(?:due|estimated\\s+(?:due|completion))\\s+date\\s+(?:is|of))\\s+([^.\\n]*?\\d{4})", FLAGS);
    private static final Pattern REASON = Pattern.compile("(?:following\\s+reasons?(?:\\(s\\))?|reasons?(?:\\(s\\))?(?:\\s+for\\s+(?:the\\s+)?(?:extension|denial|closing))?)"
            + "\\s*:\\s*(.+?)(?:\\n\\s*\\n|Please\\s+visit|To\\s+view|Thank\\s+you|$)", FLAGS | Pattern.DOTALL);
    private static final Pattern IN_PART = Pattern.compile("in\\s+part|partial", FLAGS);
    private static final Pattern NO_RECORDS = Pattern.compile("no\\s+(?:responsive\\s+)?records|records?\\s+(?:could\\s+not\\s+be|were\\s+not)\\s+(?:found|located)", FLAGS);
    private static final Pattern FULFILLED = Pattern.compile("fulfilled|records\\s+(?:were\\s+)?(?:provided|released)", FLAGS);
    private static final Pattern LONG_DATE = Pattern.compile("(January|February|March|April|May|June|July|August|September|October|November|December)\\s+(\\d{1,2}),?\\s+(\\d{4})", FLAGS);
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    /** The notice in a message, if it is one of the portal's; a person's letter that merely mentions the portal is not. */
    public static Optional<PortalNotice> read(String subject, String body) {
        String text = unwrap(body == null ? "" : body);
        String all = (subject == null ? "" : subject) + "\n" + text;
        Matcher id = PORTAL_ID.matcher(all);
        if (!PORTAL.matcher(all).find() || !id.find()) return Optional.empty();
        String portalId = id.group().toUpperCase(Locale.ROOT);
        String flat = text.replaceAll("[ \\t]+", " ");
        Kind kind;
        if (REOPENED.matcher(flat).find()) kind = Kind.REOPENED;
        else if (EXTENDED.matcher(flat).find()) kind = Kind.EXTENDED;
        else if (ACKNOWLEDGED.matcher(flat).find()) kind = Kind.ACKNOWLEDGED;
        else if (DENIED.matcher(flat).find()) kind = Kind.DENIED;
        else if (CLOSED.matcher(flat).find()) {
            String why = reason(flat).orElse("");
            kind = NO_RECORDS.matcher(why).find() ? Kind.CLOSED_NO_RECORDS : IN_PART.matcher(why).find() ? Kind.CLOSED_IN_PART
                    : FULFILLED.matcher(why).find() ? Kind.CLOSED_FULFILLED : Kind.CLOSED_OTHER;
        } else if (RELEASED.matcher(flat).find()) kind = Kind.FILES_RELEASED;
        else return Optional.empty(); // a receipt of filing, a message from the agency, a reminder: no step
        LocalDate date = null;
        Matcher e = EXPECT.matcher(flat);
        if (e.find()) date = date(e.group(1)).orElse(null);
        // A notice that promises a date without one Daylight can read proposes nothing rather than a dateless step.
        if (date == null && (kind == Kind.ACKNOWLEDGED || kind == Kind.EXTENDED)) return Optional.empty();
        String reason = kind == Kind.ACKNOWLEDGED || kind == Kind.FILES_RELEASED ? null : reason(flat).orElse(null);
        return Optional.of(new PortalNotice(kind, portalId, date, reason, text.strip()));
    }

    /** The step to propose, with its date and reason; a closure for another reason or a re-opening is only named. */
    public Suggestion suggestion(Regime regime) {
        String evidence = evidence();
        return switch (kind) {
            case ACKNOWLEDGED -> new Suggestion(EventType.ACKNOWLEDGED, date, List.of(), evidence);
            case EXTENDED -> new Suggestion(EventType.EXTENDED, date, List.of(), evidence);
            case DENIED -> new Suggestion(EventType.DENIED, null, exemptions(regime), evidence);
            case CLOSED_IN_PART -> new Suggestion(EventType.PARTIALLY_GRANTED, null, exemptions(regime), evidence);
            case CLOSED_NO_RECORDS -> new Suggestion(EventType.NO_RECORDS, null, List.of(), evidence);
            case CLOSED_FULFILLED -> new Suggestion(EventType.GRANTED, null, List.of(), evidence);
            case FILES_RELEASED -> new Suggestion(EventType.RECORDS_RELEASED, null, List.of(), evidence);
            case CLOSED_OTHER -> new Suggestion(null, null, List.of(), evidence, Suggestion.Notice.CLOSED);
            case REOPENED -> new Suggestion(null, null, List.of(), evidence, Suggestion.Notice.REOPENED);
        };
    }

    /** From the whole notice: the portal lists each ground on its own paragraph, and cites exemptions only there. */
    private List<String> exemptions(Regime regime) {
        return ReplyClassifier.exemptions(text, regime);
    }

    private String evidence() {
        String s = "OpenRecords " + portalId + ": " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (date != null ? ", " + date : "") + (reason != null ? " (" + reason + ")" : "");
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    /** The forwarded notice without the wrapper: after the forwarded header block, quote marks removed. */
    static String unwrap(String body) {
        String text = body.replace("\r\n", "\n").replaceAll("(?m)^[ \\t]*(?:>[ \\t]?)+", "");
        Matcher from = FORWARDED_FROM.matcher(text);
        if (from.find()) {
            int blank = text.indexOf("\n\n", from.end());
            if (blank > 0) return text.substring(blank + 2);
        }
        return text;
    }

    private static Optional<String> reason(String flat) {
        Matcher m = REASON.matcher(flat);
        if (!m.find()) return Optional.empty();
        String r = m.group(1).replaceAll("\\s+", " ").strip();
        return r.isEmpty() ? Optional.empty() : Optional.of(r.length() > 2000 ? r.substring(0, 2000) : r);
    }

    static Optional<LocalDate> date(String s) {
        try {
            Matcher l = LONG_DATE.matcher(s);
            if (l.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(l.group(3)), Month.valueOf(l.group(1).toUpperCase(Locale.ROOT)),
                        Integer.parseInt(l.group(2))));
            }
            Matcher u = US_DATE.matcher(s);
            if (u.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(u.group(3)), Integer.parseInt(u.group(1)), Integer.parseInt(u.group(2))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
