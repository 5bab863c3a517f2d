package nyc.daylight.releases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A released document as review, publication and the public library read it. The title, kind and
 * fields are as extracted (for the officer); the published ones are what the public may read, null
 * until the document is published.
 *
 * @param fieldsJson          the e-mail headers as extracted, a JSON object
 * @param reviewVersion       bumped by every review decision, so a stale publication is refused
 * @param publishedFieldsJson the headers as published (redactions removed), null until published
 */
public record ReleasedDocument(long id, Long requestId, long agencyId, String title, String kind, String sha256, String status,
                               String failureReason, boolean needsOcr, String fieldsJson, LocalDate recordDate, int reviewVersion,
                               String sourceNote, String publishedTitle, String publishedSha256, String publishedFieldsJson,
                               OffsetDateTime publishedAt) {
}
