package nyc.daylight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Formats;
import nyc.daylight.core.Message;
import org.junit.jupiter.api.Test;

/**
 * The languages planned next (Local Law 30) need only their bundle and one line in
 * {@link Language#SUPPORTED}: pages, dates and direction already follow the locale. Rendered here
 * without a bundle of their own (the English text fills in), as they would be on the day they are added.
 */
class LanguagesLaterTest {
    private final Templates templates = new Templates("test");

    private String page(String language) {
        return templates.renderText("about.ftlh", templates.pageModel(Locale.forLanguageTag(language), "/about"));
    }

    @Test
    void arabic_and_urdu_pages_are_right_to_left_and_the_others_left_to_right() {
        assertThat(Language.LATER).contains("ar", "ur");
        for (String later : Language.LATER) {
            boolean rtl = later.equals("ar") || later.equals("ur");
            assertThat(page(later)).as(later).contains("<html lang=\"" + later + "\"" + (rtl ? " dir=\"rtl\">" : ">"));
        }
        assertThat(page("en")).contains("<html lang=\"en\">").doesNotContain("dir=\"rtl\"");
        assertThat(page("es")).contains("<html lang=\"es\">", "Acerca de Daylight");
    }

    @Test
    void each_later_language_is_a_real_language_not_yet_offered() {
        for (String later : Language.LATER) {
            Locale l = Locale.forLanguageTag(later);
            assertThat(l.getDisplayLanguage(l)).as(later).isNotBlank().isNotEqualTo(later);
            assertThat(Language.SUPPORTED).extracting(Locale::getLanguage).doesNotContain(later);
            assertThat(Language.stored(later)).as("not offered yet, so e-mails fall back to English").isEqualTo(Locale.ENGLISH);
        }
    }

    @Test
    void dates_follow_a_later_language_without_code_for_it() {
        LocalDate march9 = LocalDate.of(2026, 3, 9);
        assertThat(new Formats(Locale.forLanguageTag("ar")).day(march9)).contains("مارس");
        assertThat(new Formats(Locale.forLanguageTag("fr")).day(march9)).contains("mars", "2026");
        assertThat(new Formats(Locale.forLanguageTag("pl")).month(march9)).isEqualTo("marzec 2026");
        assertThat(new Formats(Locale.ENGLISH).day(march9)).isEqualTo("Monday, March 9, 2026");
        assertThat(new Formats(Locale.forLanguageTag("es")).day(march9)).isEqualTo("lunes, 9 de marzo de 2026");
    }

    @Test
    void a_message_resolves_in_the_language_asked_for_with_dates_and_numbers_in_it() {
        Message m = Message.of("flash.unlistedUntil", LocalDate.of(2026, 3, 9));
        assertThat(m.english()).isEqualTo("The request stays unlisted until Monday, March 9, 2026.");
        assertThat(m.in(Locale.forLanguageTag("es"))).isEqualTo("La solicitud seguirá sin publicarse hasta el lunes, 9 de marzo de 2026.");
        assertThat(Message.of("error.tooLong", Message.of("what.title"), 50_000).in(Locale.forLanguageTag("es")))
                .isEqualTo("Escriba un título de menos de 50.000 caracteres.");
        assertThat(BadInput.of("title", "error.enter", Message.of("what.title")).getMessage()).isEqualTo("Enter a title.");
        // A refused search names what was typed, in the reader's language.
        assertThat(BadInput.of("q", "refusal.search.UNKNOWN_FIELD", "colour").message(Locale.forLanguageTag("es")))
                .startsWith("'colour:' no es un campo");
        // Every refusal names a key now (no English-only sentence is left to fall back to).
        assertThat(nyc.daylight.core.NotFound.of("refusal.page.none").message(Locale.forLanguageTag("es"))).isEqualTo("Esa página no existe.");
    }
}
