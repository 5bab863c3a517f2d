package nyc.daylight.records.pii;

import static nyc.daylight.records.pii.PiiType.AGENCY_CONTACT;
import static nyc.daylight.records.pii.PiiType.A_NUMBER;
import static nyc.daylight.records.pii.PiiType.CASE_NUMBER;
import static nyc.daylight.records.pii.PiiType.DATE_OF_BIRTH;
import static nyc.daylight.records.pii.PiiType.DRIVERS_LICENSE_NUMBER;
import static nyc.daylight.records.pii.PiiType.ICE_RECORD_NUMBER;
import static nyc.daylight.records.pii.PiiType.ITIN;
import static nyc.daylight.records.pii.PiiType.PASSPORT_NUMBER;
import static nyc.daylight.records.pii.PiiType.PERSON_NAME;
import static nyc.daylight.records.pii.PiiType.PHONE;
import static nyc.daylight.records.pii.Scan.at;
import static nyc.daylight.records.pii.Scan.findings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kinds issue #29 added, one example each; the evaluation set measures them at scale. */
class NewFindingTypesTest {
    @Test
    void passports_and_licences_after_their_labels() {
        String page = "Passport No.: G31857264 (Mexico); NY DL: 412 867 903; NJ driver license T4821 63097 01452; DL# D5566778.";
        assertThat(findings(page)).containsExactly(at(page, PASSPORT_NUMBER, "G31857264"), at(page, DRIVERS_LICENSE_NUMBER, "412 867 903"),
                at(page, DRIVERS_LICENSE_NUMBER, "T4821 63097 01452"), at(page, DRIVERS_LICENSE_NUMBER, "D5566778"));
        assertThat(findings("Request DL-2026-000123 and license fees of $64.")).isEmpty();
    }

    @Test
    void itins_by_shape_or_label_and_never_as_ssns() {
        String page = "Spouse ITIN 955-72-1134; dependent 921-90-4455; taxpayer ID 978810032.";
        assertThat(findings(page, ITIN)).containsExactly(at(page, ITIN, "955-72-1134"), at(page, ITIN, "921-90-4455"),
                at(page, ITIN, "978810032"));
        assertThat(findings("Test value 912-34-5678 is neither.")).isEmpty();
    }

    @Test
    void person_linked_case_numbers_and_ice_numbers() {
        String page = "Complaint 1:24-mj-01234, arrest #K24618830, Event No.: NYC2403000456, Subject ID: 389112775, FIN: 1187340092.";
        assertThat(findings(page)).containsExactly(at(page, CASE_NUMBER, "1:24-mj-01234"), at(page, CASE_NUMBER, "K24618830"),
                at(page, ICE_RECORD_NUMBER, "NYC2403000456"), at(page, ICE_RECORD_NUMBER, "389112775"),
                at(page, ICE_RECORD_NUMBER, "1187340092"));
    }

    @Test
    void a_csv_header_labels_every_value_under_it() {
        String page = "Date Received,Last Name,First Name,A-Number,DOB\n2024-01-03,HERRERA,JONATHAN,201887345,1989-11-02\n"
                + "2024-01-04,OKONJO,CHIDI,078234119,1975-06-21\n";
        assertThat(findings(page, A_NUMBER)).containsExactly(at(page, A_NUMBER, "201887345"), at(page, A_NUMBER, "078234119"));
        assertThat(findings(page, DATE_OF_BIRTH)).containsExactly(at(page, DATE_OF_BIRTH, "1989-11-02"), at(page, DATE_OF_BIRTH, "1975-06-21"));
        assertThat(findings(page, PERSON_NAME)).hasSize(4);
    }

    @Test
    void an_aligned_table_is_read_by_column() {
        String page = "No.  Surname          Given names      Date of Birth   Passport\n"
                + "1    ACHEAMPONG       KOFI             23/04/1985      G1234567\n";
        assertThat(findings(page)).containsExactly(at(page, PERSON_NAME, "ACHEAMPONG"), at(page, PERSON_NAME, "KOFI"),
                at(page, DATE_OF_BIRTH, "23/04/1985"), at(page, PASSPORT_NUMBER, "G1234567"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nacido el [3 de mayo de 1990]", "fecha de nacimiento: [25/12/2000]", "born [19851203]",
        "DOB [03.07.1992]"})
    void spanish_day_first_and_compact_dates_of_birth(String marked) {
        String page = marked.replace("[", "").replace("]", "");
        String date = marked.substring(marked.indexOf('[') + 1, marked.indexOf(']'));
        assertThat(findings(page)).containsExactly(at(page, DATE_OF_BIRTH, date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+52 55 1234 5678", "+593 99 218 4467", "+502 5512 3344", "+86 138 0013 8000", "0116 249 4253",
        "+44 20 7946 0958"})
    void phone_numbers_of_other_countries(String number) {
        String page = "The family can be reached at " + number + " in the evening.";
        assertThat(findings(page)).containsExactly(at(page, PHONE, number));
    }

    @Test
    void ocr_garbled_identifiers_are_found_less_surely() {
        String page = "A-Number: A2O8-l23-456\nDate 0f Birth: O3/l4/l986";
        assertThat(findings(page)).containsExactly(at(page, A_NUMBER, "A2O8-l23-456"), at(page, DATE_OF_BIRTH, "O3/l4/l986"));
        double clean = Scan.only("A-Number: A208-123-456").confidence();
        assertThat(Scan.only("A-Number: A2O8-l23-456").confidence()).isLessThan(clean);
    }

    @Test
    void agency_addresses_lines_and_mailboxes_are_agency_contacts() {
        String page = "Hearing at 26 Federal Plaza, New York, NY 10278; call 311 or 1-866-DHS-2-ICE; write to foil@nypd.org.";
        assertThat(findings(page)).containsExactly(at(page, AGENCY_CONTACT, "26 Federal Plaza"), at(page, AGENCY_CONTACT, "311"),
                at(page, AGENCY_CONTACT, "1-866-DHS-2-ICE"), at(page, AGENCY_CONTACT, "foil@nypd.org"));
        assertThat(AGENCY_CONTACT.personal()).isFalse();
        assertThat(PiiType.EMAIL.personal()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Message-ID: <CAF8x2Qd91a7@mail.ice.dhs.gov>",
        "Subject: Invitation: MS Teams training on FOIL tracking, see the MS Excel workbook",
        "19 Forces That Drive Detention Policy",
        "Sample: A-000-000-000, 000-00-0000 and 00000000X are placeholders.",
        "WHITE HISPANIC MALE, BLACK FEMALE, ASIAN MALE were the categories used.",
    })
    void the_false_alarms_of_issue_29_stay_quiet(String page) {
        assertThat(findings(page)).isEmpty();
    }

    @Test
    void names_from_headers_signatures_and_first_mentions() {
        String page = "From: Kevin Thornbury <kevin.thornbury@ice.dhs.gov>\nTo: Caldwell, Hortensia <hc@doc.nyc.gov>\n\n"
                + "Please confirm whether Edgar Morales Quintero (A209-418-337) is in custody. Edgar was seen at RNDC.\n\nThank you,\nKevin\n";
        int edgar = page.indexOf("Edgar was");
        int kevin = page.lastIndexOf("Kevin");
        assertThat(findings(page, PERSON_NAME)).containsExactly(at(page, PERSON_NAME, "Kevin Thornbury"),
                at(page, PERSON_NAME, "Caldwell, Hortensia"), at(page, PERSON_NAME, "Edgar Morales Quintero"),
                tuple(PERSON_NAME, "Edgar", edgar, edgar + 5), tuple(PERSON_NAME, "Kevin", kevin, kevin + 5));
    }

    @Test
    void findings_can_be_listed_most_confident_first() {
        List<PiiFinding> found = Scan.SCANNER.scan("SSN 123-45-6789, call 311, Name: Juan Perez");
        List<PiiFinding> ranked = found.stream().sorted(PiiFinding.MOST_CONFIDENT_FIRST).toList();
        assertThat(ranked).extracting(PiiFinding::confidence).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(ranked.get(0).type()).isEqualTo(PiiType.SSN);
    }
}
