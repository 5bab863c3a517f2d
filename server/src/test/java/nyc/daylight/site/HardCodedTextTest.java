package nyc.daylight.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No page template carries user-facing English of its own: text between tags and the text of
 * title, aria-label, placeholder, alt and description attributes (and the label/hint arguments of
 * the form macros) must come from the message bundles through msg(...).
 */
class HardCodedTextTest {

    /** Text allowed as written in any language; each with the reason. */
    private static final Set<String> ALLOWED = Set.of(
            "Daylight",              // the portal's name
            "·",                     // separator
            "DL-2026-000123"         // placeholder showing the shape of a request number
    );

    /** Legal citations ("Public Officers Law §89(3)", "5 U.S.C. §552(h)", "§89(4)(a)") stay as written in every language. */
    private static final Pattern CITATION = Pattern.compile(
            "(?:[;,]?\\s*(?:(?:Public Officers Law|CPLR|\\d+ U\\.S\\.C\\.|\\d+ NYCRR) ?§?|§)[\\d()a-zA-Z.\\-]*)+");

    private static final Pattern FTL_COMMENT = Pattern.compile("<#--.*?-->", Pattern.DOTALL);
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    /** Drafted letters to agencies and oversight bodies (like letters/): sent in English, so not translated. */
    private static final Pattern LETTER_TO_AGENCY = Pattern.compile("<pre class=\"mail-body\">.*?</pre>", Pattern.DOTALL);
    /** Scripts, styles and code samples (search syntax such as {@code "release date" AND detainer}) are not prose. */
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("<(script|style|code)\\b.*?</\\1>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern FTL_TAG = Pattern.compile("</?[#@][^>]*>");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&#?\\w+;");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\b(title|aria-label|placeholder|alt|description|label|hint)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    @Test
    void page_templates_have_no_hard_coded_user_facing_text() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path t : PageTemplates.all()) {
            String name = I18nBundlesTest.TEMPLATES.relativize(t).toString().replace('\\', '/');
            found.addAll(hardCoded(name, Files.readString(t)));
        }
        assertThat(found).as("hard-coded text in page templates (move it to messages.properties and messages_es.properties)").isEmpty();
    }

    @Test
    void the_scanner_finds_text_nodes_and_attributes_but_not_messages() {
        String sample = """
                <#-- a comment with words -->
                <h1>${msg("x")}</h1>
                <p class="lead">Hello there</p>
                <a href="/x" title="Open it" <#if y>aria-current="page"</#if>>${msg("y")}</a>
                <@layout.page title="Deadline calculator">
                <img alt="" src="/a.svg"> <input placeholder="DL-2026-000123"> &nbsp; Daylight
                <script>var words = "not text";</script>
                """;
        assertThat(hardCoded("sample.ftlh", sample)).containsExactlyInAnyOrder(
                "sample.ftlh: text \"Hello there\"",
                "sample.ftlh: title=\"Open it\"",
                "sample.ftlh: title=\"Deadline calculator\"");
    }

    static List<String> hardCoded(String name, String source) {
        List<String> found = new ArrayList<>();
        String s = FTL_COMMENT.matcher(source).replaceAll(" ");
        s = HTML_COMMENT.matcher(s).replaceAll(" ");
        s = SCRIPT_OR_STYLE.matcher(s).replaceAll(" ");
        s = LETTER_TO_AGENCY.matcher(s).replaceAll(" ");
        s = INTERPOLATION.matcher(s).replaceAll(" ");
        s = s.replace("->", " "); // a FreeMarker lambda arrow would end a directive early
        Matcher a = ATTRIBUTE.matcher(s);
        while (a.find()) {
            String value = a.group(2).strip();
            if (userFacing(value)) found.add(name + ": " + a.group(1) + "=\"" + value + "\"");
        }
        s = FTL_TAG.matcher(s).replaceAll(" ");
        s = ENTITY.matcher(s).replaceAll(" ");
        for (String text : HTML_TAG.split(s)) {
            String t = text.strip().replaceAll("\\s+", " ");
            if (userFacing(t)) found.add(name + ": text \"" + t + "\"");
        }
        return found;
    }

    private static boolean userFacing(String text) {
        if (text.isEmpty() || ALLOWED.contains(text) || CITATION.matcher(text).matches()) return false;
        return LETTER.matcher(text).find();
    }
}
