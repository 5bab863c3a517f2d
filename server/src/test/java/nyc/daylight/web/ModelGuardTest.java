package nyc.daylight.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.sql.jooq.tables.records.AgenciesRecord;
import org.junit.jupiter.api.Test;

class ModelGuardTest {
    public record Row(String name, Object inner) {}

    @Test
    void a_database_row_never_reaches_a_template_however_it_is_wrapped() {
        AgenciesRecord row = new AgenciesRecord();
        assertThatThrownBy(() -> ModelGuard.check("x.ftlh", Map.of("agency", row)))
                .hasMessageContaining("'agency'").hasMessageContaining("AgenciesRecord");
        assertThatThrownBy(() -> ModelGuard.check("x.ftlh", Map.of("agencies", List.of(row)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ModelGuard.check("x.ftlh", Map.of("byId", Map.of(1L, row)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ModelGuard.check("x.ftlh", Map.of("found", Optional.of(row)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ModelGuard.check("x.ftlh", Map.of("view", new Row("a", row))))
                .hasMessageContaining("'view.inner'");
    }

    @Test
    void records_lists_and_plain_values_pass() {
        assertThatCode(() -> ModelGuard.check("x.ftlh", Map.of("view", new Row("a", List.of("b")), "n", 3, "none", List.of())))
                .doesNotThrowAnyException();
    }
}
