package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The request-level open data, read row by row; jOOQ only, on the context it is handed. */
final class OpenDataRepository {

    /** Takes one row of the export: its values in {@link OpenData#REQUEST_COLUMNS} order, without methodology_version and demo (OpenData adds them). */
    @FunctionalInterface
    interface RowSink {
        void accept(List<Object> row) throws IOException;
    }

    /**
     * Every public request received between the dates (of one agency, unless {@code agencySlug} is
     * null), oldest first, handed to {@code sink} as it is read. Withheld requests are left out
     * exactly as the scorecards leave them out ({@link ScorecardRepository#publicOn}).
     */
    void requestRows(DSLContext dsl, LocalDate from, LocalDate to, String agencySlug, LocalDate today, RowSink sink)
            throws IOException {
        var m = REQUEST_METRICS;
        var q = dsl.select(REQUESTS.NUMBER, AGENCIES.SLUG, m.REGIME, m.TOPIC, m.IMPORTED, m.RECEIVED_ON,
                        m.RESPONSE_DUE, m.RESPONDED_ON, m.RESPONSE_MET, m.BUSINESS_DAYS_TO_RESPONSE, m.DETERMINED_ON,
                        m.BUSINESS_DAYS_TO_DETERMINATION, m.DETERMINATION_ON_TIME, m.OUTCOME, m.OVERDUE_SINCE,
                        m.CONSTRUCTIVE_DENIAL, m.EXTENSIONS, m.EXTENSION_BUSINESS_DAYS, m.EXEMPTIONS, m.APPEAL_FILED,
                        m.APPEAL_DECIDED_ON_TIME, m.APPEAL_REVERSED, m.FILES_RELEASED, m.PROMISED_BUSINESS_DAYS,
                        // Only the verdict, never the counts: how many words were redacted would tell how long a redacted name is.
                        DSL.field(DelayRepository.nearTotalRedaction()))
                .from(m).join(REQUESTS).on(REQUESTS.ID.eq(m.REQUEST_ID)).join(AGENCIES).on(AGENCIES.ID.eq(m.AGENCY_ID))
                .where(m.RECEIVED_ON.between(from, to))
                .and(ScorecardRepository.publicOn(today))
                .and(agencySlug == null ? DSL.noCondition() : AGENCIES.SLUG.eq(agencySlug))
                .orderBy(m.RECEIVED_ON, m.REQUEST_ID);
        try (var cursor = q.fetchLazy()) {
            for (Record r : cursor) {
                // jOOQ types selects up to 22 columns; this one has 25, so fields are read by position.
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) row.add(r.get(i));
                sink.accept(row);
            }
        }
    }
}
