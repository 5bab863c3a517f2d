package nyc.daylight.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Party;
import nyc.daylight.deadlines.Standing;
import nyc.daylight.records.pii.PiiType;
import org.junit.jupiter.api.Test;

/**
 * Pages name values the Java code computes through families of messages
 * ({@code msg("standing." + s.name())}); every value needs its message, or the page fails.
 */
class EnumMessagesTest {

    @Test
    void every_value_a_page_names_has_its_message() throws IOException {
        Set<String> en = I18nBundlesTest.load("messages.properties").stringPropertyNames();
        List<String> wanted = new ArrayList<>();
        Stream.of(Standing.values()).forEach(s -> wanted.add("standing." + s.name()));
        Stream.of(EventType.values()).forEach(e -> wanted.add("event." + e.name()));
        Stream.of(Party.values()).forEach(p -> wanted.add("party." + p.name()));
        Stream.of(Deadline.Kind.values()).forEach(k -> wanted.add("deadline." + k.name()));
        Stream.of(Deadline.State.values()).forEach(s -> wanted.add("deadline.state." + s.name()));
        Stream.of(PiiType.values()).forEach(p -> wanted.add("pii." + p.name()));
        EventType.DETERMINATIONS.forEach(d -> wanted.add("outcome." + d.name()));
        EventType.APPEAL_DECISIONS.forEach(d -> wanted.add("work.appeal." + d.name()));
        Stream.of("OPEN", "WITHDRAWN").forEach(o -> wanted.add("outcome." + o));
        Stream.of("NEEDS_REVIEW", "PUBLISHED", "FAILED").forEach(s -> wanted.add("document.status." + s)); // V8 check constraint
        Stream.of("REQUESTER", "OFFICER", "ADMIN").forEach(r -> wanted.add("role." + r)); // V1 check constraint
        assertThat(wanted.stream().filter(k -> !en.contains(k))).as("messages missing from messages.properties").isEmpty();
    }
}
