package nyc.daylight.records.pii;

import static nyc.daylight.records.pii.PiiType.AGENCY_CONTACT;
import static nyc.daylight.records.pii.PiiType.A_NUMBER;
import static nyc.daylight.records.pii.PiiType.BOOKING_NUMBER;
import static nyc.daylight.records.pii.PiiType.DATE_OF_BIRTH;
import static nyc.daylight.records.pii.PiiType.EMAIL;
import static nyc.daylight.records.pii.PiiType.NYSID;
import static nyc.daylight.records.pii.PiiType.PERSON_NAME;
import static nyc.daylight.records.pii.PiiType.PHONE;
import static nyc.daylight.records.pii.PiiType.SSN;
import static nyc.daylight.records.pii.PiiType.STREET_ADDRESS;
import static nyc.daylight.records.pii.Scan.at;
import static nyc.daylight.records.pii.Scan.findings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScannerTest {
    private static final String DETAINER_EMAIL = """
            From: Deportation Officer Smith, ERO New York <k.smith@ice.dhs.gov>
            Sent: Monday, May 1, 2023 10:30 AM
            To: DOC Legal <legal@doc.nyc.gov>
            Subject: RE: I-247A Detainer for GARCIA LOPEZ, MARIA ELENA A201234567

            Good morning,
            ICE Enforcement and Removal Operations lodged a detainer (Form I-247A) for the subject below.
            Name: Maria Elena Garcia Lopez
            DOB: 07/15/1985
            NYSID: 09876543M
            Book and Case: 1412301234
            SSN 123-45-6789, last address 123 Main Street, Apt 4B, Bronx, NY 10451.
            Please notify ERO New York at (212) 555-0150 at least 48 hours prior to release,
            per 8 C.F.R. 287.7. Reference DL-2026-000123.
            """;

    @Test
    void an_ice_detainer_email_is_flagged_field_by_field() {
        String page = DETAINER_EMAIL;
        assertThat(findings(page)).containsExactly(
                at(page, EMAIL, "k.smith@ice.dhs.gov"),
                at(page, AGENCY_CONTACT, "legal@doc.nyc.gov"),
                at(page, PERSON_NAME, "GARCIA LOPEZ, MARIA ELENA"),
                at(page, A_NUMBER, "A201234567"),
                at(page, PERSON_NAME, "Maria Elena Garcia Lopez"),
                at(page, DATE_OF_BIRTH, "07/15/1985"),
                at(page, NYSID, "09876543M"),
                at(page, BOOKING_NUMBER, "1412301234"),
                at(page, SSN, "123-45-6789"),
                at(page, STREET_ADDRESS, "123 Main Street, Apt 4B, Bronx, NY 10451"),
                at(page, PHONE, "(212) 555-0150"));
    }

    @Test
    void a_doc_release_log_line() {
        String page = "05/01/2023 14:05 RMSC B&C 3492300123 NGUYEN, THI NYSID 12345678K DOB 11/02/1991 RELEASED TO ICE";
        assertThat(findings(page)).containsExactly(
                at(page, BOOKING_NUMBER, "3492300123"),
                at(page, PERSON_NAME, "NGUYEN, THI"),
                at(page, NYSID, "12345678K"),
                at(page, DATE_OF_BIRTH, "11/02/1991"));
    }

    @Test
    void findings_are_sorted_and_no_span_is_reported_twice() {
        List<PiiFinding> found = Scan.SCANNER.scan(DETAINER_EMAIL + DETAINER_EMAIL);
        assertThat(found).isSortedAccordingTo(Overlaps.PAGE_ORDER);
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).start()).as("overlap at %s", found.get(i)).isGreaterThanOrEqualTo(found.get(i - 1).end());
        }
    }

    @Test
    void the_same_digits_are_never_both_an_ssn_and_an_a_number() {
        String page = "SSN 234567890";
        assertThat(findings(page)).containsExactly(at(page, SSN, "234567890"));
        String page2 = "Alien No. 234567890";
        assertThat(findings(page2)).containsExactly(at(page2, A_NUMBER, "234567890"));
    }

    @Test
    void the_result_is_immutable_and_an_empty_page_has_none() {
        assertThat(Scan.SCANNER.scan("")).isEmpty();
        List<PiiFinding> found = Scan.SCANNER.scan("SSN 123-45-6789");
        assertThatThrownBy(() -> found.add(found.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Scan.SCANNER.scan(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void one_scanner_is_shared_safely_between_threads() throws Exception {
        List<PiiFinding> expected = Scan.SCANNER.scan(DETAINER_EMAIL);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<PiiFinding>>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) results.add(pool.submit(() -> Scan.SCANNER.scan(DETAINER_EMAIL)));
            for (Future<List<PiiFinding>> r : results) assertThat(r.get()).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void every_type_has_a_plain_english_label() {
        for (PiiType type : PiiType.values()) assertThat(type.label()).isNotBlank().doesNotContain("_");
        assertThat(A_NUMBER.label()).isEqualTo("A-number (alien registration number)");
        assertThat(SSN.label()).isEqualTo("Social Security number");
    }

    @Test
    void a_finding_must_describe_its_own_span() {
        assertThatThrownBy(() -> new PiiFinding(SSN, "123", 0, 4, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PiiFinding(SSN, "", 3, 3, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PiiFinding(SSN, "123", 0, 3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PiiFinding(SSN, "123", 0, 3, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A megabyte of ordinary prose: nothing to find, and it must come back (no runaway backtracking). */
    @Test
    void a_megabyte_of_ordinary_english_has_no_findings() {
        String[] sentences = {
            "The committee met on Tuesday to review 42 proposals submitted in 1990 and again in 2023. ",
            "Residents may comment within 5 business days; the fee is $1,234.56 and the hearing starts at 10:30. ",
            "Under Public Officers Law §87(2)(b) and 8 U.S.C. 1357, agencies must respond to each request. ",
            "Forms I-247A and I-203 are federal forms, and request DL-2026-000123 asked for both of them. ",
            "Case law from the Court of Appeals says that City records are presumptively open to the public. ",
            "The Department of Correction published its annual report, which runs to 312 pages and 14 tables. ",
            "Some paragraphs are long and winding, with many clauses, commas, semicolons; and the occasional aside. ",
            "See https://www.nyc.gov/site/records/index.page for the schedule, or write to the address on file.\n",
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 1 << 20; i++) text.append(sentences[i % sentences.length]);
        assertThat(Scan.SCANNER.scan(text.toString())).isEmpty();
    }

    /**
     * Inputs built to make a careless regex backtrack (near-miss digits, dots, at signs, capitals,
     * labels with nothing after them); each must simply finish. A quarter megabyte is plenty to
     * turn super-linear matching into a hang.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1", "1-", "12 ", "A ", "a@", "a.", "a@b.", "Name Juan ", "Main ", "1 Main ", "Mr. ", "DOB ",
        "SSN 1 ", "http://", "Aa Bb, ", "9-9.9/", "(2"})
    void a_long_repeated_near_miss_finishes(String unit) {
        String page = unit.repeat((1 << 18) / unit.length());
        assertThat(Scan.SCANNER.scan(page)).allSatisfy(f -> assertThat(page.substring(f.start(), f.end())).isEqualTo(f.text()));
    }
}
