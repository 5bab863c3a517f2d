package nyc.daylight.records.pii;

import static nyc.daylight.records.pii.PiiType.STREET_ADDRESS;
import static nyc.daylight.records.pii.Scan.at;
import static nyc.daylight.records.pii.Scan.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreetAddressTest {
    /** Each example marks the expected address with [brackets]. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Last known address: [123 Main Street, Apt 4B, Bronx, NY 10451]. Verified by ERO.",
        "He resides at [45 West 125th Street] with his mother.",
        "Residence: [87-15 Parsons Blvd, Jamaica, NY 11432]",
        "Mailing address [2100 Grand Concourse #5F, Bronx 10457] on file.",
        "Officers went to [350 Broadway, New York, NY 10013] at 6 AM.",
        "ADDRESS: [1450 ST NICHOLAS AVE APT 3C, NEW YORK, NY 10033]",
        "Family lives at [12 Ocean Pkwy.] in Brooklyn.",
        "Sister's home is [77 E. 2nd St., Unit 12, Brooklyn]; she was contacted.",
    })
    void addresses_with_a_street_type_word(String marked) {
        String page = marked.replace("[", "").replace("]", "");
        String address = marked.substring(marked.indexOf('[') + 1, marked.indexOf(']'));
        assertThat(findings(page)).containsExactly(at(page, STREET_ADDRESS, address));
    }

    @Test
    void a_city_is_taken_only_when_it_really_is_one() {
        String page = "Visit 55 Water Street, Then call the desk.";
        assertThat(findings(page)).containsExactly(at(page, STREET_ADDRESS, "55 Water Street"));
    }

    @Test
    void a_bare_zip_code_is_a_higher_confidence_hint_only_after_an_address() {
        assertThat(Scan.only("10 Main Street, Bronx, NY 10451").confidence()).isGreaterThan(Scan.only("10 Main Street").confidence());
        assertThat(findings("Bronx, NY 10451 and ZIP 11432 are on the envelope.")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Please respond within 5 business days.",
        "The agency has 20 days to respond and 10 more to appeal.",
        "He was seen in 3 Supreme Court parts and 2 Housing Court parts.",
        "The 2 Officers arrived at 10:30.",
        "Item 4 Main Office copies, 12 Pages total.",
        "Section 8 Of The Law Street",
    })
    void counts_and_court_parts_are_not_addresses(String page) {
        assertThat(findings(page)).isEmpty();
    }
}
