package nyc.daylight.web;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Refuses to render a page or letter whose model holds a jOOQ record. Templates see the Java
 * records repositories return, never a generated row: an attached row in a template could even
 * {@code store()} itself, and its getters tie every template to a column name. Checked on every
 * render, down to one element of each list and the components of each record, which is enough to
 * catch a repository row passed along whole (the page tests render every page).
 */
final class ModelGuard {
    private static final String JOOQ_RECORD = "org.jooq.Record";

    private ModelGuard() {
    }

    static void check(String template, Map<String, ?> model) {
        model.forEach((name, value) -> check(template, name, value, 0));
    }

    private static void check(String template, String name, Object value, int depth) {
        if (value == null || depth > 3) return;
        if (isJooqRecord(value.getClass())) {
            throw new IllegalStateException("Template " + template + " was given a database row as '" + name
                    + "' (" + value.getClass().getSimpleName() + "); pass the record its repository returns");
        }
        if (value instanceof Collection<?> c && !c.isEmpty()) {
            check(template, name, c.iterator().next(), depth + 1);
        } else if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            check(template, name, m.values().iterator().next(), depth + 1);
        } else if (value instanceof java.util.Optional<?> o) {
            check(template, name, o.orElse(null), depth + 1);
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    check(template, name + "." + component.getName(), component.getAccessor().invoke(value), depth + 1);
                } catch (ReflectiveOperationException e) {
                    // A component we cannot read is not one a template can read either.
                }
            }
        }
    }

    private static boolean isJooqRecord(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Class<?> i : t.getInterfaces()) {
                if (i.getName().equals(JOOQ_RECORD) || isJooqRecord(i)) return true;
            }
        }
        return type.getName().equals(JOOQ_RECORD);
    }
}
