package nyc.daylight.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nyc.daylight.records.extract.ExtractedDocument;
import nyc.daylight.records.extract.ExtractedPage;
import nyc.daylight.records.extract.ExtractionLimits;
import nyc.daylight.records.extract.ExtractionStatus;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.extract.Ocr;
import nyc.daylight.records.index.Publication;
import nyc.daylight.records.index.PublishedDocument;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.records.pii.PiiScanner;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Ingest of text PDFs: Daylight's path (Extractor, reading the next file on a second thread while
 * the PII scanner goes over every page of this one, as {@code RecordImporter} does; then the
 * index, applied as the indexer does it: one batch, one commit) against the ceiling, PDFBox's own
 * text extraction of the same files with the same settings the Extractor uses (page by page,
 * sorted by position). Rounds alternate between the two; every Daylight round gets a fresh index.
 */
final class IngestBench {
    record Result(int documents, int pages, List<Double> rawPagesPerSecond, List<Double> daylightPagesPerSecond,
                  double extractShare, double piiShare, double indexShare, long findings) {
        double rawMedian() {
            return median(rawPagesPerSecond);
        }

        double daylightMedian() {
            return median(daylightPagesPerSecond);
        }
    }

    private IngestBench() {}

    static Result run(Documents documents, int count, int pagesEach, int rounds, Duration warmup, Path work) throws Exception {
        List<byte[]> pdfs = new ArrayList<>();
        List<PublishedDocument> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PublishedDocument d = documents.document(10_000_000L + i, pagesEach);
            // Every document gets exactly pagesEach pages: short documents are padded with the next ones' pages.
            List<String> pages = new ArrayList<>(d.pages());
            for (long extra = 20_000_000L + i * 16L; pages.size() < pagesEach; extra++) {
                pages.addAll(documents.document(extra, pagesEach - pages.size()).pages());
            }
            sources.add(d);
            pdfs.add(pdf(pages));
        }
        int totalPages = count * pagesEach;
        long bytes = pdfs.stream().mapToLong(b -> b.length).sum();
        System.out.printf("  ingest: %d PDFs, %d pages, %.1f MB%n", count, totalPages, bytes / 1e6);

        PiiScanner pii = new PiiScanner();
        List<Double> raw = new ArrayList<>();
        List<Double> daylight = new ArrayList<>();
        long[] parts = new long[3];
        long findings = 0;
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            // Warm-up: both paths over a slice of the files, for the warm-up time.
            long end = System.nanoTime() + warmup.toNanos() * 2;
            int w = 0;
            do {
                int i = w++ % Math.min(20, count);
                Load.sink += rawExtract(pdfs.get(i));
                Load.sink += extractor.extract("w.pdf", pdfs.get(i)).pages().size();
            } while (System.nanoTime() < end);

            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                long chars = 0;
                for (byte[] pdf : pdfs) chars += rawExtract(pdf);
                raw.add(totalPages / ((System.nanoTime() - t0) / 1e9));
                Load.sink += chars;

                Path dir = Files.createTempDirectory(work, "ingest-index");
                try (RecordIndex index = new RecordIndex(dir)) {
                    long[] local = new long[3];
                    List<Publication> batch = new ArrayList<>();
                    long start = System.nanoTime();
                    // As `RecordImporter` does: the next file is extracted on a second thread while this one is scanned.
                    try (ExecutorService reader = Executors.newSingleThreadExecutor()) {
                        Future<ExtractedDocument> next = reader.submit(() -> extractor.extract("record-0.pdf", pdfs.get(0)));
                        for (int i = 0; i < count; i++) {
                            long a = System.nanoTime();
                            ExtractedDocument x = next.get();
                            int n = i + 1;
                            next = n < count ? reader.submit(() -> extractor.extract("record-" + n + ".pdf", pdfs.get(n))) : null;
                            if (x.status() != ExtractionStatus.OK) throw new IllegalStateException("Extraction failed: " + x.failureReason());
                            long b = System.nanoTime();
                            List<String> texts = new ArrayList<>(x.pages().size());
                            for (ExtractedPage p : x.pages()) {
                                findings += pii.scan(p.text()).size();
                                texts.add(p.text());
                            }
                            long c = System.nanoTime();
                            PublishedDocument s = sources.get(i);
                            batch.add(Publication.publish(i + 1, new PublishedDocument(i + 1, s.title(), s.agency(), s.requestNumber(),
                                    s.date(), x.kind(), s.fields(), texts)));
                            local[0] += b - a;
                            local[1] += c - b;
                        }
                    }
                    long a = System.nanoTime();
                    index.apply(batch);
                    long done = System.nanoTime();
                    local[2] += done - a;
                    if (index.pageCount() != totalPages) throw new IllegalStateException("Indexed " + index.pageCount() + " pages");
                    daylight.add(totalPages / ((done - start) / 1e9));
                    for (int k = 0; k < 3; k++) parts[k] += local[k];
                } finally {
                    Benchmarks.deleteTree(dir);
                }
            }
        }
        double all = parts[0] + parts[1] + parts[2];
        return new Result(count, totalPages, raw, daylight, parts[0] / all, parts[1] / all, parts[2] / all, findings / Math.max(1, rounds));
    }

    /** PDFBox alone, configured as Daylight's PDF reader is: one page at a time, sorted by position. */
    private static long rawExtract(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            long chars = 0;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                chars += stripper.getText(doc).strip().length();
            }
            return chars;
        }
    }

    /** A text PDF, one page per given text, Helvetica 9 pt, lines wrapped at 100 characters. */
    static byte[] pdf(List<String> pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.setLeading(11);
                    cs.newLineAtOffset(50, 742);
                    int lines = 0;
                    for (String line : wrap(text, 100)) {
                        if (++lines > 62) break;
                        if (!line.isEmpty()) cs.showText(line);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            String rest = para;
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                if (cut <= 0) cut = width;
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            out.add(rest);
        }
        return out;
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) return Double.NaN;
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
