package nyc.daylight.requests;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nyc.daylight.deadlines.BusinessCalendar;

/**
 * The overdue list as an Atom feed (RFC 4287): one entry per request and missed date, with a
 * stable id, so a feed reader shows each request once when it becomes overdue.
 */
final class OverdueFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private OverdueFeed() {
    }

    static String write(String baseUrl, List<OverdueList.Item> items, OffsetDateTime now) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            element(x, "id", baseUrl + "/feeds/overdue.atom");
            element(x, "title", "Daylight: overdue records requests");
            element(x, "subtitle", "Requests whose deadline under the law has passed with no answer.");
            String updated = items.stream().map(i -> at(i.overdueSince())).max(String::compareTo).orElse(now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            element(x, "updated", updated);
            link(x, "self", baseUrl + "/feeds/overdue.atom");
            link(x, "alternate", baseUrl + "/requests?status=overdue");
            x.writeStartElement("author");
            element(x, "name", "Daylight");
            x.writeEndElement();
            for (OverdueList.Item i : items) {
                x.writeStartElement("entry");
                element(x, "id", "tag:daylight," + i.deadline().getYear() + ":overdue/" + i.number() + "/" + i.deadline());
                element(x, "title", i.agencyName() + " is overdue on " + i.number() + ": " + i.title());
                link(x, "alternate", baseUrl + "/requests/" + i.number());
                element(x, "updated", at(i.overdueSince()));
                element(x, "summary", i.agencyName() + " missed its " + i.deadline() + " deadline for \"" + i.title() + "\"; "
                        + i.businessDaysOverdue() + " business day(s) overdue.");
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

    private static String at(java.time.LocalDate day) {
        return day.atStartOfDay(BusinessCalendar.NEW_YORK).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
    }
}
