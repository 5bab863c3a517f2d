package nyc.daylight.records.extract;

import static nyc.daylight.records.extract.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmailExtractionTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none());

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void an_email_gives_its_headers_as_fields_its_body_as_pages_and_its_attachments_as_children() {
        byte[] eml = Fixtures.email("Re: Complaint #4471 – follow-up", "Please find the inspection report attached.\nRegards,\nThe clerk",
                Map.of("report.pdf", new Fixtures.Attachment(Fixtures.pdf("Inspection report for 12 Main St"), "application/pdf"),
                        "log.csv", new Fixtures.Attachment(utf8("Inspector,Date\nR. Diaz,2024-03-01\nK. Osei,2024-03-02\n"), "text/csv")));

        ExtractedDocument doc = extractor.extract("complaint.eml", eml);

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("email");
        assertThat(doc.contentType()).isEqualTo("message/rfc822");
        assertThat(doc.fields()).containsExactly(
                Map.entry("from", "Records Clerk <clerk@records.nyc.gov>"),
                Map.entry("to", "jane@example.org"),
                Map.entry("cc", "counsel@records.nyc.gov, press@example.org"),
                Map.entry("date", "2024-03-05T14:30:00Z"),
                Map.entry("subject", "Re: Complaint #4471 – follow-up"));
        assertThat(doc.pages()).singleElement().satisfies(page -> {
            assertThat(page.text()).startsWith("From: Records Clerk <clerk@records.nyc.gov>\nTo: jane@example.org\n");
            assertThat(page.text()).contains("Subject: Re: Complaint #4471 – follow-up");
            assertThat(page.text()).endsWith("Please find the inspection report attached.\nRegards,\nThe clerk");
        });

        assertThat(doc.children()).hasSize(2);
        ExtractedDocument pdf = child(doc, "report.pdf");
        assertThat(pdf.kind()).isEqualTo("pdf");
        assertThat(pdf.text()).isEqualTo("Inspection report for 12 Main St");
        assertThat(pdf.content()).startsWith(utf8("%PDF"));
        ExtractedDocument csv = child(doc, "log.csv");
        assertThat(csv.kind()).isEqualTo("csv");
        assertThat(csv.text()).isEqualTo("Inspector: R. Diaz; Date: 2024-03-01\nInspector: K. Osei; Date: 2024-03-02");
    }

    @Test
    void an_html_only_email_is_read_as_plain_text() {
        String eml = """
                From: "Agency, Press Office" <press@agency.nyc.gov>
                To: =?UTF-8?Q?Jos=C3=A9_P=C3=A9rez?= <jose@example.org>
                Date: Tue, 5 Mar 2024 09:30:00 -0500
                Subject: =?UTF-8?B?UmVjb3JkcyByZWxlYXNl?=
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p { color: red }</style><title>ignored</title></head>
                <body><p>The records are <b>released</b> &amp; posted.</p><p>Caf&eacute; permits&nbsp;&#8211; 2023</p>
                <script>alert('x')</script><table><tr><td>Permit</td><td>Status</td></tr></table></body></html>
                """.replace("\n", "\r\n");

        ExtractedDocument doc = extractor.extract("release.eml", utf8(eml));

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.fields()).containsEntry("from", "\"Agency, Press Office\" <press@agency.nyc.gov>")
                .containsEntry("to", "José Pérez <jose@example.org>")
                .containsEntry("date", "2024-03-05T14:30:00Z")
                .containsEntry("subject", "Records release")
                .doesNotContainKey("cc");
        String body = doc.text().substring(doc.text().indexOf("\n\n") + 2);
        assertThat(body).isEqualTo("The records are released & posted.\n\nCafé permits – 2023\n\nPermit Status");
    }

    @Test
    void an_unparseable_date_is_kept_as_written() {
        String eml = "From: a@example.org\r\nDate: sometime last week\r\nSubject: hi\r\n\r\nBody\r\n";
        ExtractedDocument doc = extractor.extract("odd.eml", utf8(eml));
        assertThat(doc.fields()).containsEntry("date", "sometime last week");
        assertThat(doc.text()).endsWith("Body");
    }

    @Test
    void a_forwarded_message_is_a_child_email_with_its_own_attachments() {
        byte[] inner = Fixtures.email("Original complaint", "Noise at night.", Map.of(
                "photo.png", new Fixtures.Attachment(Fixtures.png(Fixtures.textImage("NOISE")), "image/png")));
        byte[] outer = Fixtures.email("Fwd: Original complaint", "See below.", Map.of(
                "original.eml", new Fixtures.Attachment(inner, "message/rfc822")));

        ExtractedDocument doc = extractor.extract("fwd.eml", outer);

        ExtractedDocument forwarded = child(doc, "original.eml");
        assertThat(forwarded.kind()).isEqualTo("email");
        assertThat(forwarded.fields()).containsEntry("subject", "Original complaint");
        assertThat(forwarded.text()).endsWith("Noise at night.");
        ExtractedDocument photo = child(forwarded, "photo.png");
        assertThat(photo.kind()).isEqualTo("image");
        assertThat(photo.status()).isEqualTo(ExtractionStatus.NEEDS_OCR);
    }

    @Test
    void multipart_alternative_prefers_the_plain_text() {
        String eml = """
                From: a@example.org
                Subject: both
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=us-ascii

                Plain version
                --b1
                Content-Type: text/html; charset=us-ascii

                <p>HTML version</p>
                --b1--
                """.replace("\n", "\r\n");
        ExtractedDocument doc = extractor.extract("alt.eml", utf8(eml));
        assertThat(doc.text()).endsWith("Plain version").doesNotContain("HTML version");
        assertThat(doc.children()).isEmpty();
    }

    static ExtractedDocument child(ExtractedDocument parent, String name) {
        return parent.children().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No child named " + name + " in " + parent.children().stream().map(ExtractedDocument::name).toList()));
    }
}
