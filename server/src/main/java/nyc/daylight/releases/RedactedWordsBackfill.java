package nyc.daylight.releases;

import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the words of records published before V32 added the columns, from the pages' reviewed
 * and published text, with the same rule publication uses ({@link RedactedWords}). Run at the
 * server's start, in the background; idempotent (it only fills counts still null, and a record
 * withdrawn meanwhile is left alone), so two servers starting together, or a crash halfway, are
 * harmless. Until it has run, an uncounted record counts as records provided, as before 2026.6.
 */
public final class RedactedWordsBackfill {
    private static final Logger log = LoggerFactory.getLogger(RedactedWordsBackfill.class);
    private static final int BATCH = 200;

    private final DSLContext dsl;
    private final PublicationRepository repo = new PublicationRepository();

    public RedactedWordsBackfill(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Returns how many records it counted. */
    public int runOnce() {
        int done = 0;
        long after = 0;
        for (List<Long> ids = repo.uncounted(dsl, after, BATCH); !ids.isEmpty(); ids = repo.uncounted(dsl, after, BATCH)) {
            for (long id : ids) {
                List<List<String>> texts = repo.reviewedAndPublished(dsl, id);
                if (repo.setWords(dsl, id, RedactedWords.of(texts.get(0), texts.get(1)))) done++;
                after = id;
            }
        }
        if (done > 0) log.info("Counted the redacted words of {} record(s) published before methodology 2026.6", done);
        return done;
    }
}
