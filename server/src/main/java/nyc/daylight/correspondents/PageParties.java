package nyc.daylight.correspondents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nyc.daylight.records.correspondents.Correspondent;
import nyc.daylight.records.correspondents.HeaderBlocks;
import nyc.daylight.records.correspondents.Offices;
import nyc.daylight.records.correspondents.ParsedMessage;

/**
 * The rows one published page contributes to the correspondents index. Pure: it is handed the
 * page's published text, in which the review's redactions are already burned out, so a name or
 * mailbox the officer withheld is not there to be read.
 */
final class PageParties {
    /** One party to one message on one page, as stored (V36). {@code address} null when not kept. */
    record Party(long documentId, int pageNo, int messageNo, String role, String domain, String side, String office,
            String address, LocalDate month) {
    }

    private PageParties() {
    }

    static List<Party> of(long documentId, int pageNo, String publishedText) {
        Set<Party> out = new LinkedHashSet<>();
        int messageNo = 0;
        for (ParsedMessage message : HeaderBlocks.parse(publishedText)) {
            messageNo++;
            LocalDate month = message.month().map(m -> m.atDay(1)).orElse(null);
            for (Correspondent c : message.parties()) {
                Offices.Office office = Offices.classify(c.domain(), publishedText);
                // Only the two sides of the question: a private domain (gmail.com, a law firm, a
                // requester's own) is neither, and could name the person behind it.
                if (office.side() == Offices.Side.OTHER) continue;
                String address = c.address().isEmpty() ? null : c.address();
                out.add(new Party(documentId, pageNo, messageNo, c.role().name(), c.domain(), office.side().name(),
                        clip(office.name()), address, month));
            }
        }
        return new ArrayList<>(out);
    }

    /** An office named from an unusual subdomain could outgrow the column; its start still says which. */
    private static String clip(String office) {
        return office.length() <= 120 ? office : office.substring(0, 120);
    }
}
