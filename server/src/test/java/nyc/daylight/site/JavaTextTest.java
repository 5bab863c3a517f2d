package nyc.daylight.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java side of {@link HardCodedTextTest}: what services say to people (refusals, e-mails to
 * requesters and officers) comes from the message bundles, named by a key that exists, never from
 * an English sentence in the code. Letters to agencies ({@code new Email(…, replyTo, …)}) are sent
 * in English by design and are not checked here; the page and letter templates are checked there.
 */
class JavaTextTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** A refusal or message built from a key: {@code NotFound.of("refusal.x")}, {@code BadInput.of(field, "error.y", …)}. */
    private static final Pattern KEYED = Pattern.compile(
            "\\b(?:Message|NotFound|AccessDenied|RateLimited)\\.of\\(\\s*\"([^\"]*)\"|\\bBadInput\\.of\\([^,()\"]+,\\s*\"([^\"]*)\"");
    /** A refusal built from something else than a Message: a literal sentence or a concatenation. */
    private static final Pattern LITERAL_REFUSAL = Pattern.compile(
            "new (?:NotFound|AccessDenied|RateLimited)\\(\\s*\"|new BadInput\\([^,()]+,\\s*\"");
    /** A key, or a key's prefix completed in code ({@code "event." + type}). */
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)*\\.?");
    private static final Pattern WORDS = Pattern.compile("\\p{L}{2,}[ ,]+\\p{L}{2,}[ ,]+\\p{L}{2,}");

    @Test
    void refusals_and_messages_name_keys_of_the_bundle() throws IOException {
        Properties english = I18nBundlesTest.load("messages.properties");
        List<String> found = new ArrayList<>();
        for (Path f : javaFiles()) {
            Matcher m = KEYED.matcher(Files.readString(f));
            while (m.find()) {
                String key = m.group(1) != null ? m.group(1) : m.group(2);
                if (!KEY.matcher(key).matches()) found.add(f + ": \"" + key + "\" is a sentence, not a key");
                else if (key.endsWith(".") ? english.stringPropertyNames().stream().noneMatch(k -> k.startsWith(key))
                        : !english.containsKey(key)) found.add(f + ": no message " + key + " in messages.properties");
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void no_refusal_carries_english_of_its_own() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : javaFiles()) {
            String src = Files.readString(f);
            Matcher m = LITERAL_REFUSAL.matcher(src);
            while (m.find()) found.add(f + ":" + line(src, m.start()) + ": " + lineText(src, m.start()));
        }
        assertThat(found).as("refusals built from English (name a key with X.of(\"key\", …) instead)").isEmpty();
    }

    @Test
    void mail_to_people_is_written_in_their_language() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : javaFiles()) {
            String src = Files.readString(f);
            int at = 0;
            while ((at = src.indexOf("Email.of(", at)) >= 0) {
                String call = call(src, at + "Email.of".length());
                for (String literal : literals(call)) {
                    if (WORDS.matcher(literal).find()) found.add(f + ":" + line(src, at) + ": \"" + literal.strip() + "\"");
                }
                at += 9;
            }
        }
        assertThat(found).as("English written into e-mails to people (use Recipient.text / a bundle key)").isEmpty();
    }

    @Test
    void the_checks_find_what_they_are_for() {
        assertThat(LITERAL_REFUSAL.matcher("throw new NotFound(\"There is no such page.\");").find()).isTrue();
        assertThat(LITERAL_REFUSAL.matcher("throw new BadInput(\"name\", \"Keep it \" + n);").find()).isTrue();
        assertThat(LITERAL_REFUSAL.matcher("throw NotFound.of(\"refusal.page.none\");").find()).isFalse();
        assertThat(LITERAL_REFUSAL.matcher("throw new BadInput(\"received\", e.sentence());").find()).isFalse();
        assertThat(literals(call("(to, \"Hello there, friend\", body)", 0))).containsExactly("Hello there, friend");
        assertThat(WORDS.matcher("request:").find()).isFalse();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The argument list starting at the '(' at {@code open}, through its matching ')'. */
    private static String call(String src, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"' && src.charAt(i - 1) != '\\') inString = !inString;
            if (inString) continue;
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) return src.substring(open, i + 1);
        }
        return src.substring(open);
    }

    /** String literals and text blocks in a piece of code. */
    private static List<String> literals(String code) {
        List<String> out = new ArrayList<>();
        Matcher block = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL).matcher(code);
        while (block.find()) out.add(block.group(1));
        Matcher plain = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"").matcher(block.replaceAll(""));
        while (plain.find()) out.add(plain.group(1));
        return out;
    }

    private static int line(String src, int offset) {
        return (int) src.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String lineText(String src, int offset) {
        int start = src.lastIndexOf('\n', offset) + 1;
        int end = src.indexOf('\n', offset);
        return src.substring(start, end < 0 ? src.length() : end).strip();
    }
}
