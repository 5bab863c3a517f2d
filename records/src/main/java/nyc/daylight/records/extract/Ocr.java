package nyc.daylight.records.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** Optical character recognition for pages that are only pictures of text (scans, photos). */
public interface Ocr {
    /** Whether {@link #recognize} can be called; when false, such pages are marked as needing OCR. */
    boolean available();

    /**
     * The text in the image. Throws {@link java.io.InterruptedIOException} when the calling thread is
     * interrupted, and {@link IOException} when recognition fails.
     */
    String recognize(BufferedImage image) throws IOException;

    /** No OCR: image-only pages are marked as needing OCR. */
    static Ocr none() {
        return NoOcr.INSTANCE;
    }

    /** Tesseract (Debian package tesseract-ocr, English) when its binary is on the PATH, otherwise {@link #none()}. */
    static Ocr tesseractIfInstalled() {
        return TesseractOcr.find().<Ocr>map(TesseractOcr::new).orElse(none());
    }
}
