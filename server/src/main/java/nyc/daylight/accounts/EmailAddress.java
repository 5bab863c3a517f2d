package nyc.daylight.accounts;

import java.util.Locale;
import java.util.regex.Pattern;
import nyc.daylight.core.BadInput;

/** An e-mail address as accounts store it: checked for shape and length, then lower-cased. */
final class EmailAddress {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private EmailAddress() {
    }

    static String normalize(String email) {
        String e = email == null ? "" : email.strip();
        if (!EMAIL.matcher(e).matches() || e.length() > 254) {
            throw BadInput.of("email", "error.email.format");
        }
        return e.toLowerCase(Locale.ROOT);
    }
}
