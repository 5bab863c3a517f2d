package nyc.daylight.records.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OcrLayoutTest {
    static final String TSV = """
            level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
            1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t
            2\t1\t1\t0\t0\t0\t300\t400\t900\t120\t-1\t
            3\t1\t1\t1\t0\t0\t300\t400\t900\t120\t-1\t
            4\t1\t1\t1\t1\t0\t300\t400\t900\t50\t-1\t
            5\t1\t1\t1\t1\t1\t300\t400\t200\t50\t96.532\tDetainer
            5\t1\t1\t1\t1\t2\t520\t400\t180\t50\t95.1\trequest
            5\t1\t1\t1\t1\t3\t720\t400\t60\t50\t-1\t\s
            4\t1\t1\t1\t2\t0\t300\t470\t700\t50\t-1\t
            5\t1\t1\t1\t2\t1\t300\t470\t300\t50\t91\tA123456789
            5\t1\t1\t1\t2\t2\t620\t470\t90\t50\t89\tDOB
            2\t1\t2\t0\t0\t0\t300\t900\t400\t50\t-1\t
            5\t1\t2\t1\t1\t1\t300\t900\t400\t50\t88\tinformación
            5\t1\t2\t1\t1\t2\t2500\t3280\t400\t400\t88\tedge
            """;

    @Test
    void tesseract_tsv_becomes_words_with_boxes_and_a_page_text_with_its_breaks() {
        OcrLayout layout = TesseractTsv.parse(TSV, 2550, 3300, "eng");
        assertThat(layout.words()).extracting(OcrWord::text)
                .containsExactly("Detainer", "request", "A123456789", "DOB", "información", "edge");
        assertThat(layout.text()).isEqualTo("Detainer request\nA123456789 DOB\n\ninformación edge");
        OcrWord a = layout.words().get(2);
        assertThat(List.of(a.left(), a.top(), a.width(), a.height())).containsExactly(300, 470, 300, 50);
        assertThat(a.confidence()).isEqualTo(91f);
        assertThat(layout.words().get(0).confidence()).isEqualTo(96.53f);
        // A box reaching past the image is cut at its edge.
        OcrWord edge = layout.words().get(5);
        assertThat(List.of(edge.width(), edge.height())).containsExactly(50, 20);
    }

    @Test
    void every_offset_of_the_text_maps_to_its_word_and_separators_to_none() {
        OcrLayout layout = TesseractTsv.parse(TSV, 2550, 3300, "eng");
        String text = layout.text();
        for (int i = 0; i < layout.words().size(); i++) {
            int start = layout.start(i);
            assertThat(text.substring(start, start + layout.words().get(i).text().length())).isEqualTo(layout.words().get(i).text());
        }
        int a = text.indexOf("A123456789");
        assertThat(layout.wordAt(a)).isEqualTo(2);
        assertThat(layout.wordAt(a + 9)).isEqualTo(2);
        assertThat(layout.wordAt(a + 10)).isEqualTo(-1); // the space after it
        assertThat(layout.wordAt(0)).isZero();
        assertThat(layout.wordAt(text.indexOf("\n\n") + 1)).isEqualTo(-1);
    }

    @Test
    void a_layout_survives_encoding_for_storage() {
        OcrLayout layout = TesseractTsv.parse(TSV, 2550, 3300, "spa+eng");
        OcrLayout back = OcrLayout.decode(layout.encode());
        assertThat(back).isEqualTo(layout);
        assertThat(back.text()).isEqualTo(layout.text());
        assertThat(back.languages()).isEqualTo("spa+eng");
        assertThatThrownBy(() -> OcrLayout.decode("Detainer request")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcrLayout.decode(layout.encode() + "\n1\t2\t3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void control_characters_and_lone_surrogates_never_reach_the_page_text() {
        String tsv = "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\tA12\u00003\n"
                + "5\t1\t1\t1\t1\t2\t20\t0\t10\t10\t90\t\uD800x\uD83D\uDE00\n"
                + "5\t1\t1\t1\t1\t3\t40\t0\t10\t10\t90\t\u0001\n";
        assertThat(TesseractTsv.parse(tsv, 100, 100, "eng").text()).isEqualTo("A123 x\uD83D\uDE00");
    }

    @Test
    void a_word_cannot_hold_a_space_that_would_shift_the_offsets() {
        assertThatThrownBy(() -> new OcrWord("two words", 0, 0, 1, 1, 90, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OcrWord("", 0, 0, 1, 1, 90, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_page_of_specks_is_a_page_where_ocr_found_nothing() {
        OcrLayout specks = new OcrLayout(100, 100, "eng", List.of(new OcrWord("—", 1, 1, 2, 2, 20, 1, 1, 1), new OcrWord(".", 5, 5, 1, 1, 10, 1, 1, 1)));
        assertThat(specks.foundText()).isFalse();
        assertThat(new OcrLayout(100, 100, "eng", List.of()).foundText()).isFalse();
        assertThat(TesseractTsv.parse(TSV, 2550, 3300, "eng").foundText()).isTrue();
    }

    @Test
    void spanish_is_chosen_from_its_function_words_and_only_when_installed() {
        String spanish = "La solicitud de informacion publica fue recibida por la agencia y los documentos estan disponibles para su revision.";
        String english = "The request for public records was received by the agency and the documents are available for review.";
        String bilingual = english + " " + english + " Aviso: la solicitud de informacion fue recibida por la agencia.";
        assertThat(OcrLanguages.choose(spanish, true)).isEqualTo("spa+eng");
        assertThat(OcrLanguages.choose(spanish, false)).isEqualTo("eng");
        assertThat(OcrLanguages.choose(english, true)).isEqualTo("eng");
        assertThat(OcrLanguages.choose(bilingual, true)).isEqualTo("spa+eng");
        // A Spanish name or two in an English letter is not Spanish.
        assertThat(OcrLanguages.choose("The request of Maria de la Cruz was received on Monday and the records were sent.", true)).isEqualTo("eng");
        assertThat(OcrLanguages.choose("", true)).isEqualTo("eng");
    }
}
