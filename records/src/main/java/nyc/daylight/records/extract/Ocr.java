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

    /**
     * The words in the image with their boxes, for engines that report them; null for those that
     * give text only (their pages cannot be redacted word by word). Throws as {@link #recognize}.
     * Extraction calls this first and {@link #recognize} only when it returns null.
     */
    default OcrLayout layout(BufferedImage image) throws IOException {
        return null;
    }

    /** No OCR: image-only pages are marked as needing OCR. */
    static Ocr none() {
        return NoOcr.INSTANCE;
    }

    /**
     * Tesseract (Debian package tesseract-ocr, English; Spanish pages are read with
     * tesseract-ocr-spa when it is installed) when its binary is on the PATH, otherwise {@link #none()}.
     */
    static Ocr tesseractIfInstalled() {
        return TesseractOcr.installed().<Ocr>map(t -> t).orElse(none());
    }
}
