package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.REDACTION_LOG;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.jooq.impl.DSL.count;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nyc.daylight.db.RequestVisibility;
import nyc.daylight.sql.types.DocumentStatus;
import org.jooq.DSLContext;

/**
 * What the public may read of the records each side of a pair released: published documents only
 * (never one in review or withdrawn), of requests listed today, exactly as {@code /records/{id}}
 * decides; their published titles, page counts, and the exemptions their redaction logs cite.
 * jOOQ only.
 */
final class CrossCheckRepository {

    /** One published record: its public id and title, and how many pages it has. */
    record Published(long id, String number, String title, int pages) {}

    /** The published records of these requests, by request number, in publication order. */
    Map<String, List<Published>> published(DSLContext dsl, List<String> numbers, LocalDate today) {
        Map<String, List<Published>> out = new HashMap<>();
        if (numbers.isEmpty()) return out;
        var pages = dsl.select(DOCUMENT_PAGES.DOCUMENT_ID, count().as("n")).from(DOCUMENT_PAGES)
                .groupBy(DOCUMENT_PAGES.DOCUMENT_ID).asTable("pages");
        var pageCount = pages.field("n", Integer.class);
        dsl.select(DOCUMENTS.ID, REQUESTS.NUMBER, DOCUMENTS.PUBLISHED_TITLE, pageCount)
                .from(DOCUMENTS).join(REQUESTS).on(REQUESTS.ID.eq(DOCUMENTS.REQUEST_ID))
                .leftJoin(pages).on(pages.field(DOCUMENT_PAGES.DOCUMENT_ID).eq(DOCUMENTS.ID))
                .where(REQUESTS.NUMBER.in(numbers)).and(DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED))
                .and(DOCUMENTS.PUBLISHED_TITLE.isNotNull()).and(RequestVisibility.listedOn(today))
                .orderBy(DOCUMENTS.PUBLISHED_AT, DOCUMENTS.ID)
                .forEach(r -> out.computeIfAbsent(r.value2(), k -> new ArrayList<>())
                        .add(new Published(r.value1(), r.value2(), r.value3(), r.value4() == null ? 0 : r.value4())));
        return out;
    }

    /** The exemptions the redaction logs of these (published) documents cite, each once, by document. */
    Map<Long, Set<String>> redactionExemptions(DSLContext dsl, List<Long> documentIds) {
        Map<Long, Set<String>> out = new HashMap<>();
        if (documentIds.isEmpty()) return out;
        dsl.selectDistinct(REDACTION_LOG.DOCUMENT_ID, REDACTION_LOG.EXEMPTION).from(REDACTION_LOG)
                .where(REDACTION_LOG.DOCUMENT_ID.in(documentIds))
                .orderBy(REDACTION_LOG.DOCUMENT_ID, REDACTION_LOG.EXEMPTION)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new LinkedHashSet<>()).add(r.value2()));
        return out;
    }
}
