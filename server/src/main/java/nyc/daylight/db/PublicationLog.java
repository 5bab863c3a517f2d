package nyc.daylight.db;

import static nyc.daylight.sql.jooq.Tables.PUBLICATIONS;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Reading the publication log (V8), the one record of every publication and withdrawal, in the
 * order its writers took their sequence numbers. Its followers (the search index, the duplicate
 * linker, the correspondents index) each keep their own position and read on from it here.
 */
public final class PublicationLog {
    /** One entry: its sequence number and the record it published or withdrew. */
    public record Entry(long seq, long documentId) {}

    private PublicationLog() {
    }

    /** Up to {@code limit} entries after {@code seq}, oldest first. */
    public static List<Entry> after(DSLContext dsl, long seq, int limit) {
        return dsl.select(PUBLICATIONS.SEQ, PUBLICATIONS.DOCUMENT_ID).from(PUBLICATIONS).where(PUBLICATIONS.SEQ.gt(seq))
                .orderBy(PUBLICATIONS.SEQ).limit(limit)
                .fetch(r -> new Entry(r.value1(), r.value2()));
    }

    /** The newest entry's sequence number; 0 for an empty log. */
    public static long last(DSLContext dsl) {
        Long max = dsl.select(DSL.max(PUBLICATIONS.SEQ)).from(PUBLICATIONS).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }
}
