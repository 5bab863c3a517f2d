package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Images have no text of their own: with OCR each image (each frame of a multi-page TIFF, the usual
 * form of a scanned record) becomes a recognised page; without OCR they are empty pages that need it.
 */
final class ImageText {
    /**
     * Images above this are not decoded for OCR: decoding costs width x height x 4 bytes, and a
     * header can claim any size. 50 megapixels is a 24 x 36 inch drawing scanned at 240 DPI.
     */
    static final long MAX_OCR_PIXELS = 50_000_000L;

    private ImageText() {}

    static Content extract(byte[] content, Job job) throws IOException {
        // A memory-cached stream: ImageIO's default may spill to temporary files, and the bytes are in memory already.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("no image decoder recognises the data");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                // Animated GIFs repeat one picture; only TIFF frames are separate pages.
                boolean tiff = reader.getFormatName().toLowerCase(Locale.ROOT).startsWith("tif");
                int frames = tiff ? reader.getNumImages(true) : 1;
                if (frames < 1) throw new IOException("the image has no frames");
                if (frames > job.limits.maxPages()) throw ExtractionException.tooManyPages(job.limits.maxPages());
                List<ExtractedPage> pages = new ArrayList<>(frames);
                for (int i = 0; i < frames; i++) {
                    job.checkpoint();
                    // Reading the size validates the header even when the pixels are never decoded.
                    long pixels = (long) reader.getWidth(i) * reader.getHeight(i);
                    if (job.ocr.available() && pixels <= MAX_OCR_PIXELS) {
                        pages.add(job.ocrPage(i + 1, reader.read(i)));
                    } else {
                        pages.add(ExtractedPage.unreadable(i + 1));
                    }
                }
                return Content.pages(pages);
            } finally {
                reader.dispose();
            }
        }
    }
}
