package nyc.daylight.records.pii;

import static nyc.daylight.records.pii.Scan.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers and words these records are full of that say nothing about a person. */
class NotPersonalDataTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "Records withheld under Public Officers Law §87(2)(b) and §89(2)(b)(iv).",
        "ICE's authority is 8 U.S.C. 1357 and 8 C.F.R. 287.7; see also 8 USC § 1226(a).",
        "Your request DL-2026-000123 was received; see also DL-2025-004567.",
        "ICE issued Form I-247A (Immigration Detainer) and Form I-203 (Order to Detain), not an I-200 warrant.",
        "The fee is $1,234.56, or $0.25 per page for 1,250 pages.",
        "The meeting is at 10:30 and the call at 14:45:00.",
        "Mail to the agency at ZIP 10007, or 10451-1234 for the Bronx office.",
        "In 1990 the City enacted the policy; it was amended in 2014 and 2017.",
        "On 05/01/2023 ERO requested notification; DOC replied on May 2, 2023.",
        "See https://www.nyc.gov/site/doc/about/2125550123 and http://example.gov/?id=123456789.",
        "The agency must respond within 5 business days and decide within 20 business days.",
        "Local Law 58 of 2017, Executive Order 41, and Intro 1234-2018 govern disclosure.",
        "Table 3: 1,024 detainers in FY2023, up 12.5% from 912 in FY2022.",
        "Version 2.3.4 of the log, page 7 of 12, printed 2023-06-30 08:15.",
        "An A-number was found in the sentence, but no A-number value was given.",
        "The Department of Correction and U.S. Immigration and Customs Enforcement exchanged 45 emails.",
    })
    void ordinary_record_text_is_not_flagged(String page) {
        assertThat(findings(page)).isEmpty();
    }
}
