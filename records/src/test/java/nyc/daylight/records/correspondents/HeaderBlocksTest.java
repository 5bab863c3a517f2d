package nyc.daylight.records.correspondents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HeaderBlocksTest {
    /** A page of published text and the addresses a person reading it would list. */
    record Labelled(String kind, String page, Set<String> expected) {
    }

    static final List<Labelled> PAGES = List.of(
            new Labelled("outlook", """
                    From: Smith, John (NYPD) <JSmith@NYPD.ORG>
                    Sent: Tuesday, March 3, 2026 4:12 PM
                    To: 'ERO NYC Detainers' <NYC.Detainers@ice.dhs.gov>; Rivera, Ana (DOC) <arivera@doc.nyc.gov>
                    Cc: Legal Bureau <legal@nypd.org.>
                    Subject: RE: detainer lodged 2/28

                    Please see attached.
                    John Smith
                    """, Set.of("jsmith@nypd.org", "nyc.detainers@ice.dhs.gov", "arivera@doc.nyc.gov", "legal@nypd.org")),
            new Labelled("lotus-notes", """
                    Mary Jones/DOC/NYC   To: dhs.liaison@dhs.gov   cc: ops@doc.nyc.gov
                    From: mjones@doc.nyc.gov
                    03/04/2026 09:15 AM   To: dhs.liaison@dhs.gov   cc: ops@doc.nyc.gov   Subject: Release dates
                    """, Set.of("mjones@doc.nyc.gov", "dhs.liaison@dhs.gov", "ops@doc.nyc.gov")),
            new Labelled("gmail", """
                    Gmail - Fwd: request
                    Ana Perez <ana.perez.advocate@gmail.com>                     Tue, Mar 3, 2026 at 4:12 PM
                    From: Ana Perez <ana.perez.advocate@gmail.com>
                    Date: Tue, Mar 3, 2026 at 4:12 PM
                    To: "CBP Info" <mailto:Info@CBP.DHS.GOV>
                    """, Set.of("ana.perez.advocate@gmail.com", "info@cbp.dhs.gov")),
            new Labelled("apple-mail", """
                    From: Field Office <newyork.ero@ice.dhs.gov>
                    Subject: Courthouse
                    Date: April 1, 2026 at 10:02:11 AM EDT
                    To: dcas-security@dcas.nyc.gov
                    """, Set.of("newyork.ero@ice.dhs.gov", "dcas-security@dcas.nyc.gov")),
            new Labelled("forwarded", """
                    From: Lee, Kim (MOIA) <klee@immigrants.nyc.gov>
                    Sent: Friday, May 8, 2026 1:00 PM
                    To: policy@cityhall.nyc.gov
                    Subject: FW: request for access

                    FYI.

                    -----Original Message-----
                    From: HSI New York <hsi.newyork@ice.dhs.gov>
                    Sent: Thursday, May 7, 2026 5:30 PM
                    To: klee@immigrants.nyc.gov
                    Subject: request for access
                    Homeland Security Investigations
                    """, Set.of("klee@immigrants.nyc.gov", "policy@cityhall.nyc.gov", "hsi.newyork@ice.dhs.gov")),
            new Labelled("ocr-noise", """
                    Frorn: Garcia, Luis <lgarcia@nypd.org>
                    Sent: Monday, June 1, 2026 8:01 AM
                    To: uscis.ny@uscis.dhs.gov
                    Ce: desk@nypd.org
                    Subject: verification
                    """, Set.of("lgarcia@nypd.org", "uscis.ny@uscis.dhs.gov", "desk@nypd.org")),
            new Labelled("redacted", """
                    From: [REDACTED (b)(6)] <[REDACTED (b)(6)]@ice.dhs.gov>
                    Sent: Tuesday, July 7, 2026 2:00 PM
                    To: detainers@doc.nyc.gov
                    Subject: detainer
                    """, Set.of("detainers@doc.nyc.gov")),
            new Labelled("no-email", """
                    NEW YORK CITY DEPARTMENT OF CORRECTION
                    Directive 3013: From time to time, to: the Commissioner
                    The department's sent items were reviewed on March 3, 2026.
                    Questions to records@doc.nyc.gov are answered in 5 days.
                    """, Set.of()));

    @Test
    void the_labelled_printouts_are_read_with_measured_precision_and_recall() {
        int truePositives = 0;
        int found = 0;
        int expected = 0;
        for (Labelled l : PAGES) {
            Set<String> got = addresses(l.page());
            Set<String> hit = new HashSet<>(got);
            hit.retainAll(l.expected());
            truePositives += hit.size();
            found += got.size();
            expected += l.expected().size();
            System.out.printf("correspondents %-12s expected=%d found=%d correct=%d %s%n",
                    l.kind(), l.expected().size(), got.size(), hit.size(), got);
        }
        double precision = found == 0 ? 1 : (double) truePositives / found;
        double recall = expected == 0 ? 1 : (double) truePositives / expected;
        System.out.printf("correspondents precision=%.3f recall=%.3f over %d pages%n", precision, recall, PAGES.size());
        assertTrue(precision >= 0.95, "precision " + precision);
        assertTrue(recall >= 0.9, "recall " + recall);
    }

    @Test
    void a_page_without_an_email_yields_nothing_even_with_an_address_in_prose() {
        assertTrue(HeaderBlocks.parse(PAGES.get(7).page()).isEmpty());
    }

    @Test
    void a_redacted_name_and_local_part_leave_only_the_domain() {
        var parties = HeaderBlocks.parse(PAGES.get(6).page()).get(0).parties();
        var from = parties.get(0);
        assertEquals("", from.name());
        assertEquals("", from.address());
        assertEquals("ice.dhs.gov", from.domain());
        assertFalse(parties.toString().contains("REDACTED"));
        assertFalse(parties.toString().contains("(b)(6)"));
    }

    @Test
    void a_partly_redacted_address_keeps_no_fragment_of_the_person() {
        String page = """
                From: John [REDACTED (b)(6)] <j[REDACTED (b)(6)]@nypd.org>
                Sent: Tuesday, July 7, 2026 2:00 PM
                To: [REDACTED]smith@ice.dhs.gov; ██████ <██████@cbp.dhs.gov>
                Subject: detainer
                """;
        var parties = HeaderBlocks.parse(page).get(0).parties();
        assertEquals(Set.of("nypd.org", "ice.dhs.gov", "cbp.dhs.gov"),
                parties.stream().map(Correspondent::domain).collect(Collectors.toSet()));
        assertEquals(3, parties.size());
        assertTrue(parties.stream().allMatch(p -> p.address().isEmpty() && p.name().isEmpty()), parties.toString());
        assertFalse(parties.toString().toLowerCase().contains("smith"));
    }

    @Test
    void addresses_are_normalised() {
        assertEquals(Optional.of("jsmith@nypd.org"), Addresses.normalise("mailto:JSmith@NYPD.ORG."));
        assertEquals(Optional.of("a.b@ice.dhs.gov"), Addresses.normalise("<A.B@Ice.Dhs.Gov>;"));
        assertEquals(Optional.empty(), Addresses.normalise("Smith, John"));
        assertEquals("nypd.org", Addresses.domain("x@NYPD.org."));
    }

    @Test
    void names_and_months_come_from_the_blocks() {
        var outlook = HeaderBlocks.parse(PAGES.get(0).page()).get(0);
        assertEquals("Smith, John (NYPD)", outlook.parties().get(0).name());
        assertEquals("ERO NYC Detainers", outlook.parties().get(1).name());
        assertEquals(Optional.of(YearMonth.of(2026, 3)), outlook.month());
        var chain = HeaderBlocks.parse(PAGES.get(4).page());
        assertEquals(2, chain.size());
        assertEquals(Optional.of(YearMonth.of(2026, 5)), chain.get(1).month());
        assertEquals(Optional.of(YearMonth.of(2026, 3)), SentMonths.parse(" 3 Mar 2026 16:12:00 -0500"));
        assertEquals(Optional.of(YearMonth.of(2026, 3)), SentMonths.parse(" 03/04/2026 09:15 AM"));
    }

    @Test
    void offices_are_classified_from_domain_and_signature() {
        assertEquals(new Offices.Office(Offices.Side.FEDERAL, "ICE HSI"),
                Offices.classify("ice.dhs.gov", PAGES.get(4).page()));
        assertEquals(new Offices.Office(Offices.Side.FEDERAL, "ICE ERO New York Field Office"),
                Offices.classify("ice.dhs.gov", "Enforcement and Removal Operations, New York Field Office"));
        assertEquals(Offices.Side.FEDERAL, Offices.classify("cbp.dhs.gov", "").side());
        assertEquals("USCIS", Offices.classify("uscis.dhs.gov", "").name());
        assertEquals(new Offices.Office(Offices.Side.CITY, "DOC"), Offices.classify("doc.nyc.gov", ""));
        assertEquals(new Offices.Office(Offices.Side.CITY, "NYPD"), Offices.classify("nypd.org", ""));
        assertEquals(Offices.Side.OTHER, Offices.classify("gmail.com", "").side());
    }

    @Test
    void lotus_notes_hierarchical_names_yield_their_office_without_the_person() {
        String page = """
                From: John Smith/NYPD/NYC@NYC
                03/04/2026 09:15 AM
                To: Kim Lee/ERO/ICE/DHS@DHS, ops@doc.nyc.gov
                cc: [REDACTED (b)(6)]/DOC/NYC@NYC
                Subject: Release dates
                """;
        var message = HeaderBlocks.parse(page).getFirst();
        var parties = message.parties();
        assertEquals(List.of("FROM nypd/nyc", "TO ops@doc.nyc.gov", "TO ero/ice/dhs", "CC doc/nyc"),
                parties.stream().map(p -> p.role() + " " + (p.address().isEmpty() ? p.domain() : p.address())).toList());
        assertEquals("John Smith", parties.getFirst().name());
        assertEquals("", parties.get(3).name());
        assertTrue(parties.stream().allMatch(p -> p.address().isEmpty() || p.address().contains("@")));
        assertEquals(Optional.of(YearMonth.of(2026, 3)), message.month().or(() -> SentMonths.parse(page)));
        assertEquals(new Offices.Office(Offices.Side.CITY, "NYPD"), Offices.classify("nypd/nyc", page));
        assertEquals(new Offices.Office(Offices.Side.CITY, "DOC"), Offices.classify("doc/nyc", page));
        assertEquals(new Offices.Office(Offices.Side.FEDERAL, "ICE ERO"), Offices.classify("ero/ice/dhs", ""));
        assertEquals(Offices.Side.FEDERAL, Offices.classify("cis/dhs", "").side());
        assertEquals(Offices.Side.OTHER, Offices.classify("acme/corp", "").side());
    }

    @Test
    void a_notes_memo_without_a_from_label_takes_its_sender_and_date_from_the_lines_above_to() {
        String page = """
                NYC DEPARTMENT OF CORRECTION
                [REDACTED §87(2)(b)] [REDACTED §87(2)(b)]/DOC/NYC
                03/04/2026 09:15 AM
                To: dhs.liaison@dhs.gov
                cc: Records Unit/DOC/NYC@NYC
                Subject: Release dates

                The list is attached.
                """;
        var messages = HeaderBlocks.parse(page);
        assertEquals(1, messages.size(), messages.toString());
        var parties = messages.getFirst().parties();
        assertEquals(List.of("FROM doc/nyc", "TO dhs.liaison@dhs.gov", "CC doc/nyc"),
                parties.stream().map(p -> p.role() + " " + (p.address().isEmpty() ? p.domain() : p.address())).toList());
        assertEquals("", parties.getFirst().name());
        assertEquals("Records Unit", parties.get(2).name());
        assertEquals(Optional.of(YearMonth.of(2026, 3)), messages.getFirst().month());
        assertFalse(parties.toString().contains("REDACTED"));
    }

    @Test
    void a_second_notes_memo_on_the_page_is_a_message_of_its_own() {
        String page = """
                Mary Jones/DOC/NYC
                03/04/2026 09:15 AM
                To: dhs.liaison@dhs.gov
                Subject: Release dates
                The list is attached.

                Kim Lee/ERO/ICE/DHS@DHS
                04/02/2026 10:00 AM
                To: Mary Jones/DOC/NYC@NYC
                Subject: Re: Release dates
                """;
        var messages = HeaderBlocks.parse(page);
        assertEquals(2, messages.size(), messages.toString());
        assertEquals(List.of("FROM doc/nyc", "TO dhs.liaison@dhs.gov"), messages.get(0).parties().stream()
                .map(p -> p.role() + " " + (p.address().isEmpty() ? p.domain() : p.address())).toList());
        assertEquals(List.of("FROM ero/ice/dhs", "TO doc/nyc"), messages.get(1).parties().stream()
                .map(p -> p.role() + " " + p.domain()).toList());
        assertEquals(Optional.of(YearMonth.of(2026, 4)), messages.get(1).month());
    }

    @Test
    void slashes_in_dates_and_prose_are_not_notes_names() {
        String page = """
                From: ops@doc.nyc.gov
                Sent: 03/04/2026 09:15 AM
                To: legal@nypd.org and/or the desk, see 2/28 and A/B testing
                Subject: dates
                """;
        assertEquals(Set.of("ops@doc.nyc.gov", "legal@nypd.org"), addresses(page));
        assertEquals(2, HeaderBlocks.parse(page).getFirst().parties().size(), HeaderBlocks.parse(page).toString());
    }

    private static Set<String> addresses(String page) {
        return HeaderBlocks.parse(page).stream().flatMap(m -> m.parties().stream())
                .map(Correspondent::address).filter(a -> !a.isEmpty()).collect(Collectors.toSet());
    }
}
