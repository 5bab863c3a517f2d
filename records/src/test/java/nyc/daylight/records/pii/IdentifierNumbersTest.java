package nyc.daylight.records.pii;

import static nyc.daylight.records.pii.PiiType.A_NUMBER;
import static nyc.daylight.records.pii.PiiType.BOOKING_NUMBER;
import static nyc.daylight.records.pii.PiiType.CASE_NUMBER;
import static nyc.daylight.records.pii.PiiType.NYSID;
import static nyc.daylight.records.pii.PiiType.SSN;
import static nyc.daylight.records.pii.Scan.at;
import static nyc.daylight.records.pii.Scan.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierNumbersTest {
    @Nested
    class ANumbers {
        @ParameterizedTest
        @ValueSource(strings = {"A123456789", "A12345678", "A-123-456-789", "A 012 345 678", "A#123456789", "A# 123456789", "A-12345678"})
        void every_written_form_of_an_a_number_is_found(String number) {
            String page = "ICE requests that DOC hold the subject, " + number + ", until ERO can assume custody.";
            assertThat(findings(page)).containsExactly(at(page, A_NUMBER, number));
        }

        @Test
        void a_bare_nine_digit_number_is_an_a_number_after_an_a_number_label() {
            String page = "Subject: Detainer request\nA-Number: 201234567\nPlease confirm receipt.";
            assertThat(findings(page)).containsExactly(at(page, A_NUMBER, "201234567"));
            String other = "The alien registration number is 087654321 per the I-213.";
            assertThat(findings(other)).containsExactly(at(other, A_NUMBER, "087654321"));
        }

        @Test
        void a_label_raises_the_confidence() {
            String labeled = "A-number: A201234567";
            String bare = "ref A201234567";
            assertThat(Scan.only(labeled).confidence()).isGreaterThan(Scan.only(bare).confidence());
        }

        @Test
        void the_words_a_number_and_digits_inside_longer_tokens_are_not_flagged() {
            assertThat(findings("An A-number was found in the file; the A-number field on the I-247A was blank.")).isEmpty();
            assertThat(findings("Scan XA123456789, A1234567890 and A123456789B.")).isEmpty();
            assertThat(findings("Without a label, 201234567 is just a number.")).isEmpty();
            assertThat(findings("A-number: 12345 (partial)")).isEmpty();
        }
    }

    @Nested
    class SocialSecurityNumbers {
        @Test
        void dashed_and_spaced_ssns_are_found() {
            String page = "Per the NCIC printout his SSN is 123-45-6789; a second card read 234 56 7890.";
            assertThat(findings(page)).containsExactly(at(page, SSN, "123-45-6789"), at(page, SSN, "234 56 7890"));
        }

        @Test
        void bare_nine_digits_need_a_social_security_label() {
            String page = "Social Security No. 234567890 was provided at intake.";
            assertThat(findings(page)).containsExactly(at(page, SSN, "234567890"));
            String page2 = "S.S.N.: 345678901";
            assertThat(findings(page2)).containsExactly(at(page2, SSN, "345678901"));
        }

        @Test
        void numbers_the_ssa_never_issues_are_not_ssns() {
            assertThat(findings("Values 000-12-3456, 666-12-3456, 912-34-5678, 123-00-4567 and 123-45-0000 were test data.")).isEmpty();
            assertThat(findings("SSN 987654321 (an ITIN)")).isEmpty();
        }

        @Test
        void the_nearest_label_decides_between_ssn_and_a_number() {
            String page = "A-number: 201234567, SSN: 234567890";
            assertThat(findings(page)).containsExactly(at(page, A_NUMBER, "201234567"), at(page, SSN, "234567890"));
        }
    }

    @Nested
    class Nysids {
        @Test
        void eight_digits_and_a_check_letter_are_a_nysid() {
            String page = "DOC 05/01/2023 RELEASED 12345678K TO ICE; co-defendant 01234567L remains.";
            assertThat(findings(page)).containsExactly(at(page, NYSID, "12345678K"), at(page, NYSID, "01234567L"));
        }

        @Test
        void with_a_label_seven_to_nine_digits_count_and_confidence_is_higher() {
            String page = "NYSID: 1234567K; N.Y.S.I.D. # 123456789M; NYSID 23456789P";
            assertThat(findings(page)).containsExactly(
                    at(page, NYSID, "1234567K"), at(page, NYSID, "123456789M"), at(page, NYSID, "23456789P"));
            assertThat(Scan.only("NYSID 23456789P").confidence()).isGreaterThan(Scan.only("no. 23456789P").confidence());
        }

        @Test
        void other_digit_letter_mixes_are_not_nysids() {
            assertThat(findings("Unit 1234567K and 12345678 and 123456789012K and A12345678K.")).isEmpty();
        }
    }

    @Nested
    class BookingNumbers {
        @Test
        void ten_digits_after_a_book_and_case_label() {
            String page = "Book & Case No. 3491234567 was discharged to ICE. B&C: 141-2301234. Booking #1234567890.";
            assertThat(findings(page)).containsExactly(at(page, BOOKING_NUMBER, "3491234567"),
                    at(page, BOOKING_NUMBER, "141-2301234"), at(page, BOOKING_NUMBER, "1234567890"));
        }

        @Test
        void in_a_log_whose_header_says_b_and_c_each_row_number_counts() {
            String page = "DATE       B&C          NAME           FACILITY\n"
                    + "05/01/2023 3492300123   NGUYEN, THI    RMSC\n"
                    + "05/02/2023 1412300456   OBRIEN, PAT    AMKC\n";
            assertThat(findings(page, BOOKING_NUMBER)).containsExactly(
                    at(page, BOOKING_NUMBER, "3492300123"), at(page, BOOKING_NUMBER, "1412300456"));
        }

        @Test
        void ten_digits_without_any_booking_label_are_not_flagged() {
            assertThat(findings("Transaction 3491234567 was posted.")).isEmpty();
            assertThat(findings("Booking 349123456 (nine digits) and booking 34912345678 (eleven).")).isEmpty();
        }
    }

    @Nested
    class CaseNumbers {
        @Test
        void criminal_court_and_indictment_shapes_need_no_label() {
            String page = "The charges under CR-012345-23NY were consolidated with IND-01234-23.";
            assertThat(findings(page)).containsExactly(at(page, CASE_NUMBER, "CR-012345-23NY"), at(page, CASE_NUMBER, "IND-01234-23"));
        }

        @Test
        void labeled_docket_index_and_arrest_numbers() {
            String page = "Docket No. 2023BX004567; Index No. 153245/2023; Arrest No. M23612345; case number 2023NY012345.";
            assertThat(findings(page)).containsExactly(at(page, CASE_NUMBER, "2023BX004567"), at(page, CASE_NUMBER, "153245/2023"),
                    at(page, CASE_NUMBER, "M23612345"), at(page, CASE_NUMBER, "2023NY012345"));
        }

        @Test
        void unlabeled_docket_numbers_short_numbers_and_request_numbers_are_not_case_numbers() {
            assertThat(findings("Reference 2023NY012345 appears in the spreadsheet.")).isEmpty();
            assertThat(findings("Case No. 12 was closed; see case 2023.")).isEmpty();
            assertThat(findings("Case No. DL-2026-000123 is the FOIL request.")).isEmpty();
        }
    }
}
