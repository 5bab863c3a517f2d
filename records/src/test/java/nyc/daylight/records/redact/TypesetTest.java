package nyc.daylight.records.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class TypesetTest {
    private static final String A_NUMBER = "A123456789";
    private static final String NAME = "Juan Perez";

    private static final String EMAIL = """
            From: Juan Perez <jperez@example.org>
            To: records@agency.nyc.gov
            Subject: Detainer for A-number A123456789

            Dear clerk, my name is written 中文 in my passport; my lawyer is Ödön Dőry.
            Emoji too 😀 and a tab\there. Juan
            Perez again, and A12345 6789 as typed by hand.""";

    @Test
    void redacted_strings_are_gone_from_the_pdf_and_the_texts_and_the_rest_is_kept() throws IOException {
        StringBuilder long2 = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            long2.append("Line ").append(i).append(i == 75 ? " mentions A123456789 in passing" : " of the detainer log").append('\n');
        }
        RedactionResult r = new Redactor().typeset(List.of(EMAIL, long2.toString(), "Third page, nothing to hide."), List.of(
                new Redaction(1, NAME, "§87(2)(b)"),
                new Redaction(1, A_NUMBER, "§87(2)(b)"),
                new Redaction(2, A_NUMBER, "§87(2)(e)")), "Email about " + NAME);

        assertThat(r.pageTexts()).hasSize(3);
        assertThat(r.pagesWithheldInFull()).isEmpty();
        String page1 = r.pageTexts().get(0);
        assertThat(page1).doesNotContain(A_NUMBER).doesNotContain("Juan").doesNotContain("A12345 6789")
                .contains("中文", "Ödön Dőry", "😀", "jperez@example.org", "[REDACTED §87(2)(b)]");
        assertThat(r.pageTexts().get(1)).contains("Line 75 mentions [REDACTED §87(2)(e)] in passing", "Line 150 of");
        assertThat(r.pageTexts().get(2)).isEqualTo("Third page, nothing to hide.");

        String pdfText = PdfInspection.text(r.pdf());
        assertThat(pdfText.replaceAll("\\s+", "")).doesNotContain(A_NUMBER).doesNotContain("JuanPerez");
        assertThat(pdfText).doesNotContain("Juan")
                .contains("jperez@example.org", "Subject: Detainer for A-number [REDACTED §87(2)(b)]",
                        "my name is written ?? in my passport", "Ödön D?ry", "Emoji too ? and",
                        "Line 75 mentions [REDACTED §87(2)(e)] in passing", "Line 150 of the detainer log",
                        "Third page, nothing to hide.");
        for (String needle : List.of(A_NUMBER, NAME)) {
            assertThat(PdfInspection.leaks(r.pdf(), needle)).as(needle).isEmpty();
        }
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            // 52 lines fit on a page: the 150 of source page 2 take three PDF pages.
            assertThat(doc.getNumberOfPages()).isEqualTo(5);
            assertThat(doc.getDocumentInformation().getCOSObject().keySet()).containsExactlyInAnyOrder(COSName.TITLE, COSName.PRODUCER);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Email about [REDACTED §87(2)(b)]");
        }
    }

    @Test
    void long_lines_wrap_within_the_page_and_nothing_is_lost() throws IOException {
        String word = "Supercalifragilistic".repeat(8); // wider than a line on its own
        String text = "Start " + "lorem ipsum dolor sit amet ".repeat(40) + word + " end.";
        RedactionResult r = new Redactor().typeset(List.of(text), List.of(), null);
        String pdfText = PdfInspection.text(r.pdf());
        assertThat(pdfText.replaceAll("\\s+", "")).isEqualTo(text.replaceAll("\\s+", ""));
        assertThat(pdfText.lines().count()).isGreaterThan(5);
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertThat(doc.getDocumentInformation().getTitle()).isNull();
            assertThat(doc.getDocumentInformation().getProducer()).isEqualTo("Daylight");
        }
    }

    @Test
    void an_empty_record_still_makes_a_valid_pdf() throws IOException {
        RedactionResult r = new Redactor().typeset(List.of(), List.of(), "Nothing");
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(r.pageTexts()).isEmpty();
    }
}
