package nyc.daylight.web;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.ext.beans.BeansWrapperBuilder;
import freemarker.template.Configuration;
import java.util.Locale;
import nyc.daylight.core.Bundles;
import org.junit.jupiter.api.Test;

/** A page parses each message once, yet every use gets its own arguments, in the page's language. */
class PageMessagesTest {
    private static PageMessages page(Locale locale) {
        return new PageMessages(Bundles.messages(locale), locale, new BeansWrapperBuilder(Configuration.VERSION_2_3_34).build());
    }

    @Test
    void the_same_message_used_on_every_row_gets_each_rows_arguments() {
        PageMessages msg = page(Locale.ENGLISH);
        assertThat(msg.format("bulk.select", new Object[] {"DL-2026-000001"})).isEqualTo("Select DL-2026-000001");
        assertThat(msg.format("bulk.select", new Object[] {"DL-2026-000002"})).isEqualTo("Select DL-2026-000002");
        assertThat(msg.format("officer.queue.moreThan", new Object[] {1000})).isEqualTo("more than 1,000");
    }

    @Test
    void a_spanish_page_formats_in_spanish_after_an_english_one_parsed_the_same_key() {
        assertThat(page(Locale.ENGLISH).format("officer.queue.moreThan", new Object[] {1000})).isEqualTo("more than 1,000");
        PageMessages es = page(Locale.of("es"));
        assertThat(es.format("officer.queue.moreThan", new Object[] {1000})).isEqualTo("más de 1.000");
        assertThat(es.format("officer.queue.moreThan", new Object[] {2000})).isEqualTo("más de 2.000");
    }
}
