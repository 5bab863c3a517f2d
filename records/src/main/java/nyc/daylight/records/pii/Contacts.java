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
     * Shared office mailboxes. Still flagged, since the officer decides, but at lower confidence:
     * "foil@" identifies an office, not a person.
     */
    private static final Set<String> ROLE_MAILBOXES = Set.of(
            "foil", "records", "recordsaccess", "info", "information", "press", "media", "news",
            "communications", "publicaffairs", "contact", "contactus", "webmaster", "admin", "help",
            "helpdesk", "support", "legal", "counsel", "dcas", "311", "noreply", "donotreply", "inquiries", "ombudsman", "office");

    @Override
    public void detect(String page, List<PiiFinding> out) {
        List<int[]> taken = new ArrayList<>();
        Matcher m = URL.matcher(page);
        while (m.find()) taken.add(new int[] {m.start(), m.end()});
        // Most pages have no '@': then the address pattern need not be tried at every letter.
        if (page.indexOf('@') >= 0) {
            m = EMAIL.matcher(page);
            while (m.find()) {
                taken.add(new int[] {m.start(), m.end()});
                out.add(PiiFinding.of(PiiType.EMAIL, page, m.start(), m.end(), isRoleMailbox(m.group()) ? 0.5 : 0.9));
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
        return ROLE_MAILBOXES.contains(first) || ROLE_MAILBOXES.contains(joined) || joined.startsWith("foil");
    }

    private static boolean inside(List<int[]> spans, int start, int end) {
        for (int[] s : spans) if (start < s[1] && s[0] < end) return true;
        return false;
    }
}
