package nyc.daylight.notify;

import java.util.Locale;
import nyc.daylight.core.Message;
import org.jooq.DSLContext;

/** Someone with an account whom Daylight writes to, and the language they read it in. */
public record Recipient(String email, Locale locale) {

    /** The account's address and stored language (English if the language is no longer offered). */
    public static Recipient of(DSLContext dsl, long userId) {
        return RecipientRepository.find(dsl, userId);
    }

    /** A message of the bundles in this recipient's language. */
    public String text(String key, Object... args) {
        return Message.text(locale, key, args);
    }

    public String text(Message message) {
        return message.in(locale);
    }

    /** "Hello, … — Daylight" around the body, in the recipient's language. */
    public String letter(String body) {
        return text("mail.hello") + "\n\n" + body.strip() + "\n\n" + text("mail.signature") + "\n";
    }
}
