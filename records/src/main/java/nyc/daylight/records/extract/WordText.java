package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.extractor.Word6Extractor;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Word documents carry no reliable page breaks in their text, so their text is paged like plain text. */
final class WordText {
    private WordText() {}

    static List<ExtractedPage> docx(byte[] content, int maxPages) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return Paging.pages(extractor.getText(), maxPages);
        }
    }

    static List<ExtractedPage> doc(byte[] content, int maxPages) throws IOException {
        String text;
        try (WordExtractor extractor = new WordExtractor(new ByteArrayInputStream(content))) {
            text = extractor.getText();
        } catch (OldWordFileFormatException e) {
            // Word 6 and Word 95 files, still found in older agency archives.
            try (Word6Extractor old = new Word6Extractor(new ByteArrayInputStream(content))) {
                text = old.getText();
            }
        }
        return Paging.pages(text, maxPages);
    }
}
