package nyc.daylight.records.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which Tesseract languages to read a page with, guessed from a first English pass by counting
 * function words. English OCR of Spanish mangles accents ("información" as "informacion" or
 * "informaci6n") but reads short words such as "de", "los" or "para" well, and those are frequent
 * in any Spanish sentence; a page with enough of them is read again with Spanish. The words were
 * chosen to be rare in English text (no "a", "no", "me", "son", "his"), so one stray word does not
 * switch a page.
 */
final class OcrLanguages {
    static final String ENGLISH = "eng";
    static final String SPANISH = "spa";
    private static final Set<String> SPANISH_WORDS = Set.of(
            "de", "la", "el", "los", "las", "del", "y", "que", "en", "por", "para", "con", "una", "su", "sus",
            "se", "es", "al", "lo", "como", "mas", "pero", "este", "esta", "estos", "sobre", "entre", "cuando",
            "muy", "sin", "tambien", "fue", "han", "ha", "hay", "usted", "nuestro", "nuestra", "segun", "donde");
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was", "are", "this", "be", "by",
            "from", "or", "at", "it", "as", "an", "which", "have", "has", "were", "will", "not", "their");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Fewer Spanish function words than this is noise (a name, a place, one quoted phrase). */
    private static final int MIN_SPANISH = 3;

    private OcrLanguages() {}

    /**
     * "eng" when the text reads as English, "spa+eng" when Spanish is a real share of it (a
     * Spanish letter, or a bilingual notice). Spanish comes first even on a mostly English page:
     * Tesseract's first language decides between close letter shapes, and English drops the
     * accents of the Spanish passages ("información" as "informacion", which a search for the word
     * then misses), while Spanish reads English text without loss. Never Spanish when
     * {@code spanishInstalled} is false.
     */
    static String choose(String firstPass, boolean spanishInstalled) {
        if (!spanishInstalled) return ENGLISH;
        int spanish = 0;
        int english = 0;
        String folded = MARKS.matcher(Normalizer.normalize(firstPass.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        for (String word : NON_LETTERS.split(folded)) {
            if (SPANISH_WORDS.contains(word)) spanish++;
            else if (ENGLISH_WORDS.contains(word)) english++;
        }
        // A fifth of the function words in Spanish is a page with Spanish passages, not a stray phrase.
        return spanish >= MIN_SPANISH && spanish * 4 >= english ? SPANISH + "+" + ENGLISH : ENGLISH;
    }
}
