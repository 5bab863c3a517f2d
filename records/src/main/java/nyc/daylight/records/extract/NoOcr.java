package nyc.daylight.records.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** The absence of an OCR engine. */
enum NoOcr implements Ocr {
    INSTANCE;

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public String recognize(BufferedImage image) throws IOException {
        throw new IOException("No OCR engine is installed");
    }
}
