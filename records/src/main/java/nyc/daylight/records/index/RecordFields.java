package nyc.daylight.records.index;

/** Lucene field names, in one place because the indexer, parser and searcher must agree. */
final class RecordFields {
    static final String ID = "id";          // document id: grouping key and delete term
    static final String PAGE = "page";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String AGENCY = "agency";
    static final String REQUEST = "request";
    static final String KIND = "type";
    static final String DATE = "date";
    static final String YEAR = "year";
    /** The publication log's sequence number: the order records were published, for "newly published" feeds. */
    static final String PUBLISHED = "published";

    private RecordFields() {}
}
