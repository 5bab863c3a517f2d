package nyc.daylight.records.pii;

import static nyc.daylight.records.pii.PiiType.DATE_OF_BIRTH;
import static nyc.daylight.records.pii.Scan.at;
import static nyc.daylight.records.pii.Scan.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateOfBirthTest {
    /** Each example marks the expected date of birth with [brackets]. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Subject GARCIA, DOB: [03/04/1990] was booked at MDC.",
        "Detainee (D.O.B. [7/4/85]) declined an interview.",
        "Date of Birth (MM/DD/YYYY): [12/31/1979]",
        "Date of birth [1990-05-12], country of citizenship Ecuador.",
        "The subject was born on [March 4, 1990] in Guayaquil.",
        "birth date: [4 March 1990]",
        "DOB [Sept. 9th, 2001]",
        "DOB [02/29/2000] (a leap year)",
    })
    void a_date_right_after_a_birth_label_is_a_date_of_birth(String marked) {
        String page = marked.replace("[", "").replace("]", "");
        String date = marked.substring(marked.indexOf('[') + 1, marked.indexOf(']'));
        assertThat(findings(page)).containsExactly(at(page, DATE_OF_BIRTH, date));
    }

    @Test
    void dates_without_a_birth_label_are_not_dates_of_birth() {
        assertThat(findings("ICE lodged the detainer on 05/01/2023 and DOC released him on May 2, 2023.")).isEmpty();
        assertThat(findings("Date of arrest: 2023-04-30. Date of release: 4/30/23.")).isEmpty();
    }

    @Test
    void a_bare_year_is_never_a_date_of_birth() {
        assertThat(findings("He was born in 1990 and arrived in 2005.")).isEmpty();
        assertThat(findings("DOB: 1990")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DOB: 02/30/1990", "DOB: 13/13/1990", "DOB: 31/02/1990", "DOB: 00/10/1990", "DOB 1990-02-30", "DOB 02/29/2001",
        "DOB: February 30, 1990", "DOB 04/31/1990", "DOB: 01/01/1850"})
    void impossible_dates_are_rejected(String page) {
        assertThat(findings(page)).isEmpty();
    }

    @Test
    void a_label_belongs_to_the_nearest_date_only() {
        String page = "DOB 01/02/1990, arrested 05/06/2020";
        assertThat(findings(page)).containsExactly(at(page, DATE_OF_BIRTH, "01/02/1990"));
    }

    @Test
    void a_label_too_far_before_the_date_does_not_count() {
        assertThat(findings("Date of birth is recorded on the intake sheet, which was reviewed 05/06/2020.")).isEmpty();
    }
}
