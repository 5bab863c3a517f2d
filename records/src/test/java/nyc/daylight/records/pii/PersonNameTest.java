package nyc.daylight.records.pii;

import static nyc.daylight.records.pii.PiiType.PERSON_NAME;
import static nyc.daylight.records.pii.Scan.at;
import static nyc.daylight.records.pii.Scan.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {
    /** Each example marks the expected name with [brackets]; other findings in it are ignored. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Please hold [Juan Perez], A201234567, for ERO.",
        "A# 201234567 [Maria de la Cruz] was released at 14:00.",
        "Name: [Nguyen, Thi]",
        "Detainee [Juan Carlos Ramirez] declined to sign.",
        "Dear Mr. [O'Brien],",
        "Inmate [DE LA CRUZ, JOSE] was transferred to AMKC.",
        "[PEREZ GARCIA, JUAN] NYSID 12345678K RELEASED TO ICE CUSTODY",
        "[José Núñez] (DOB 03/04/1990) was interviewed.",
        "Subject: [Juan A. Perez]",
        "Ms. [Smith-Jones] called regarding her son.",
        "B&C 3492300123 [GARCIA, MARIA ELENA] RMSC",
    })
    void names_next_to_identifiers_or_after_a_label(String marked) {
        String page = marked.replace("[", "").replace("]", "");
        String name = marked.substring(marked.indexOf('[') + 1, marked.indexOf(']'));
        assertThat(findings(page, PERSON_NAME)).containsExactly(at(page, PERSON_NAME, name));
    }

    @Test
    void a_name_and_its_a_number_are_both_kept() {
        String page = "Juan Perez A201234567";
        assertThat(findings(page)).containsExactly(at(page, PERSON_NAME, "Juan Perez"), at(page, PiiType.A_NUMBER, "A201234567"));
    }

    @Test
    void names_get_modest_confidence() {
        assertThat(Scan.SCANNER.scan("Detainee Juan Perez, A201234567")).filteredOn(f -> f.type() == PERSON_NAME)
                .singleElement().satisfies(f -> assertThat(f.confidence()).isBetween(0.5, 0.7));
    }

    @Test
    void capitalized_names_with_no_identifier_nearby_are_left_alone() {
        assertThat(findings("Juan Perez and Maria Lopez attended the community board meeting.")).isEmpty();
    }

    @Test
    void a_name_too_far_from_the_identifier_is_left_alone() {
        assertThat(findings("Juan Perez attended the meeting; much later, the clerk wrote A201234567.", PERSON_NAME)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "U.S. Immigration and Customs Enforcement, A201234567",
        "Department of Homeland Security A# 201234567",
        "New York City Department of Correction, B&C 3491234567",
        "RE: ICE Detainer, DOB 03/04/1990",
        "Dear Sir or Madam, Subject: Detainer Request A201234567",
        "Sincerely, Enforcement and Removal Operations, A201234567",
        "Monday, March 4, A201234567 RELEASED TO ICE CUSTODY",
        "NYPD DOC DHS ERO FBI A201234567",
        "Field Office Director, New York, A201234567",
        "DOB 03/04/1990, Dominican Republic",
        "Supervisor Acting Senior, A201234567",
    })
    void agency_and_letter_words_near_an_identifier_are_not_names(String page) {
        assertThat(findings(page, PERSON_NAME)).isEmpty();
    }

    @Test
    void lists_in_proper_case_stay_separate_names() {
        // Two findings, never one "Juan Perez, Maria" (since issue #29 the second name is found too).
        String page = "Name: Juan Perez, Maria Lopez";
        assertThat(findings(page, PERSON_NAME)).containsExactly(at(page, PERSON_NAME, "Juan Perez"), at(page, PERSON_NAME, "Maria Lopez"));
    }
}
