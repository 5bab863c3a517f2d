package nyc.daylight.records.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers outside the US format, which immigration files are full of: relatives in Mexico,
 * the Dominican Republic, Ecuador, Guatemala, China ("+52 55 1234 5678", "0116 249 4253").
 * {@link Contacts} keeps the North American numbers; this finds the rest and lets Google's
 * libphonenumber, with its numbering-plan metadata for every country, say whether the digits are
 * a real number there. Only candidates are handed to it, so a page without a "+" or a leading 0
 * costs one regex pass.
 */
final class WorldPhones implements Detector {
    /** "+" or "00", a country code and the rest, with single spaces, dots, dashes or brackets between digits. */
    private static final Pattern INTERNATIONAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+])(?:\\+|00)\\d(?:[\\h.()-]{0,2}+\\d){6,16}+(?![\\p{N}])");
    /**
     * A national number with its trunk 0 ("0116 249 4253", "02 234 5678"): no NANP number starts
     * with 0. Spaces or dashes only, so dates ("03.07.1992", "05/01/2024") are never candidates.
     */
    private static final Pattern NATIONAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+./:-])0\\d{1,4}+(?:[\\h-]\\d{2,4}+){1,4}+(?![\\p{N}]|[./:-]\\p{N})");
    /** Where a national number is most likely from, in these records: most common countries of origin first. */
    private static final List<String> REGIONS = List.of("GB", "EC", "MX", "GT", "DO", "SV", "HN", "CO", "PE", "CN", "IN", "PH", "NG");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @Override
    public void detect(String page, List<PiiFinding> out) {
        Matcher m = INTERNATIONAL.matcher(page);
        while (m.find()) {
            // The candidate may have run into the next column ("+52 55 2233 4455 00:03:12"): drop trailing groups until it is a number.
            int end = m.end();
            for (int tries = 0; tries < 3 && end > m.start(); tries++) {
                String text = page.substring(m.start(), end);
                String digits = text.startsWith("00") ? "+" + text.substring(2) : text;
                if (valid(digits, "ZZ")) {
                    out.add(PiiFinding.of(PiiType.PHONE, page, m.start(), end, 0.85));
                    break;
                }
                end = page.lastIndexOf(' ', end - 1);
            }
        }
        m = NATIONAL.matcher(page);
        while (m.find()) {
            if (!m.group().contains(" ") && !m.group().contains("-")) continue;
            for (String region : REGIONS) {
                if (valid(m.group(), region)) {
                    // The country is a guess, so less sure than a number written with its country code.
                    out.add(PiiFinding.of(PiiType.PHONE, page, m.start(), m.end(), 0.75));
                    break;
                }
            }
        }
    }

    /** Until 2019 Mexican mobiles were dialled from abroad as +52 1 and ten digits; people still write them so. */
    private static boolean oldMexicanMobile(PhoneNumber n) {
        String national = String.valueOf(n.getNationalNumber());
        return n.getCountryCode() == 52 && national.length() == 11 && national.startsWith("1");
    }

    private boolean valid(String text, String region) {
        try {
            PhoneNumber n = util.parse(text, region);
            // Digits written with a country code are a phone number if they could be one there (Mexico's
            // old mobile "+52 1 55 …" is no longer valid, but is still how people write it).
            if (!"ZZ".equals(region)) return util.isValidNumberForRegion(n, region);
            return util.isValidNumber(n) || util.isPossibleNumber(n) || oldMexicanMobile(n);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
