package nyc.daylight.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Regime;
import org.junit.jupiter.api.Test;

/** Phrasings from real FOIL and FOIA letters (see the seeds), and the traps between them. */
class ReplyClassifierTest {
    private final ReplyClassifier classifier = new ReplyClassifier();

    private Suggestion ny(String body) {
        return classifier.classify("RE: FOIL request DL-2026-000001", body, false, Regime.NY_FOIL, false);
    }

    @Test
    void an_acknowledgment_with_its_approximate_date() {
        Suggestion s = ny("""
                Dear Requester,

                This acknowledges receipt of your Freedom of Information Law request, which has been assigned FOIL No. 2026-DOC-0412.
                We anticipate that a determination will be made on or before April 15, 2026.
                If you have any questions, please contact this office.
                """);
        assertThat(s.type()).isEqualTo(EventType.ACKNOWLEDGED);
        assertThat(s.date()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(s.evidence()).contains("acknowledges receipt");
    }

    @Test
    void a_later_letter_with_more_time_is_an_extension_with_its_new_date() {
        Suggestion s = classifier.classify("FOIL 2026-DOC-0412", """
                Due to the volume of records, we require additional time to complete our search.
                We now expect to respond by 5/29/2026.
                """, false, Regime.NY_FOIL, true);
        assertThat(s.type()).isEqualTo(EventType.EXTENDED);
        assertThat(s.date()).isEqualTo(LocalDate.of(2026, 5, 29));
    }

    @Test
    void a_first_letter_that_both_acknowledges_and_names_a_later_date_is_the_acknowledgment() {
        Suggestion s = ny("We have received your request. Because of unusual circumstances we need more time, "
                + "and expect to respond by 2026-06-01.");
        assertThat(s.type()).isEqualTo(EventType.ACKNOWLEDGED);
        assertThat(s.date()).isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @Test
    void a_denial_citing_exemptions_and_the_appeal_boilerplate_does_not_fool_it() {
        Suggestion s = ny("""
                Your request is denied pursuant to Public Officers Law §87(2)(e) and § 87 (2)(b), as the records were compiled
                for law enforcement purposes. You may appeal this denial within 30 days to the Records Access Appeals Officer.
                """);
        assertThat(s.type()).isEqualTo(EventType.DENIED);
        assertThat(s.exemptions()).containsExactly("87(2)(e)", "87(2)(b)");
    }

    @Test
    void a_partial_grant_with_redactions() {
        Suggestion s = classifier.classify("Response", """
                Your request is granted in part and denied in part. Responsive records are attached, with redactions
                under 5 U.S.C. §552(b)(6) and (b)(7)(C).
                """, true, Regime.FEDERAL_FOIA, true);
        assertThat(s.type()).isEqualTo(EventType.PARTIALLY_GRANTED);
        assertThat(s.exemptions()).containsExactly("552(b)(6)", "552(b)(7)");
    }

    @Test
    void no_records_found() {
        assertThat(ny("A diligent search of the Department's files located no responsive records.").type())
                .isEqualTo(EventType.NO_RECORDS);
        assertThat(ny("We were unable to locate any records matching your description.").type()).isEqualTo(EventType.NO_RECORDS);
    }

    @Test
    void a_release_needs_files_or_says_it_encloses_them() {
        String body = "Please find attached the responsive records for the first installment of your request.";
        assertThat(classifier.classify("Records", body, true, Regime.NY_FOIL, true).type()).isEqualTo(EventType.RECORDS_RELEASED);
    }

    @Test
    void a_clarification_request() {
        assertThat(ny("Your request as written is too broad. Please clarify the date range and the facilities you mean.").type())
                .isEqualTo(EventType.CLARIFICATION_REQUESTED);
    }

    @Test
    void a_conditional_denial_in_an_acknowledgment_is_not_a_denial() {
        Suggestion s = ny("We have received your request. If any records are denied, you will be told of your right to appeal.");
        assertThat(s.type()).isEqualTo(EventType.ACKNOWLEDGED);
    }

    @Test
    void ordinary_correspondence_gets_no_suggestion() {
        assertThat(ny("Thank you for your patience. Our office will be closed on Friday.").any()).isFalse();
        assertThat(ny("").any()).isFalse();
    }

    @Test
    void dates_as_agencies_write_them_and_impossible_ones_are_ignored() {
        assertThat(ReplyClassifier.dates("by March 9, 2026, or Mar. 10 2026, or 11 March 2026, or 3/12/2026, or 2026-03-13"))
                .containsExactly(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 11),
                        LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 13));
        assertThat(ReplyClassifier.dates("February 30, 2026 and 13/45/2026")).isEmpty();
    }

    @Test
    void exemptions_follow_the_regime() {
        assertThat(ReplyClassifier.exemptions("Exemption 5 and (b)(7)(E) apply; also 87(2)(g)", Regime.FEDERAL_FOIA))
                .isEqualTo(List.of("552(b)(5)", "552(b)(7)"));
        assertThat(ReplyClassifier.exemptions("Exemption 5 and (b)(7)(E) apply; also 87(2)(g)", Regime.NY_FOIL))
                .isEqualTo(List.of("87(2)(g)"));
    }

    @Test
    void a_promise_to_grant_or_deny_is_not_a_denial_and_the_request_date_is_not_the_new_one() {
        Suggestion s = classifier.classify("", """
                We have received your request of March 2, 2026. We will grant or deny it by April 1, 2026.
                """, false, Regime.NY_FOIL, false, LocalDate.of(2026, 3, 4));
        assertThat(s.type()).isEqualTo(EventType.ACKNOWLEDGED);
        assertThat(s.date()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void in_whole_or_in_part_boilerplate_does_not_make_a_denial_partial() {
        Suggestion s = ny("Your request is denied under §87(2)(e). Records may be withheld in whole or in part where the law allows.");
        assertThat(s.type()).isEqualTo(EventType.DENIED);
    }

    @Test
    void a_check_box_form_is_read_by_the_ticked_box_only() {
        Suggestion s = classifier.classify("Response to FOIL request", """
                [ ] Your request is granted. The records are enclosed.
                [X] Your request is denied for the following reason(s): law enforcement records, POL §87(2)(e).
                [ ] After a diligent search, no records were found.
                """, false, Regime.NY_FOIL, true);
        assertThat(s.type()).isEqualTo(EventType.DENIED);
        assertThat(s.exemptions()).containsExactly("87(2)(e)");
        assertThat(ny("[ ] Approved  [ ] Denied  [ ] No records\nComments: see letter to follow.").any()).isFalse();
    }

    @Test
    void appeal_rights_boilerplate_is_not_a_step() {
        assertThat(ny("If you are dissatisfied with this response, you may appeal within 30 days. "
                + "Requests that are denied in whole or in part may be appealed.").any()).isFalse();
    }

    @Test
    void an_out_of_office_reply_is_nothing() {
        assertThat(classifier.classify("Automatic reply: FOIL request", "I am out of the office until March 9, 2026.",
                false, Regime.NY_FOIL, false).any()).isFalse();
        assertThat(ny("I am currently out of the office on annual leave. Your request has not been forwarded.").noticed()).isFalse();
    }

    @Test
    void attached_is_a_release_only_with_a_file_that_can_hold_records() {
        String body = "Please see the attached.";
        assertThat(classifier.classify("RE: FOIL", body, List.of("image001.png"), Regime.NY_FOIL, true, null).any()).isFalse();
        assertThat(classifier.classify("RE: FOIL", body, List.of("image001.png", "Minutes 2026.pdf"), Regime.NY_FOIL, true, null).type())
                .isEqualTo(EventType.RECORDS_RELEASED);
        assertThat(classifier.classify("FOI 2026/0881", "PDF attachment enclosed.", List.of("FOI5512.pdf"), Regime.FEDERAL_FOIA, true,
                null).type()).isEqualTo(EventType.RECORDS_RELEASED);
    }

    @Test
    void steps_the_ledger_cannot_record_are_named_but_never_suggested() {
        Suggestion fee = ny("The Department has located 142 pages. The fee is $0.25 per page, for a total of $35.50. Please remit a money order.");
        assertThat(fee.any()).isFalse();
        assertThat(fee.notice()).isEqualTo(Suggestion.Notice.FEE_NOTICE);
        assertThat(ny("I have forwarded your request to the relevant department, who will respond to you directly.").notice())
                .isEqualTo(Suggestion.Notice.REFERRED);
        Suggestion appeal = ny("I have reviewed your appeal. The records were properly withheld under §87(2)(e). Accordingly, your appeal is denied.");
        assertThat(appeal.any()).isFalse();
        assertThat(appeal.notice()).isEqualTo(Suggestion.Notice.APPEAL_DECIDED);
        assertThat(ny("As no response was received within 30 days, your request has been closed.").notice())
                .isEqualTo(Suggestion.Notice.CLOSED);
    }

    @Test
    void a_fee_waiver_denied_is_not_the_request_denied() {
        Suggestion s = classifier.classify("Fee waiver", "Your request for a fee waiver has been denied. We estimate fees of $120.00.",
                false, Regime.FEDERAL_FOIA, true);
        assertThat(s.any()).isFalse();
        assertThat(s.notice()).isEqualTo(Suggestion.Notice.FEE_NOTICE);
    }

    @Test
    void no_records_in_other_words_and_in_spanish() {
        assertThat(ny("The Village does not maintain the records you have requested.").type()).isEqualTo(EventType.NO_RECORDS);
        assertThat(ny("Tras una búsqueda exhaustiva, no se encontraron registros que respondan a su solicitud.").type())
                .isEqualTo(EventType.NO_RECORDS);
    }

    @Test
    void an_nypd_acknowledgment_with_its_on_or_about_date_and_denial_boilerplate() {
        Suggestion s = ny("""
                Your FOIL request has been received and assigned number 2026-PL-11893. The Department anticipates that it will respond
                on or about 05/28/2026. Please be advised that the Department may deny access to records, in whole or in part, where
                disclosure would interfere with law enforcement investigations.
                """);
        assertThat(s.type()).isEqualTo(EventType.ACKNOWLEDGED);
        assertThat(s.date()).isEqualTo(LocalDate.of(2026, 5, 28));
    }

    @Test
    void a_first_letter_that_acknowledges_and_sends_a_first_file_is_the_acknowledgment() {
        String body = "This acknowledges receipt of your FOIL request. We anticipate a determination on or before April 15, 2026. "
                + "The first responsive file is attached.";
        Suggestion first = classifier.classify("RE: FOIL", body, List.of("release-log.pdf"), Regime.NY_FOIL, false, LocalDate.of(2026, 3, 4));
        assertThat(first.type()).isEqualTo(EventType.ACKNOWLEDGED);
        assertThat(first.date()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(classifier.classify("RE: FOIL", "The second responsive file is attached.", List.of("part-2.pdf"), Regime.NY_FOIL, true,
                null).type()).isEqualTo(EventType.RECORDS_RELEASED);
    }
}
