package nyc.daylight.records.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agencies' and courts' own public addresses and phone lines, which fill these records'
 * letterheads, hearing notices and signatures. They are nobody's personal data, so they are
 * reported as {@link PiiType#AGENCY_CONTACT}: the officer still sees them, but they are not
 * counted as a person's and should not be redacted by reflex. Found with a higher confidence than
 * a street address, so "26 Federal Plaza" is an agency contact and not a home.
 *
 * <p>The list is short on purpose and kept by hand: each entry is a building an agency or court
 * publishes as its own address, or a line it advertises. An address not listed is still flagged
 * as a street address for the officer to judge.
 */
final class PublicEntities implements Detector {
    /**
     * House number and street of each building. ICE ERO New York and the immigration court
     * (26 Federal Plaza), immigration courts at 290 Broadway and 201 Varick Street; NYPD
     * headquarters (1 Police Plaza); Manhattan Criminal Court (100 Centre Street), New York County
     * Supreme Court (60 and 111 Centre Street); SDNY (40 Foley Square, 500 Pearl Street); EDNY
     * (225 and 271 Cadman Plaza East); Brooklyn Criminal Court (120 Schermerhorn Street); Bronx
     * courts (215 East 161st Street, 851 Grand Concourse); Queens courts (125-01 Queens
     * Boulevard); DOC headquarters (75-20 Astoria Boulevard); the Municipal Building
     * (1 Centre Street) and City Hall's offices at 253 Broadway.
     */
    private static final List<String> ADDRESSES = List.of(
            "26 Federal Plaza", "290 Broadway", "201 Varick (?:Street|St\\.?)", "1 Police Plaza", "One Police Plaza",
            "100 Centre (?:Street|St\\.?)", "60 Centre (?:Street|St\\.?)", "111 Centre (?:Street|St\\.?)", "1 Centre (?:Street|St\\.?)",
            "40 Foley Square", "500 Pearl (?:Street|St\\.?)", "225 Cadman Plaza(?: East| E\\.?)?", "271 Cadman Plaza(?: East| E\\.?)?",
            "120 Schermerhorn (?:Street|St\\.?)", "215 (?:East|E\\.?) 161st (?:Street|St\\.?)", "851 Grand Concourse",
            "125-01 Queens (?:Boulevard|Blvd\\.?)", "75-20 Astoria (?:Boulevard|Blvd\\.?)", "253 Broadway");

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\p{N}-])(?i:" + String.join("|", ADDRESSES).replace(" ", "\\h{1,3}") + ")(?![\\p{L}\\p{N}])");

    /**
     * Advertised lines: 311 and 212-NEW-YORK (the City's), the ICE tip line (1-866-DHS-2-ICE,
     * 1-866-347-2423) and NYPD Crime Stoppers (1-800-577-TIPS). "311" only after "call", "dial"
     * or a phone label, since the digits alone are as likely a room or a count.
     */
    private static final Pattern PHONE_LINE = Pattern.compile(
            "(?<![\\p{L}\\p{N}-])(?:212-NEW-YORK|\\(212\\)\\h?NEW-YORK|1-866-DHS-2-ICE|1-?866-?347-?2423|\\(866\\)\\h?347-2423"
                    + "|1-800-577-TIPS|1-?800-?577-?8477|(?<=(?i:call|dial|line|phone|tel|contact|llame|llamar)[:.]?\\h{1,3})311)"
                    + "(?![\\p{L}\\p{N}])");

    @Override
    public void detect(String page, List<PiiFinding> out) {
        for (Pattern p : List.of(ADDRESS, PHONE_LINE)) {
            Matcher m = p.matcher(page);
            while (m.find()) out.add(PiiFinding.of(PiiType.AGENCY_CONTACT, page, m.start(), m.end(), 0.95));
        }
    }
}
