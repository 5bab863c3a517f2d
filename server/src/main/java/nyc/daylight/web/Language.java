package nyc.daylight.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The language a page is shown in: chosen with {@code ?lang=xx} (remembered for a year in the
 * {@code daylight_lang} cookie), else taken from the browser's {@code Accept-Language}, else English.
 */
public final class Language {
    public static final String COOKIE = "daylight_lang";
    public static final String PARAM = "lang";
    private static final String ATTRIBUTE = "daylight.locale";

    /** Languages with a complete message bundle, in the order the switcher lists them. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    /**
     * Languages planned next (the languages New York City agencies translate into). They are not offered
     * until their bundle ({@code messages_xx.properties}) is complete; then move them to {@link #SUPPORTED}.
     */
    public static final List<String> LATER = List.of("zh", "ru", "bn", "ht", "ko", "ar", "ur", "fr", "pl");

    /** Written right to left: the page gets {@code dir="rtl"}. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "ur", "he", "fa", "yi");

    private Language() {}

    /** Runs before every page: a {@code ?lang=} on a GET is remembered and the visitor sent back to the same page without it. */
    static void before(Context ctx) {
        String asked = ctx.queryParam(PARAM);
        if (asked == null || !(ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD"))) return;
        supported(asked).ifPresent(locale -> remember(ctx, locale));
        // An unknown value is dropped without a cookie; either way the address loses the parameter.
        ctx.redirect(withoutLang(ctx), HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    /** Pages are shown in {@code locale} from the next request on, for a year. */
    static void remember(Context ctx, Locale locale) {
        boolean secure = "https".equalsIgnoreCase(ctx.scheme());
        // Not HttpOnly: nothing secret, and a script may one day want to read it.
        ctx.cookie(new Cookie(COOKIE, locale.getLanguage(), "/", (int) Duration.ofDays(365).toSeconds(), secure, false, null, SameSite.LAX));
    }

    private static String withoutLang(Context ctx) {
        String query = ctx.queryParamMap().entrySet().stream()
                .filter(e -> !e.getKey().equals(PARAM))
                .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        // The path is what the visitor typed: a redirect to it must stay on this site.
        String path = LocalPath.or(ctx.path(), "/");
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The page language of this request. */
    public static Locale of(Context ctx) {
        Locale cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) return cached;
        Locale locale = supported(ctx.cookie(COOKIE)).orElseGet(() -> fromAcceptLanguage(ctx.header("Accept-Language")));
        ctx.attribute(ATTRIBUTE, locale);
        return locale;
    }

    static java.util.Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) return java.util.Optional.empty();
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The most preferred supported language of an {@code Accept-Language} header; English when none is. */
    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) return Locale.ENGLISH;
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) continue;
                var match = supported(range.getRange());
                if (match.isPresent()) return match.get();
            }
        } catch (IllegalArgumentException malformed) {
            // A malformed header is not the visitor's fault: English.
        }
        return Locale.ENGLISH;
    }

    /** The language stored for an account ("es"), as a locale Daylight offers; English otherwise. */
    public static Locale stored(String code) {
        return supported(code).orElse(Locale.ENGLISH);
    }

    /** The code to store for a page language: "en", "es". */
    public static String code(Locale locale) {
        return locale.getLanguage();
    }

    public static boolean rightToLeft(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage());
    }

    /** For the switcher: each supported language named in itself ("English", "Español"). */
    public static Map<String, String> choices() {
        var m = new java.util.LinkedHashMap<String, String>();
        for (Locale l : SUPPORTED) {
            String name = l.getDisplayLanguage(l);
            m.put(l.getLanguage(), name.substring(0, 1).toUpperCase(l) + name.substring(1));
        }
        return m;
    }
}
