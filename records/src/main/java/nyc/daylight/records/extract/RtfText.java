package nyc.daylight.records.extract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The text of an RTF document (WordPad, older Word and mail clients, Outlook's rich-text bodies).
 * A small reader of the control words that carry text, not a renderer: the JDK's RTFEditorKit
 * drops Unicode escapes that follow one another and cannot give the title. Destinations that hold
 * no text a person reads (font and colour tables, pictures, embedded objects, themes) are skipped;
 * the {@code \info} group gives the title and creation time.
 */
final class RtfText {
    private static final Set<String> SKIPPED = Set.of("fonttbl", "colortbl", "stylesheet", "pict", "object", "themedata",
            "datastore", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "mmathpr", "latentstyles",
            "filetbl", "revtbl", "pgdsctbl", "fldinst", "bkmkstart", "bkmkend", "nonshppict", "objdata", "author", "operator",
            "company", "subject", "keywords", "comment", "doccomm", "category", "manager", "hlinkbase");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("par", "\n"), Map.entry("line", "\n"),
            Map.entry("sect", "\n\n"), Map.entry("page", "\n\n"), Map.entry("row", "\n"), Map.entry("cell", "\t"),
            Map.entry("tab", "\t"), Map.entry("emdash", "\u2014"), Map.entry("endash", "\u2013"), Map.entry("bullet", "\u2022"),
            Map.entry("lquote", "\u2018"), Map.entry("rquote", "\u2019"), Map.entry("ldblquote", "\u201C"),
            Map.entry("rdblquote", "\u201D"), Map.entry("emspace", " "), Map.entry("enspace", " "), Map.entry("qmspace", " "));
    private static final int MAX_DEPTH = 1000;

    private RtfText() {}

    record Result(String text, String title, Instant created) {}

    static Result read(byte[] content) {
        return toText(new String(content, StandardCharsets.ISO_8859_1));
    }

    /** {@code rtf} holds the file's bytes one char each (ISO-8859-1), as RTF is 7-bit with escapes. */
    static Result toText(String rtf) {
        return new Reader(rtf).run();
    }

    private static final class State {
        boolean skip;
        int uc = 1;
        String destination;

        State copy() {
            State s = new State();
            s.skip = skip;
            s.uc = uc;
            s.destination = destination;
            return s;
        }
    }

    private static final class Reader {
        private final String in;
        private int pos;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder title = new StringBuilder();
        private final Map<String, Integer> created = new HashMap<>();
        private final ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
        private Charset charset = PlainText.WINDOWS_1252;
        private final Deque<State> stack = new ArrayDeque<>();
        private State state = new State();
        private int skipFallback;

        Reader(String in) {
            this.in = in;
        }

        Result run() {
            while (pos < in.length()) {
                char c = in.charAt(pos++);
                switch (c) {
                    case '{' -> {
                        flushBytes();
                        if (stack.size() >= MAX_DEPTH) throw new ExtractionException("The RTF document is nested too deeply to read.");
                        stack.push(state);
                        state = state.copy();
                        state.destination = null;
                        if (in.startsWith("\\*", pos)) state.skip = true; // an optional destination this reader does not know
                    }
                    case '}' -> {
                        flushBytes();
                        if (!stack.isEmpty()) state = stack.pop();
                    }
                    case '\\' -> control();
                    case '\r', '\n' -> { }
                    default -> emitChar(c);
                }
            }
            flushBytes();
            return new Result(text.toString().replaceAll("[ \\t]+\\n", "\n").strip(), blankToNull(title.toString().strip()), date());
        }

        private void control() {
            if (pos >= in.length()) return;
            char c = in.charAt(pos);
            if (!Character.isLetter(c)) {
                pos++;
                switch (c) {
                    case '\'' -> hexByte();
                    case '~' -> emit(" ");
                    case '_' -> emit("-");
                    case '-', '*' -> { }
                    case '\\', '{', '}' -> emitChar(c);
                    case '\n', '\r' -> emit("\n");
                    default -> { }
                }
                return;
            }
            int start = pos;
            while (pos < in.length() && Character.isLetter(in.charAt(pos))) pos++;
            String word = in.substring(start, pos);
            Integer param = null;
            int numberStart = pos;
            if (pos < in.length() && (in.charAt(pos) == '-' || Character.isDigit(in.charAt(pos)))) {
                pos++;
                while (pos < in.length() && Character.isDigit(in.charAt(pos)) && pos - numberStart < 10) pos++;
                try {
                    param = Integer.parseInt(in.substring(numberStart, pos));
                } catch (NumberFormatException e) {
                    param = 0;
                }
            }
            if (pos < in.length() && in.charAt(pos) == ' ') pos++;
            word(word, param);
        }

        private void word(String word, Integer param) {
            if (word.equals("bin") && param != null) {
                pos = Math.min(in.length(), pos + Math.max(0, param));
                return;
            }
            if (word.equals("ansicpg") && param != null) {
                charset = codePage(param);
                return;
            }
            if (word.equals("uc") && param != null) {
                state.uc = Math.max(0, param);
                return;
            }
            if (word.equals("u") && param != null) {
                flushBytes();
                int cp = param < 0 ? param + 65536 : param;
                if (!state.skip) out().append((char) cp);
                skipFallback = state.uc;
                return;
            }
            if (state.destination == null && (SKIPPED.contains(word) || word.equals("info") || word.equals("title") || word.equals("creatim"))) {
                flushBytes();
                state.destination = word;
                if (SKIPPED.contains(word) || word.equals("info")) state.skip = !word.equals("info") || state.skip;
                if (word.equals("title") || word.equals("creatim")) state.skip = false;
                return;
            }
            if ("creatim".equals(state.destination) && param != null && Set.of("yr", "mo", "dy", "hr", "min").contains(word)) {
                created.put(word, param);
                return;
            }
            String symbol = SYMBOLS.get(word);
            if (symbol != null) emit(symbol);
        }

        private void hexByte() {
            if (pos + 2 > in.length()) return;
            try {
                int b = Integer.parseInt(in.substring(pos, pos + 2), 16);
                pos += 2;
                if (skipFallback > 0) {
                    skipFallback--;
                    return;
                }
                if (!state.skip) pendingBytes.write(b);
            } catch (NumberFormatException e) {
                // a malformed escape: ignore it
            }
        }

        private void emitChar(char c) {
            if (skipFallback > 0) {
                skipFallback--;
                return;
            }
            flushBytes();
            if (!state.skip && !"creatim".equals(state.destination)) out().append(c);
        }

        private void emit(String s) {
            skipFallback = 0;
            flushBytes();
            if (!state.skip && state.destination == null) text.append(s);
        }

        private StringBuilder out() {
            return "title".equals(state.destination) ? title : text;
        }

        private void flushBytes() {
            if (pendingBytes.size() == 0) return;
            String s = new String(pendingBytes.toByteArray(), charset);
            pendingBytes.reset();
            if (!state.skip && !"creatim".equals(state.destination)) out().append(s);
        }

        private Instant date() {
            Integer year = created.get("yr");
            if (year == null || year < 1900 || year > 9999) return null;
            try {
                return LocalDateTime.of(year, created.getOrDefault("mo", 1), created.getOrDefault("dy", 1),
                        created.getOrDefault("hr", 0), created.getOrDefault("min", 0)).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private static Charset codePage(int cp) {
        try {
            return cp == 65001 ? StandardCharsets.UTF_8 : Charset.forName(cp == 1252 ? "windows-1252" : "windows-" + cp);
        } catch (RuntimeException e) {
            try {
                return Charset.forName("x-windows-" + cp);
            } catch (RuntimeException again) {
                try {
                    return Charset.forName("cp" + cp);
                } catch (RuntimeException unknown) {
                    return PlainText.WINDOWS_1252;
                }
            }
        }
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
