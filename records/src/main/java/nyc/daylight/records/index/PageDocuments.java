package nyc.daylight.records.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a published document into one Lucene document per page. A page is the unit of search (a
 * hit opens the viewer at that page); the document id ties pages together for grouping.
 */
final class PageDocuments {
    /** Offsets in the postings let the highlighter mark terms without re-analysing each page. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    static final FacetsConfig FACETS = new FacetsConfig();
    static final java.util.Set<String> EMAIL_FIELDS = java.util.Set.of("from", "to", "cc", "subject");

    private PageDocuments() {}

    /** @param seq the publication that (re)published it: newer publications sort first in feeds */
    static List<Document> of(PublishedDocument d, long seq) throws IOException {
        List<Document> pages = new ArrayList<>(Math.max(1, d.pages().size()));
        // A document with no text (waiting for OCR) is still findable by its title and fields.
        List<String> texts = d.pages().isEmpty() ? List.of("") : d.pages();
        for (int i = 0; i < texts.size(); i++) {
            Document doc = new Document();
            String id = Long.toString(d.id());
            doc.add(new StringField(RecordFields.ID, id, Field.Store.YES));
            doc.add(new SortedDocValuesField(RecordFields.ID, new BytesRef(id)));
            doc.add(new IntPoint(RecordFields.PAGE, i + 1));
            doc.add(new StoredField(RecordFields.PAGE, i + 1));
            doc.add(new TextField(RecordFields.TITLE, d.title(), Field.Store.YES));
            doc.add(new Field(RecordFields.BODY, texts.get(i), BODY_TYPE));
            doc.add(new StringField(RecordFields.AGENCY, d.agency(), Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(RecordFields.AGENCY, d.agency()));
            doc.add(new StringField(RecordFields.KIND, d.kind(), Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(RecordFields.KIND, d.kind()));
            if (d.requestNumber() != null) {
                doc.add(new StringField(RecordFields.REQUEST, d.requestNumber().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
                doc.add(new StoredField(RecordFields.REQUEST, d.requestNumber()));
                doc.add(new SortedSetDocValuesFacetField(RecordFields.REQUEST, d.requestNumber()));
            }
            long day = d.date().toEpochDay();
            doc.add(new LongPoint(RecordFields.DATE, day));
            doc.add(new NumericDocValuesField(RecordFields.DATE, day));
            doc.add(new NumericDocValuesField(RecordFields.PUBLISHED, seq));
            doc.add(new StoredField(RecordFields.DATE, day));
            doc.add(new SortedSetDocValuesFacetField(RecordFields.YEAR, Integer.toString(d.date().getYear())));
            for (Map.Entry<String, String> f : d.fields().entrySet()) {
                if (EMAIL_FIELDS.contains(f.getKey()) && f.getValue() != null) {
                    doc.add(new TextField(f.getKey(), f.getValue(), Field.Store.NO));
                }
            }
            pages.add(FACETS.build(doc));
        }
        return pages;
    }
}
