package nyc.daylight.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Which requests still take replies at their address (the SMTP listener asks before it stores anything). */
class RecipientPolicyTest {
    private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofDays(180);
    private static final OffsetDateTime SUBMITTED = OffsetDateTime.parse("2026-01-05T15:00:00Z");

    private static boolean live(String status, OffsetDateTime submitted, String lastStep) {
        return RecipientPolicy.live(status, submitted, lastStep == null ? null : OffsetDateTime.parse(lastStep), NOW, GRACE);
    }

    @Test
    void open_requests_take_replies_drafts_never_and_closed_ones_for_a_while() {
        assertThat(live("ON_TIME", SUBMITTED, "2026-01-05T15:00:00Z")).isTrue();
        assertThat(live("CONSTRUCTIVELY_DENIED", SUBMITTED, "2026-01-05T15:00:00Z")).isTrue();
        assertThat(live("OVERDUE", SUBMITTED, null)).isTrue();
        assertThat(live("DRAFT", null, null)).isFalse();
        assertThat(live("ON_TIME", null, null)).isFalse();
        // Decided or withdrawn: still open to the agency's mail for the grace period after the last step.
        assertThat(live("DECIDED", SUBMITTED, "2026-03-05T15:00:00Z")).isTrue();
        assertThat(live("DECIDED", SUBMITTED, "2026-03-04T11:59:59Z")).isFalse();
        assertThat(live("WITHDRAWN", SUBMITTED, "2026-08-01T00:00:00Z")).isTrue();
        assertThat(live("WITHDRAWN", SUBMITTED, null)).isFalse();
    }

    @Test
    void senders_are_counted_case_aside_and_bounces_as_one() {
        assertThat(RecipientPolicy.key(" Foil@DOC.nyc.gov ")).isEqualTo("foil@doc.nyc.gov");
        assertThat(RecipientPolicy.key(null)).isEmpty();
        assertThat(RecipientPolicy.key("")).isEmpty();
    }
}
