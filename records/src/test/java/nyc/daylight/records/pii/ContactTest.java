package nyc.daylight.records.pii;

import static nyc.daylight.records.pii.PiiType.AGENCY_CONTACT;
import static nyc.daylight.records.pii.PiiType.EMAIL;
import static nyc.daylight.records.pii.PiiType.PHONE;
import static nyc.daylight.records.pii.Scan.at;
import static nyc.daylight.records.pii.Scan.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactTest {
    @Nested
    class Phones {
        @ParameterizedTest
        @ValueSource(strings = {"(212) 555-0123", "212-555-0123", "212.555.0123", "+1 212 555 0123", "1-800-555-0199",
            "(718)555-0147", "+12125550123"})
        void us_numbers_in_their_usual_forms(String number) {
            String page = "Please call the ERO duty officer at " + number + " before the release.";
            assertThat(findings(page)).containsExactly(at(page, PHONE, number));
        }

        @Test
        void an_undashed_number_counts_only_when_introduced_as_a_phone() {
            String page = "Cell: 9175550123 (sister)";
            assertThat(findings(page)).containsExactly(at(page, PHONE, "9175550123"));
            assertThat(findings("Record 9175550123 was updated.")).isEmpty();
        }

        @Test
        void digits_in_urls_emails_and_longer_runs_are_not_phones() {
            assertThat(findings("Details at http://example.gov/cases/2125550123 and https://nyc.gov/doc/212-555-0123.html today.")).isEmpty();
            assertThat(findings("Ticket 212-555-01234, 1212-555-0123 and 212-555-0123-4 are serials.")).isEmpty();
            String page = "Texts go to 2125550123@vtext.com.";
            assertThat(findings(page)).containsExactly(at(page, EMAIL, "2125550123@vtext.com"));
        }

        @Test
        void dates_times_and_area_codes_starting_with_0_or_1_are_not_phones() {
            assertThat(findings("Released 2023-05-01 at 10:30; logged 1990-05-12.")).isEmpty();
            assertThat(findings("Numbers 012-555-0123 and 112-555-0123 are not valid US numbers.")).isEmpty();
            assertThat(findings("Phone: 1125550123")).isEmpty();
        }
    }

    @Nested
    class Emails {
        @Test
        void personal_addresses_in_an_email_header() {
            String page = "From: Jane Doe <jane.doe@ice.dhs.gov>\nTo: j_smith+foil@doc.nyc.gov\nCc: maria.o'neil@example.org";
            // The display name in the From line is a person's name too (issue #29).
            assertThat(findings(page, PiiType.PERSON_NAME)).containsExactly(at(page, PiiType.PERSON_NAME, "Jane Doe"));
            assertThat(findings(page, EMAIL)).containsExactly(
                    at(page, EMAIL, "jane.doe@ice.dhs.gov"), at(page, EMAIL, "j_smith+foil@doc.nyc.gov"),
                    at(page, EMAIL, "maria.o'neil@example.org"));
        }

        @Test
        void role_mailboxes_are_flagged_as_agency_contacts() {
            // Shown to the officer, but as an office's contact, not a person's data (issue #29).
            String page = "Send appeals to foil@doc.nyc.gov or press.office@nypd.org; write to jose.rivera@gmail.com.";
            assertThat(findings(page)).containsExactly(at(page, AGENCY_CONTACT, "foil@doc.nyc.gov"),
                    at(page, AGENCY_CONTACT, "press.office@nypd.org"), at(page, EMAIL, "jose.rivera@gmail.com"));
            for (String box : new String[] {"records@nypd.org", "postmaster@nyc.gov", "noreply@ice.dhs.gov", "ero.nyc@ice.dhs.gov",
                "calendar-noreply@nyc.gov", "doc.legal@doc.nyc.gov"}) {
                assertThat(Scan.only(box).type()).as(box).isEqualTo(AGENCY_CONTACT);
            }
            assertThat(Scan.only("pressley.jones@gmail.com").type()).isEqualTo(EMAIL);
            assertThat(Scan.only("j_smith+foil@doc.nyc.gov").type()).isEqualTo(EMAIL);
        }

        @Test
        void message_ids_are_not_addresses() {
            String page = "Message-ID: <CAF8x2Qd91a7@mail.ice.dhs.gov>\nIn-Reply-To: <20240108190311.4412@doc.nyc.gov>\nFrom: ana@example.org";
            assertThat(findings(page)).containsExactly(at(page, EMAIL, "ana@example.org"));
        }

        @Test
        void a_sentence_period_is_not_part_of_the_address() {
            String page = "Contact jane@ice.dhs.gov.";
            assertThat(findings(page)).containsExactly(at(page, EMAIL, "jane@ice.dhs.gov"));
        }

        @Test
        void things_with_an_at_sign_that_are_not_addresses() {
            assertThat(findings("Meet @ 10:30, user@localhost, @handle, and a@b are not addresses.")).isEmpty();
        }
    }
}
