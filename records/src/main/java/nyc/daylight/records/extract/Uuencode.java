package nyc.daylight.records.extract;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files uuencoded into a message's text, as older mail gateways and Lotus Notes still send them:
 * {@code begin 644 name}, lines of encoded data, {@code end}. Each block becomes a file and leaves
 * the text, which would otherwise be pages of noise in the body.
 */
final class Uuencode {
    private static final Pattern BEGIN = Pattern.compile("(?m)^begin [0-7]{3,4} ([^\\r\\n]+?)[ \\t]*\\r?$");
    private static final Pattern END = Pattern.compile("(?m)^end[ \\t]*\\r?$");

    private Uuencode() {}

    record File(String name, byte[] content) {}

    record Split(String text, List<File> files, List<String> notes) {}

    static Split split(String text) {
        if (!text.contains("begin ")) return new Split(text, List.of(), List.of());
        List<File> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        int from = 0;
        Matcher begin = BEGIN.matcher(text);
        while (begin.find(from)) {
            Matcher end = END.matcher(text);
            if (!end.find(begin.end())) break;
            String name = begin.group(1);
            try {
                byte[] data = decode(text.substring(begin.end(), end.start()));
                rest.append(text, from, begin.start());
                files.add(new File(name, data));
            } catch (IllegalArgumentException e) {
                // Not uuencode after all (a line that starts "begin 644" in prose): leave it as text.
                rest.append(text, from, end.end());
                notes.add("A uuencoded file, " + name + ", could not be decoded and was left in the text: " + e.getMessage());
            }
            from = end.end();
        }
        rest.append(text, from, text.length());
        return new Split(rest.toString(), files, notes);
    }

    /** Each line: a length character, then groups of four characters for three bytes, each 6 bits + 32. */
    static byte[] decode(String block) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String raw : block.split("\\r?\\n")) {
            String line = raw.stripTrailing();
            if (line.isEmpty()) continue;
            int length = sixBits(line.charAt(0));
            if (length == 0) continue; // the "`" line before "end"
            int needed = (length + 2) / 3 * 4;
            if (line.length() - 1 < needed) {
                // Some encoders trim trailing spaces, which stand for zero bits.
                line = line + " ".repeat(needed - (line.length() - 1));
            }
            int written = 0;
            for (int i = 1; written < length; i += 4) {
                int a = sixBits(line.charAt(i));
                int b = sixBits(line.charAt(i + 1));
                int c = sixBits(line.charAt(i + 2));
                int d = sixBits(line.charAt(i + 3));
                int triple = a << 18 | b << 12 | c << 6 | d;
                for (int k = 2; k >= 0 && written < length; k--, written++) out.write(triple >> (k * 8) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    private static int sixBits(char c) {
        if (c < ' ' || c > '`') throw new IllegalArgumentException("a character outside uuencode's alphabet");
        return (c - ' ') & 0x3F;
    }
}
