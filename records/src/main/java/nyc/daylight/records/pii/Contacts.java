package nyc.daylight.records.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email addresses and US phone numbers. Digits that sit inside a URL or an email address are
 * part of that, not a phone number, so those spans are found first and phone matches inside
 * them are dropped.
 */
final class Contacts implements Detector {
    /**
     * A practical subset of RFC 5322: dotted local part (apostrophes too: "maria.o'neil@"),
     * dotted domain, alphabetic TLD. Every
     * repetition is bounded (64-character local part and 63-character labels, as the RFCs cap
     * them) and possessive where it can be, so a long run of letters costs linear time.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}][\\p{L}\\p{N}._%+'’-]{0,63}+"
                    + "@(?:[\\p{L}\\p{N}-]{1,63}+\\.){1,8}\\p{L}{2,24}+(?![\\p{L}\\p{N}_-])");

    /** Web addresses, only so that digits inside them ("…/2125550123") are not read as phones. */
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"']{1,2048}+");

    /**
     * North American Numbering Plan: optional +1/1, a three-digit area code and exchange that
     * never start with 0 or 1, and four digits; separated by dashes, dots or spaces, or with the
     * area code in parentheses; or E.164's unseparated "+12125550123". The area-code rule is
     * also what keeps dates like "2023-05-01" out, and the boundaries keep it out of longer
     * digit runs.
     */
    private static final Pattern PHONE = Pattern.compile(
            Labels.startsWith("[+(1-9]") + "(?<![\\p{L}\\p{N}_+])(?<!\\p{N}[-.])"
                    + "(?:(?:\\+1[-.\\h]?|1[-.\\h])?"
                    + "(?:\\([2-9]\\d{2}\\)\\h?|[2-9]\\d{2}[-.\\h])"
                    + "[2-9]\\d{2}[-.\\h]\\d{4}"
                    + "|\\+1[2-9]\\d{2}[2-9]\\d{6})"
                    + "(?![\\p{L}\\p{N}_])(?![-.]\\p{N})");

    /**
     * Shared office mailboxes: "foil@" identifies an office, not a person, so it is reported as
     * an agency contact (still shown, since the officer decides).
     */
    /**
     * Message-ID, In-Reply-To and References headers hold machine identifiers shaped like
     * addresses ("&lt;CAF8x2Qd91a7@mail.ice.dhs.gov&gt;"); they name a message, not a person.
     */
    private static final Pattern MESSAGE_ID_HEADER = Pattern.compile(
            "(?im)^(?:message-id|in-reply-to|references|x-[a-z-]{1,40}+|thread-index)\\h*:[^\\n]{0,2000}+");

    /** Words that make a mailbox an office's rather than a person's, when every part of it is one ("ero.nyc", "doc.legal"). */
    private static final Set<String> OFFICE_WORDS = Set.of("ero", "hsi", "nyc", "ny", "doc", "nypd", "ice", "dhs", "acs", "hra",
            "moia", "field", "unit", "team", "desk", "dept", "division", "requests", "request", "appeals", "bureau", "operations",
            "calendar", "notifications", "alerts", "mail", "system", "bounce", "bounces", "mailer", "daemon", "reply", "do", "not",
            "no", "public", "affairs", "access", "officer", "intake", "custody", "detainers", "detainer", "liaison", "duty");
    /** A no-reply or delivery mailbox is a system's, whatever else its name says ("calendar-noreply"). */
    private static final Set<String> SYSTEM_MAILBOXES = Set.of("noreply", "donotreply", "postmaster", "mailerdaemon", "daemon");

    private static final Set<String> ROLE_MAILBOXES = Set.of(
            "foil", "records", "recordsaccess", "info", "information", "press", "media", "news",
            "communications", "publicaffairs", "contact", "contactus", "webmaster", "admin", "help",
            "helpdesk", "support", "legal", "counsel", "dcas", "311", "noreply", "donotreply", "inquiries", "ombudsman", "office",
            "postmaster", "mailer-daemon", "no-reply", "webmail", "foia", "privacy", "clerk", "general", "mailbox");

    @Override
    public void detect(String page, List<PiiFinding> out) {
        List<int[]> taken = new ArrayList<>();
        Matcher m = URL.matcher(page);
        while (m.find()) taken.add(new int[] {m.start(), m.end()});
        // Most pages have no '@': then the address pattern need not be tried at every letter.
        if (page.indexOf('@') >= 0) {
            List<int[]> headers = new ArrayList<>();
            m = MESSAGE_ID_HEADER.matcher(page);
            while (m.find()) headers.add(new int[] {m.start(), m.end()});
            m = EMAIL.matcher(page);
            while (m.find()) {
                taken.add(new int[] {m.start(), m.end()});
                if (inside(headers, m.start(), m.end())) continue;
                // An office's mailbox is shown as an agency contact: the officer sees it, but it is not a person's.
                if (isRoleMailbox(m.group())) out.add(PiiFinding.of(PiiType.AGENCY_CONTACT, page, m.start(), m.end(), 0.8));
                else out.add(PiiFinding.of(PiiType.EMAIL, page, m.start(), m.end(), 0.9));
            }
        }
        m = PHONE.matcher(page);
        while (m.find()) {
            if (inside(taken, m.start(), m.end())) continue;
            out.add(PiiFinding.of(PiiType.PHONE, page, m.start(), m.end(), 0.85));
        }
    }

    /**
     * "foil@", "press.office@", "foil-requests@", "no-reply@": the first word of the local part
     * is a role. "pressley.jones@" is a person, so whole words only, except FOIL units, which
     * name themselves "foilrequests", "foilunit" and so on.
     */
    static boolean isRoleMailbox(String email) {
        String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
        String first = local.split("[._+-]", 2)[0];
        String joined = local.replaceAll("[._+-]", "");
        String[] parts = local.split("[._+-]");
        boolean allOffice = true;
        for (String p : parts) {
            if (SYSTEM_MAILBOXES.contains(p)) return true;
            if (!OFFICE_WORDS.contains(p) && !ROLE_MAILBOXES.contains(p)) allOffice = false;
        }
        boolean roleFirst = ROLE_MAILBOXES.contains(first) && (allOffice || parts.length == 1);
        return roleFirst || allOffice || ROLE_MAILBOXES.contains(joined) || SYSTEM_MAILBOXES.contains(joined) || joined.startsWith("foil");
    }

    private static boolean inside(List<int[]> spans, int start, int end) {
        for (int[] s : spans) if (start < s[1] && s[0] < end) return true;
        return false;
    }
}
