package nyc.daylight.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/** Checks a document against the elements RFC 4287 requires of an Atom feed and its entries; returns the entry ids. */
public final class AtomAssert {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomAssert() {
    }

    public static List<String> validFeed(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        for (String required : new String[] {"id", "title", "updated", "author"}) {
            assertThat(children(root, required)).as("feed/" + required).hasSize(1);
        }
        List<String> ids = new ArrayList<>();
        for (Element e : children(root, "entry")) {
            for (String required : new String[] {"id", "title", "updated"}) {
                assertThat(children(e, required)).as("entry/" + required).hasSize(1);
            }
            assertThat(children(e, "link")).as("entry/link").isNotEmpty();
            String updated = children(e, "updated").getFirst().getTextContent();
            java.time.OffsetDateTime.parse(updated); // RFC 3339
            ids.add(children(e, "id").getFirst().getTextContent());
        }
        assertThat(ids).doesNotHaveDuplicates();
        return ids;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }
}
