package nyc.daylight.correspondents;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.CORRESPONDENTS_POSITION;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.PAGE_CORRESPONDENTS;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import nyc.daylight.db.RequestVisibility;
import nyc.daylight.sql.jooq.tables.PageCorrespondents;
import nyc.daylight.sql.types.DocumentStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** The correspondents rows (V36), the log position they follow, and the public counts over them. */
final class CorrespondentRepository {
    private static final PageCorrespondents PC = PAGE_CORRESPONDENTS;
    /** One message: a header block on a page. */
    private static final Field<Integer> MESSAGES = DSL.countDistinct(DSL.concat(PC.DOCUMENT_ID.cast(String.class), DSL.inline("/"),
            PC.PAGE_NO.cast(String.class), DSL.inline("/"), PC.MESSAGE_NO.cast(String.class)));
    private static final Field<Integer> PAGES = DSL.countDistinct(DSL.concat(PC.DOCUMENT_ID.cast(String.class), DSL.inline("/"),
            PC.PAGE_NO.cast(String.class)));

    record PublishedPage(int pageNo, String text) {}

    record OfficeCount(String office, String side, int messages, int pages, List<String> domains) {}

    record MonthCount(String office, String side, LocalDate month, int messages) {}

    record PageLink(long documentId, int pageNo, String title, String agency, LocalDate month, List<String> roles) {}

    record Mailbox(String address, int messages) {}

    record Counterpart(String office, String side, int messages) {}

    // ---- following the publication log

    /** The position, its row locked until the caller's transaction ends: one pass moves it at a time. */
    long lockPosition(DSLContext tx) {
        return tx.select(CORRESPONDENTS_POSITION.APPLIED_SEQ).from(CORRESPONDENTS_POSITION).forUpdate().fetchSingle().value1();
    }

    long position(DSLContext dsl) {
        return dsl.select(CORRESPONDENTS_POSITION.APPLIED_SEQ).from(CORRESPONDENTS_POSITION).fetchSingle().value1();
    }

    void setPosition(DSLContext tx, long seq) {
        tx.update(CORRESPONDENTS_POSITION).set(CORRESPONDENTS_POSITION.APPLIED_SEQ, seq).execute();
    }

    /** The document's pages as published; empty when it is not published (now). Never the extracted text. */
    List<PublishedPage> publishedPages(DSLContext tx, long documentId) {
        return tx.select(DOCUMENT_PAGES.PAGE_NO, DOCUMENT_PAGES.PUBLISHED_TEXT).from(DOCUMENT_PAGES).join(DOCUMENTS)
                .on(DOCUMENTS.ID.eq(DOCUMENT_PAGES.DOCUMENT_ID))
                .where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId), DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED),
                        DOCUMENT_PAGES.PUBLISHED_TEXT.isNotNull())
                .orderBy(DOCUMENT_PAGES.PAGE_NO).fetch(r -> new PublishedPage(r.value1(), r.value2()));
    }

    void deleteDocument(DSLContext tx, long documentId) {
        tx.deleteFrom(PC).where(PC.DOCUMENT_ID.eq(documentId)).execute();
    }

    void deleteAll(DSLContext tx) {
        tx.deleteFrom(PC).execute();
    }

    void insert(DSLContext tx, Collection<PageParties.Party> parties) {
        if (parties.isEmpty()) return;
        var insert = tx.insertInto(PC, PC.DOCUMENT_ID, PC.PAGE_NO, PC.MESSAGE_NO, PC.ROLE, PC.DOMAIN, PC.SIDE, PC.OFFICE, PC.ADDRESS,
                PC.SENT_MONTH);
        for (PageParties.Party p : parties) {
            insert = insert.values(p.documentId(), p.pageNo(), p.messageNo(), p.role(), p.domain(), p.side(), p.office(), p.address(),
                    p.month());
        }
        insert.execute();
    }

    // ---- what the public sees: rows of records published and listed today

    /** The rows joined to their document and its request, for {@link #listed}. */
    private static <R extends org.jooq.Record> SelectJoinStep<R> visible(SelectJoinStep<R> from) {
        return from.join(DOCUMENTS).on(DOCUMENTS.ID.eq(PC.DOCUMENT_ID))
                .leftJoin(REQUESTS).on(REQUESTS.ID.eq(DOCUMENTS.REQUEST_ID));
    }

    private static Condition listed(LocalDate today) {
        return DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED).and(RequestVisibility.listedOn(today));
    }

    private static Condition side(String side) {
        return side == null ? DSL.noCondition() : PC.SIDE.eq(side);
    }

    int officeTotal(DSLContext dsl, LocalDate today, String side) {
        return dsl.fetchCount(visible(dsl.selectDistinct(PC.OFFICE, PC.SIDE).from(PC)).where(listed(today), side(side)));
    }

    /** A page of offices; {@code office} null for all of them, else only that one (on {@code side}). */
    List<OfficeCount> offices(DSLContext dsl, LocalDate today, String side, String office, boolean byName, int offset, int limit) {
        List<SortField<?>> order = byName ? List.of(PC.OFFICE.asc(), PC.SIDE.asc())
                : List.of(MESSAGES.desc(), PC.OFFICE.asc(), PC.SIDE.asc());
        Field<String[]> domains = DSL.arrayAggDistinct(PC.DOMAIN);
        return visible(dsl.select(PC.OFFICE, PC.SIDE, MESSAGES, PAGES, domains).from(PC))
                .where(listed(today), side(side), office == null ? DSL.noCondition() : PC.OFFICE.eq(office))
                .groupBy(PC.OFFICE, PC.SIDE).orderBy(order).offset(offset).limit(limit)
                .fetch(r -> new OfficeCount(r.value1(), r.value2(), r.value3(), r.value4(), List.of(r.value5())));
    }

    /** Messages by month for offices of these names, oldest month first; a month unknown comes last as null. */
    List<MonthCount> months(DSLContext dsl, LocalDate today, Collection<String> offices) {
        if (offices.isEmpty()) return List.of();
        return visible(dsl.select(PC.OFFICE, PC.SIDE, PC.SENT_MONTH, MESSAGES).from(PC)).where(listed(today), PC.OFFICE.in(offices))
                .groupBy(PC.OFFICE, PC.SIDE, PC.SENT_MONTH).orderBy(PC.OFFICE, PC.SIDE, PC.SENT_MONTH.asc().nullsLast())
                .fetch(r -> new MonthCount(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** One office (a name on one side: DHS the federal department is not dhs.nyc.gov, Homeless Services). */
    private static Condition office(String side, String office) {
        return PC.SIDE.eq(side).and(PC.OFFICE.eq(office));
    }

    int pageTotal(DSLContext dsl, LocalDate today, String side, String office, LocalDate month) {
        return dsl.fetchCount(visible(dsl.selectDistinct(PC.DOCUMENT_ID, PC.PAGE_NO).from(PC))
                .where(listed(today), office(side, office), month(month)));
    }

    private static Condition month(LocalDate month) {
        return month == null ? DSL.noCondition() : PC.SENT_MONTH.eq(month);
    }

    /** The pages that name an office, newest month first. */
    List<PageLink> pages(DSLContext dsl, LocalDate today, String side, String office, LocalDate month, int offset, int limit) {
        Field<LocalDate> first = DSL.min(PC.SENT_MONTH);
        Field<String[]> roles = DSL.arrayAggDistinct(PC.ROLE);
        return dsl.select(PC.DOCUMENT_ID, PC.PAGE_NO, DOCUMENTS.PUBLISHED_TITLE, AGENCIES.NAME, first, roles).from(PC)
                .join(DOCUMENTS).on(DOCUMENTS.ID.eq(PC.DOCUMENT_ID)).join(AGENCIES).on(AGENCIES.ID.eq(DOCUMENTS.AGENCY_ID))
                .leftJoin(REQUESTS).on(REQUESTS.ID.eq(DOCUMENTS.REQUEST_ID))
                .where(listed(today), office(side, office), month(month))
                .groupBy(PC.DOCUMENT_ID, PC.PAGE_NO, DOCUMENTS.PUBLISHED_TITLE, AGENCIES.NAME)
                .orderBy(first.desc().nullsLast(), PC.DOCUMENT_ID.desc(), PC.PAGE_NO.asc()).offset(offset).limit(limit)
                .fetch(r -> new PageLink(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), List.of(r.value6())));
    }

    /** The office's mailboxes as published (those the review left whole), most used first. */
    List<Mailbox> mailboxes(DSLContext dsl, LocalDate today, String side, String office, int limit) {
        return visible(dsl.select(PC.ADDRESS, MESSAGES).from(PC)).where(listed(today), office(side, office), PC.ADDRESS.isNotNull())
                .groupBy(PC.ADDRESS).orderBy(MESSAGES.desc(), PC.ADDRESS).limit(limit)
                .fetch(r -> new Mailbox(r.value1(), r.value2()));
    }

    /** The offices on the other side of the office's messages: who ICE wrote to, who wrote to ICE. */
    List<Counterpart> counterparts(DSLContext dsl, LocalDate today, String side, String office, int limit) {
        PageCorrespondents other = PC.as("other");
        Field<Integer> messages = DSL.countDistinct(DSL.concat(PC.DOCUMENT_ID.cast(String.class), DSL.inline("/"),
                PC.PAGE_NO.cast(String.class), DSL.inline("/"), PC.MESSAGE_NO.cast(String.class)));
        return visible(dsl.select(other.OFFICE, other.SIDE, messages).from(PC))
                .join(other).on(other.DOCUMENT_ID.eq(PC.DOCUMENT_ID), other.PAGE_NO.eq(PC.PAGE_NO), other.MESSAGE_NO.eq(PC.MESSAGE_NO),
                        other.SIDE.ne(PC.SIDE))
                .where(listed(today), office(side, office))
                .groupBy(other.OFFICE, other.SIDE).orderBy(messages.desc(), other.OFFICE).limit(limit)
                .fetch(r -> new Counterpart(r.value1(), r.value2(), r.value3()));
    }
}
