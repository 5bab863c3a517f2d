package nyc.daylight.records.extract;

import static nyc.daylight.records.extract.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextExtractionTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none());

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void plain_text_is_split_into_pages_of_about_3000_characters_at_line_ends() {
        String text = IntStream.rangeClosed(1, 200).mapToObj(i -> "Line " + i + " of the agency's response letter, which says little.")
                .collect(Collectors.joining("\n"));
        ExtractedDocument doc = extractor.extract("letter.txt", utf8(text));

        assertThat(doc.kind()).isEqualTo("text");
        assertThat(doc.contentType()).isEqualTo("text/plain");
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.pages()).hasSizeGreaterThan(3).allSatisfy(page -> {
            assertThat(page.text().length()).isLessThanOrEqualTo(Paging.PAGE_CHARS);
            assertThat(page.text()).startsWith("Line ").endsWith("says little.");
        });
        assertThat(doc.pages()).extracting(ExtractedPage::number).startsWith(1, 2, 3);
        assertThat(String.join("\n", doc.pages().stream().map(ExtractedPage::text).toList())).isEqualTo(text);
    }

    @Test
    void a_line_longer_than_a_page_is_cut_between_words() {
        String paragraph = "word ".repeat(1500).strip();
        List<ExtractedPage> pages = Paging.pages(paragraph, 10);
        assertThat(pages).hasSize(3).allSatisfy(page -> assertThat(page.text()).startsWith("word").endsWith("word"));
        assertThat(pages.stream().map(ExtractedPage::text).collect(Collectors.joining(" "))).isEqualTo(paragraph);
    }

    @Test
    void windows_1252_text_is_decoded_when_it_is_not_utf8() {
        byte[] bytes = "Caf\u00e9 permit \u2013 \u201cdenied\u201d \u20ac50".getBytes(Charset.forName("windows-1252"));
        ExtractedDocument doc = extractor.extract("permit.txt", bytes);
        assertThat(doc.kind()).isEqualTo("text");
        assertThat(doc.text()).isEqualTo("Caf\u00e9 permit \u2013 \u201cdenied\u201d \u20ac50");
    }

    @Test
    void a_byte_order_mark_decides_the_charset() {
        byte[] utf16 = "\uFEFFStra\u00dfe und B\u00fcro".getBytes(StandardCharsets.UTF_16LE);
        assertThat(PlainText.decode(utf16)).isEqualTo("Stra\u00dfe und B\u00fcro");
        byte[] utf8Bom = utf8("\uFEFFna\u00efve");
        assertThat(PlainText.decode(utf8Bom)).isEqualTo("na\u00efve");
    }

    @Test
    void an_html_file_is_read_as_text() {
        ExtractedDocument doc = extractor.extract("page.html", utf8("<html><body><h1>Notice</h1><p>Hearing on <i>May 2</i>.</p></body></html>"));
        assertThat(doc.kind()).isEqualTo("text");
        assertThat(doc.contentType()).isEqualTo("text/html");
        assertThat(doc.text()).isEqualTo("Notice\n\nHearing on May 2.");
    }

    @Test
    void csv_rows_read_as_header_value_pairs_fifty_rows_a_page() {
        StringBuilder csv = new StringBuilder("Plate,Violation,Fine,\"Notes, if any\"\n");
        for (int i = 1; i <= 120; i++) csv.append("ABC").append(i).append(",Expired meter,65,").append(i == 1 ? "\"towed,\nthen released\"" : "").append('\n');

        ExtractedDocument doc = extractor.extract("tickets.txt", utf8(csv.toString()));

        assertThat(doc.kind()).isEqualTo("csv");
        assertThat(doc.contentType()).isEqualTo("text/csv");
        assertThat(doc.pages()).hasSize(3);
        assertThat(doc.pages().get(0).text().lines()).hasSize(50)
                .startsWith("Plate: ABC1; Violation: Expired meter; Fine: 65; Notes, if any: towed, then released", "Plate: ABC2; Violation: Expired meter; Fine: 65");
        assertThat(doc.pages().get(2).text().lines()).hasSize(20).last().isEqualTo("Plate: ABC120; Violation: Expired meter; Fine: 65");
    }

    @Test
    void cells_beyond_the_header_are_named_by_column_number() {
        ExtractedDocument doc = extractor.extract("extra.csv", utf8("A,B\n1,2\n3,4,5\n6,7\n"));
        // A ragged row means the sniffer does not call it CSV; a CSV that is, is rendered like this:
        assertThat(Paging.row(List.of("A", "B"), List.of("3", "4", "5"), i -> "Column " + (i + 1))).isEqualTo("A: 3; B: 4; Column 3: 5");
        assertThat(doc.kind()).isEqualTo("text");
    }

    @Test
    void prose_with_commas_is_not_mistaken_for_csv() {
        ExtractedDocument doc = extractor.extract("memo.csv", utf8("Dear Ms. Lee,\nThank you for your request, which we received on May 1.\nSincerely, the Records Officer\n"));
        assertThat(doc.kind()).isEqualTo("text");
        assertThat(doc.text()).startsWith("Dear Ms. Lee,");
    }

    @Test
    void an_empty_file_is_ok_with_no_pages() {
        ExtractedDocument doc = extractor.extract("empty.txt", new byte[0]);
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("text");
        assertThat(doc.pages()).isEmpty();
    }
}
