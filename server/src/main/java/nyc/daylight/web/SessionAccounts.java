package nyc.daylight.web;

import java.util.Locale;
import java.util.Optional;
import nyc.daylight.core.User;

/**
 * What a browser session needs from accounts: who a session cookie belongs to, their chosen
 * language, and signing out. The accounts feature implements it, so the web layer never imports a
 * feature.
 */
public interface SessionAccounts {
    Optional<User> currentUser(String sessionToken);

    void setLanguage(long userId, Locale language);

    void signOut(String sessionToken);
}
