package nyc.daylight.mandates;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.MANDATED_REPORTS;
import static nyc.daylight.sql.jooq.Tables.MANDATED_REPORT_PUBLICATIONS;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.db.RequestVisibility;
import nyc.daylight.sql.types.DocumentStatus;
import nyc.daylight.sql.jooq.tables.Users;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/** The mandated_reports and mandated_report_publications tables; jOOQ only, no rules. */
final class MandateRepository {
    private static final Users VERIFIER = USERS.as("verifier");
    private static final Users ENTERER = USERS.as("enterer");

    List<MandatedReport> all(DSLContext dsl) {
        return reports(dsl).orderBy(AGENCIES.NAME, MANDATED_REPORTS.TITLE).fetch(MandateRepository::report);
    }

    Optional<MandatedReport> find(DSLContext dsl, String slug) {
        return reports(dsl).where(MANDATED_REPORTS.SLUG.eq(slug)).fetchOptional(MandateRepository::report);
    }

    private static SelectOnConditionStep<? extends Record> reports(DSLContext dsl) {
        return dsl.select(MANDATED_REPORTS.ID, MANDATED_REPORTS.SLUG, AGENCIES.SLUG, AGENCIES.NAME, MANDATED_REPORTS.TITLE,
                        MANDATED_REPORTS.TITLE_ES, MANDATED_REPORTS.CITATION, MANDATED_REPORTS.QUOTED_TEXT, MANDATED_REPORTS.SOURCE_URL,
                        MANDATED_REPORTS.VERIFIED, VERIFIER.EMAIL, MANDATED_REPORTS.VERIFIED_AT, MANDATED_REPORTS.FREQUENCY,
                        MANDATED_REPORTS.FIRST_PERIOD, MANDATED_REPORTS.DAYS_AFTER_END)
                .from(MANDATED_REPORTS).join(AGENCIES).on(AGENCIES.ID.eq(MANDATED_REPORTS.AGENCY_ID))
                .leftJoin(VERIFIER).on(VERIFIER.ID.eq(MANDATED_REPORTS.VERIFIED_BY));
    }

    private static MandatedReport report(Record r) {
        return new MandatedReport(r.get(MANDATED_REPORTS.ID), r.get(MANDATED_REPORTS.SLUG), r.get(AGENCIES.SLUG), r.get(AGENCIES.NAME),
                r.get(MANDATED_REPORTS.TITLE), r.get(MANDATED_REPORTS.TITLE_ES), r.get(MANDATED_REPORTS.CITATION),
                r.get(MANDATED_REPORTS.QUOTED_TEXT), r.get(MANDATED_REPORTS.SOURCE_URL), r.get(MANDATED_REPORTS.VERIFIED),
                r.get(VERIFIER.EMAIL), r.get(MANDATED_REPORTS.VERIFIED_AT), Frequency.valueOf(r.get(MANDATED_REPORTS.FREQUENCY)),
                r.get(MANDATED_REPORTS.FIRST_PERIOD), r.get(MANDATED_REPORTS.DAYS_AFTER_END));
    }

    /** Every publication of these reports; a linked record counts as visible only while the public may open it. */
    List<Publication> publications(DSLContext dsl, List<Long> reportIds, LocalDate today) {
        if (reportIds.isEmpty()) return List.of();
        Field<Boolean> visible = DSL.field(DOCUMENTS.ID.isNotNull().and(DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED))
                .and(RequestVisibility.listedOn(today)));
        return dsl.select(MANDATED_REPORT_PUBLICATIONS.ID, MANDATED_REPORT_PUBLICATIONS.REPORT_ID, MANDATED_REPORT_PUBLICATIONS.PERIOD_START,
                        MANDATED_REPORT_PUBLICATIONS.URL, MANDATED_REPORT_PUBLICATIONS.DOCUMENT_ID, visible,
                        MANDATED_REPORT_PUBLICATIONS.FIGURES, ENTERER.EMAIL, MANDATED_REPORT_PUBLICATIONS.ENTERED_AT)
                .from(MANDATED_REPORT_PUBLICATIONS).join(ENTERER).on(ENTERER.ID.eq(MANDATED_REPORT_PUBLICATIONS.ENTERED_BY))
                .leftJoin(DOCUMENTS).on(DOCUMENTS.ID.eq(MANDATED_REPORT_PUBLICATIONS.DOCUMENT_ID))
                .leftJoin(REQUESTS).on(REQUESTS.ID.eq(DOCUMENTS.REQUEST_ID))
                .where(MANDATED_REPORT_PUBLICATIONS.REPORT_ID.in(reportIds))
                .orderBy(MANDATED_REPORT_PUBLICATIONS.PERIOD_START.desc())
                .fetch(r -> new Publication(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), Boolean.TRUE.equals(r.value6()),
                        r.value7(), r.value8(), r.value9()));
    }

    /** True when the public may open this record today: the only records a publication may link to. */
    boolean recordVisible(DSLContext dsl, long documentId, LocalDate today) {
        return dsl.fetchExists(dsl.selectOne().from(DOCUMENTS).leftJoin(REQUESTS).on(REQUESTS.ID.eq(DOCUMENTS.REQUEST_ID))
                .where(DOCUMENTS.ID.eq(documentId), DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED), RequestVisibility.listedOn(today)));
    }

    /** False when the slug is taken. */
    boolean insert(DSLContext tx, ReportEdit e, OffsetDateTime at) {
        return tx.insertInto(MANDATED_REPORTS)
                .set(MANDATED_REPORTS.SLUG, e.slug()).set(MANDATED_REPORTS.AGENCY_ID, e.agencyId())
                .set(MANDATED_REPORTS.TITLE, e.title()).set(MANDATED_REPORTS.TITLE_ES, e.titleEs())
                .set(MANDATED_REPORTS.CITATION, e.citation()).set(MANDATED_REPORTS.QUOTED_TEXT, e.quotedText())
                .set(MANDATED_REPORTS.SOURCE_URL, e.sourceUrl()).set(MANDATED_REPORTS.FREQUENCY, e.frequency().name())
                .set(MANDATED_REPORTS.FIRST_PERIOD, e.firstPeriod()).set(MANDATED_REPORTS.DAYS_AFTER_END, e.daysAfterEnd())
                .set(MANDATED_REPORTS.CREATED_AT, at).set(MANDATED_REPORTS.UPDATED_AT, at)
                .onConflictDoNothing().execute() == 1;
    }

    /** Saves the edit (its slug stays); {@code unverify} clears a verification the edit no longer matches. */
    void update(DSLContext tx, long id, ReportEdit e, boolean unverify, OffsetDateTime at) {
        var update = tx.update(MANDATED_REPORTS)
                .set(MANDATED_REPORTS.AGENCY_ID, e.agencyId())
                .set(MANDATED_REPORTS.TITLE, e.title()).set(MANDATED_REPORTS.TITLE_ES, e.titleEs())
                .set(MANDATED_REPORTS.CITATION, e.citation()).set(MANDATED_REPORTS.QUOTED_TEXT, e.quotedText())
                .set(MANDATED_REPORTS.SOURCE_URL, e.sourceUrl()).set(MANDATED_REPORTS.FREQUENCY, e.frequency().name())
                .set(MANDATED_REPORTS.FIRST_PERIOD, e.firstPeriod()).set(MANDATED_REPORTS.DAYS_AFTER_END, e.daysAfterEnd())
                .set(MANDATED_REPORTS.UPDATED_AT, at);
        if (unverify) {
            update = update.set(MANDATED_REPORTS.VERIFIED, false).set(MANDATED_REPORTS.VERIFIED_BY, (Long) null)
                    .set(MANDATED_REPORTS.VERIFIED_AT, (OffsetDateTime) null);
        }
        update.where(MANDATED_REPORTS.ID.eq(id)).execute();
    }

    void verify(DSLContext tx, long id, long adminId, OffsetDateTime at) {
        tx.update(MANDATED_REPORTS).set(MANDATED_REPORTS.VERIFIED, true).set(MANDATED_REPORTS.VERIFIED_BY, adminId)
                .set(MANDATED_REPORTS.VERIFIED_AT, at).where(MANDATED_REPORTS.ID.eq(id)).execute();
    }

    boolean delete(DSLContext tx, long id) {
        return tx.deleteFrom(MANDATED_REPORTS).where(MANDATED_REPORTS.ID.eq(id)).execute() == 1;
    }

    /** Records (or replaces) the publication for one period. */
    void publish(DSLContext tx, long reportId, LocalDate periodStart, String url, Long documentId, String figures, long adminId,
                 OffsetDateTime at) {
        tx.insertInto(MANDATED_REPORT_PUBLICATIONS)
                .set(MANDATED_REPORT_PUBLICATIONS.REPORT_ID, reportId).set(MANDATED_REPORT_PUBLICATIONS.PERIOD_START, periodStart)
                .set(MANDATED_REPORT_PUBLICATIONS.URL, url).set(MANDATED_REPORT_PUBLICATIONS.DOCUMENT_ID, documentId)
                .set(MANDATED_REPORT_PUBLICATIONS.FIGURES, figures).set(MANDATED_REPORT_PUBLICATIONS.ENTERED_BY, adminId)
                .set(MANDATED_REPORT_PUBLICATIONS.ENTERED_AT, at)
                .onConflict(MANDATED_REPORT_PUBLICATIONS.REPORT_ID, MANDATED_REPORT_PUBLICATIONS.PERIOD_START).doUpdate()
                .set(MANDATED_REPORT_PUBLICATIONS.URL, url).set(MANDATED_REPORT_PUBLICATIONS.DOCUMENT_ID, documentId)
                .set(MANDATED_REPORT_PUBLICATIONS.FIGURES, figures).set(MANDATED_REPORT_PUBLICATIONS.ENTERED_BY, adminId)
                .set(MANDATED_REPORT_PUBLICATIONS.ENTERED_AT, at)
                .execute();
    }

    boolean unpublish(DSLContext tx, long reportId, LocalDate periodStart) {
        Condition c = MANDATED_REPORT_PUBLICATIONS.REPORT_ID.eq(reportId).and(MANDATED_REPORT_PUBLICATIONS.PERIOD_START.eq(periodStart));
        return tx.deleteFrom(MANDATED_REPORT_PUBLICATIONS).where(c).execute() == 1;
    }
}
