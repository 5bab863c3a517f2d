package nyc.daylight.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.sql.types.DocumentStatus;
import nyc.daylight.sql.types.FindingDecision;
import nyc.daylight.sql.types.InboundStatus;
import nyc.daylight.sql.types.OutboxDelivery;
import nyc.daylight.sql.types.PublicationAction;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The enums jOOQ types the status-like columns with hold exactly the values the schema's CHECK
 * constraints allow: a value added on one side only fails here, not at a customer's first click.
 */
@ExtendWith(PostgresExtension.class)
class EnumColumnsTest {
    private static final Pattern QUOTED = Pattern.compile("'([A-Z_]+)'");

    @Test
    void each_enum_matches_its_columns_check_constraint(TestDatabase db) {
        assertThat(allowed(db, "documents", "status")).isEqualTo(names(DocumentStatus.values()));
        assertThat(allowed(db, "inbound_messages", "status")).isEqualTo(names(InboundStatus.values()));
        assertThat(allowed(db, "pii_findings", "decision")).isEqualTo(names(FindingDecision.values()));
        assertThat(allowed(db, "inbound_findings", "decision")).isEqualTo(names(FindingDecision.values()));
        assertThat(allowed(db, "publications", "action")).isEqualTo(names(PublicationAction.values()));
        assertThat(allowed(db, "outbox", "delivery")).isEqualTo(names(OutboxDelivery.values()));
    }

    /** The values a column's own CHECK constraint lists (the one naming only that column, as "col in (…)"). */
    private static Set<String> allowed(TestDatabase db, String table, String column) {
        Set<String> values = new LinkedHashSet<>();
        for (String def : db.dsl().fetch(DSL.sql("select pg_get_constraintdef(oid) from pg_constraint "
                + "where conrelid = ?::regclass and contype = 'c'", table)).getValues(0, String.class)) {
            if (!def.contains("(" + column + " = ANY") && !def.contains("((" + column + " = ANY")) continue;
            Matcher m = QUOTED.matcher(def.substring(0, def.contains(" OR ") ? def.indexOf(" OR ") : def.length()));
            while (m.find()) values.add(m.group(1));
        }
        return values;
    }

    private static Set<String> names(Enum<?>[] values) {
        return new LinkedHashSet<>(Arrays.stream(values).map(Enum::name).toList());
    }
}
