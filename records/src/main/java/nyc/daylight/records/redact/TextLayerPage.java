package nyc.daylight.records.redact;

import java.awt.Rectangle;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/** A page read from its PDF text layer: characters are placed by the glyphs they came from. */
final class TextLayerPage implements LocatedPage {
    private final GlyphLocator.LocatedText located;
    private final PageGeometry geometry;

    TextLayerPage(GlyphLocator.LocatedText located, PageGeometry geometry) {
        this.located = located;
        this.geometry = geometry;
    }

    @Override
    public String text() {
        return located.text();
    }

    @Override
    public List<Rectangle> boxes(int start, int end) {
        List<TextPosition> glyphs = located.glyphsOf(start, end);
        return glyphs == null ? null : geometry.boxes(glyphs);
    }
}
