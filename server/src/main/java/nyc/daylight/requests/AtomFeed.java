package nyc.daylight.requests;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an Atom feed (RFC 4287) with the required elements and stable entry ids; all text escaped by the XML writer. */
public final class AtomFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    public record Entry(String id, String title, String link, OffsetDateTime updated, String summary) {}

    private AtomFeed() {
    }

    public static String write(String selfUrl, String alternateUrl, String title, String subtitle, List<Entry> entries,
                        OffsetDateTime fallbackUpdated) {
        return write(selfUrl, alternateUrl, null, title, subtitle, entries, fallbackUpdated);
    }

    /** As above, with a {@code <link rel="next">} to the feed's next page when {@code nextUrl} is not null (RFC 5005 paging). */
    public static String write(String selfUrl, String alternateUrl, String nextUrl, String title, String subtitle,
                               List<Entry> entries, OffsetDateTime fallbackUpdated) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            element(x, "id", selfUrl);
            element(x, "title", title);
            element(x, "subtitle", subtitle);
            element(x, "updated", format(entries.stream().map(Entry::updated).max(OffsetDateTime::compareTo).orElse(fallbackUpdated)));
            link(x, "self", selfUrl);
            link(x, "alternate", alternateUrl);
            if (nextUrl != null) link(x, "next", nextUrl);
            x.writeStartElement("author");
            element(x, "name", "Daylight");
            x.writeEndElement();
            for (Entry e : entries) {
                x.writeStartElement("entry");
                element(x, "id", e.id());
                element(x, "title", e.title());
                link(x, "alternate", e.link());
                element(x, "updated", format(e.updated()));
                element(x, "summary", e.summary());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String format(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text == null ? "" : text);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
    }
}
