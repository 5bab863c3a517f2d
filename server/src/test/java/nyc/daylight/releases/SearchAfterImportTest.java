package nyc.daylight.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Optional;
import java.util.TimeZone;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.health.HealthCheck;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.FileBlobStore;
import nyc.daylight.records.extract.ExtractionLimits;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.extract.Ocr;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #30, point 7: records imported with {@code --publish} while the server is down are in the
 * database but not in the index until the server's first catch-up. Until then {@code /health}
 * is not ok; once it is, every query (a phrase too) finds them, and they are dated by themselves.
 */
@ExtendWith(PostgresExtension.class)
class SearchAfterImportTest {
    @TempDir
    Path dir;

    @Test
    void records_published_by_an_import_are_found_by_a_phrase_as_soon_as_health_is_ok(TestDatabase db) throws Exception {
        AppSettings settings = new AppSettings("http://daylight.test", Optional.empty(), RateLimits.defaults().withoutIpLimits(),
                dir.resolve("data"), false);
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("policy.pdf"), pdf("The courthouse arrest policy was revised in June.", "Courthouse arrest policy",
                Instant.parse("2025-06-03T16:00:00Z")));
        Files.write(in.resolve("memo.pdf"), Pdfs.withPages("Memo on the transfer window for detainers."));
        Files.writeString(in.resolve("notes.txt"), "Liaison notes: the release date moved to Friday.\n", StandardCharsets.UTF_8);
        AgencyService agencies = new AgencyService(db.dsl());
        BlobStore blobs = new FileBlobStore(settings.blobDir());
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            ImportSummary s = new RecordImporter(db.dsl(), agencies, blobs, new RecordPipeline(db.dsl(), blobs, extractor, clock),
                    new Publisher(db.dsl(), agencies, blobs, null, clock), clock)
                    .importDirectory(in, "nypd", null, "Released in Doe v. City, 2025", true, new PrintWriter(new StringWriter()));
            assertThat(s.published()).isEqualTo(3);
        }

        // Before its first catch-up an index lacks them, and health says so: no load balancer sends
        // searches here yet. (An index of its own: the app below catches up on its own start.)
        try (RecordIndex index = new RecordIndex(Files.createDirectories(dir.resolve("probe-index")))) {
            RecordIndexer indexer = new RecordIndexer(db.dsl(), index);
            HealthCheck health = new HealthCheck(db.dsl(), "test", indexer::caughtUp);
            assertThat(health.check().healthy()).isFalse();
            assertThat(health.check().body()).containsEntry("index", "catching up").containsEntry("database", "ok");
            indexer.catchUp();
            assertThat(health.check().healthy()).isTrue();
        }

        try (RunningApp app = RunningApp.start(db.dataSource(), clock, settings)) {
            var health = app.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"index\":\"ok\"");
            // The first search after health is ok: a phrase, a word and a phrase across the text's stop word.
            assertThat(app.get("/api/v1/search?q=" + enc("\"courthouse arrest policy\"")).body()).contains("\"total\":1");
            assertThat(app.get("/api/v1/search?q=" + enc("\"release date moved\"")).body()).contains("\"total\":1");
            assertThat(app.get("/api/v1/search?q=" + enc("\"transfer window for detainers\"")).body()).contains("\"total\":1");
            assertThat(app.get("/api/v1/search?q=detainers").body()).contains("\"total\":1");

            // Dated by itself: the 2025 PDF is a 2025 record though published in 2026, and titled by its own title.
            String dated = app.get("/api/v1/search?q=" + enc("date:2025")).body();
            assertThat(dated).contains("\"total\":1", "\"title\":\"Courthouse arrest policy\"", "\"date\":\"2025-06-03\"");
            assertThat(app.get("/api/v1/search?q=policy&from=2025-01-01&to=2025-12-31").body()).contains("\"total\":1");
            assertThat(app.get("/api/v1/search?q=policy&from=2026-01-01").body()).contains("\"total\":0");
            String page = app.get("/records?agency=nypd").body();
            // The year facet counts records' own years; facets and hits name agencies and types as people do.
            assertThat(page).contains(">2025</a>", ">2026</a>", ">Police Department</a>", ">PDF</a>", "Police Department · ");
            assertThat(page).doesNotContain(">nypd</a>", ">pdf</a>");
        }
    }

    private static String enc(String q) {
        return java.net.URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static byte[] pdf(String text, String title, Instant createdAt) throws Exception {
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("America/New_York"));
        created.setTimeInMillis(createdAt.toEpochMilli());
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(text);
                cs.endText();
            }
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCreationDate(created);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
