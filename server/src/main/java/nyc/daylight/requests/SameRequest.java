package nyc.daylight.requests;

import java.time.LocalDate;
import java.util.List;
import nyc.daylight.agencies.Agency;

/**
 * One filing to several agencies seen as one thing: "this request, to N agencies", a row per
 * agency the viewer may see, so "DOE answered, DOC ignored it" is one glance.
 *
 * @param number the request the page was opened from (each sibling's page links here)
 * @param owner  the viewer filed it: the page offers the follow-ups and appeals for all siblings at once
 */
public record SameRequest(String number, String title, List<Row> rows, boolean owner) {

    /**
     * One agency's side.
     *
     * @param standing        the deadline engine's standing now, as on the request's own page
     * @param acknowledgedOn  the day of the agency's first acknowledgment; null if none yet
     * @param promisedOn      the latest date the agency set (approximate date, date certain or extension); null if none
     * @param determination   the ledger's determination (GRANTED, PARTIALLY_GRANTED, DENIED, NO_RECORDS); null while none
     * @param appealOutcome   APPEAL_GRANTED, APPEAL_PARTLY_GRANTED or APPEAL_DENIED; null while undecided or not appealed
     * @param appealBy        the last day to appeal, while one is possible and none was filed
     */
    public record Row(String number, Agency agency, String standing, LocalDate acknowledgedOn, LocalDate promisedOn,
                      String determination, LocalDate determinedOn, List<String> exemptions, int filesReleased,
                      int pagesReleased, LocalDate appealedOn, String appealOutcome, LocalDate appealDecidedOn,
                      LocalDate appealBy) {}
}
