package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.sl.extractor.SlideShowExtractor;
import org.apache.poi.sl.usermodel.Shape;
import org.apache.poi.sl.usermodel.Slide;
import org.apache.poi.sl.usermodel.SlideShow;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.XMLSlideShow;

/**
 * PowerPoint decks (.pptx, and .ppt from PowerPoint 97 to 2003), which agencies release as the
 * training and briefing slides a request asks for: one page per slide, its text and
 * speaker notes (notes are often where the substance is), read with POI's own slide extractor.
 */
final class SlideText {
    private SlideText() {}

    static List<ExtractedPage> pptx(byte[] content, Job job) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(content))) {
            return pages(show, job);
        }
    }

    static List<ExtractedPage> ppt(byte[] content, Job job) throws IOException {
        try (HSLFSlideShow show = new HSLFSlideShow(new ByteArrayInputStream(content))) {
            return pages(show, job);
        }
    }

    private static <S extends Shape<S, P>, P extends TextParagraph<S, P, ?>> List<ExtractedPage> pages(SlideShow<S, P> show, Job job) {
        SlideShowExtractor<S, P> extractor = new SlideShowExtractor<>(show);
        // Closing the extractor would close the deck, which try-with-resources above already does.
        extractor.setCloseFilesystem(false);
        extractor.setNotesByDefault(true);
        List<ExtractedPage> pages = new ArrayList<>();
        for (Slide<S, P> slide : show.getSlides()) {
            if (pages.size() >= job.limits.maxPages()) break;
            job.checkpoint();
            pages.add(ExtractedPage.text(pages.size() + 1, extractor.getText(slide).strip()));
        }
        return pages;
    }
}
