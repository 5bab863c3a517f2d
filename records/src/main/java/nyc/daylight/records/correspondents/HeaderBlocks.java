package nyc.daylight.records.correspondents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the e-mail header blocks on one page of published text: Outlook ("From: Smith, John
 * (NYPD) &lt;jsmith@nypd.org&gt;" / "Sent:"), Lotus Notes ("To: … cc: … Subject:" on shared
 * lines), Gmail and Apple Mail printouts ("Date:"), and the forwarded or quoted blocks below them
 * on the same page. Each "From:" starts a new message. Only published (already redacted) text is
 * ever passed in, so a name the review withheld cannot be read back out of it.
 */
public final class HeaderBlocks {
    /**
     * A header label at a line start or after whitespace (Notes puts "cc:" mid-line). OCR turns
     * "From" into "Frorn", "Fron" or "Fr0m" and "Cc" into "Ce"; those spellings are accepted only
     * with the colon, so prose is not mistaken for a header.
     */
    private static final Pattern LABEL = Pattern.compile(
            "(?im)(?:^|(?<=\\s))(From|Frorn|Fron|Fr0m|To|Cc|Ce|Bcc|Sent|Date|Subject|Subj|Importance|Attachments)\\s*:");
    private static final Pattern DISPLAY = Pattern.compile("\"?([^\"<>;]*?)\"?\\s*<\\s*(?:mailto:)?([^<>\\s]+)\\s*>");

    private HeaderBlocks() {
    }

    public static List<ParsedMessage> parse(String pageText) {
        if (pageText == null || pageText.isBlank()) {
            return List.of();
        }
        List<ParsedMessage> out = new ArrayList<>();
        Map<String, StringBuilder> current = null;
        Matcher m = LABEL.matcher(pageText);
        List<int[]> spans = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            labels.add(canonical(m.group(1)));
        }
        for (int i = 0; i < spans.size(); i++) {
            int valueEnd = i + 1 < spans.size() ? spans.get(i + 1)[0] : pageText.length();
            String value = pageText.substring(spans.get(i)[1], valueEnd);
            String label = labels.get(i);
            if (label.equals("from")) {
                if (current != null) {
                    build(current).ifPresent(out::add);
                }
                current = new LinkedHashMap<>();
                // a From value ends at the line's end: the body may follow directly
                value = firstLine(value);
            } else if (current == null) {
                // A Notes memo has no "From:": the sender's name and the date stand above "To:".
                if (!label.equals("to")) continue;
                current = notesMemo(pageText.substring(i == 0 ? 0 : spans.get(i - 1)[1], spans.get(i)[0]));
                if (current == null) continue;
                value = untilBlankLine(value);
            } else if (label.equals("subject")) {
                // the subject ends the block's addresses; a body follows it
                current.putIfAbsent(label, new StringBuilder(firstLine(value)));
                continue;
            } else if (label.equals("to") || label.equals("cc")) {
                // A second Notes memo further down: a "To:" after this block's subject, under a Notes sender.
                Map<String, StringBuilder> next = label.equals("to") && current.containsKey("subject")
                        ? notesMemo(pageText.substring(spans.get(i - 1)[1], spans.get(i)[0])) : null;
                if (next != null) {
                    build(current).ifPresent(out::add);
                    current = next;
                }
                value = untilBlankLine(value);
            } else {
                value = firstLine(value);
            }
            current.computeIfAbsent(label, k -> new StringBuilder()).append(' ').append(value);
        }
        if (current != null) {
            build(current).ifPresent(out::add);
        }
        return out;
    }

    /** The lines a Notes memo prints above "To:" ("Mary Jones/DOC/NYC", then "03/04/2026 09:15 AM"). */
    private static final Pattern MEMO_SENDER = Pattern.compile("(?m)^[ \\t]*" + Addresses.NOTES_NAME.pattern());

    /** The block a Notes memo's header starts, or null when the lines above "To:" name no Notes sender. */
    private static Map<String, StringBuilder> notesMemo(String before) {
        String[] lines = before.split("\n", -1);
        String window = String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 4), lines.length));
        Matcher sender = MEMO_SENDER.matcher(window);
        if (!sender.find()) {
            return null;
        }
        Map<String, StringBuilder> block = new LinkedHashMap<>();
        block.put("from", new StringBuilder(sender.group().strip()));
        block.put("date", new StringBuilder(window.substring(sender.end())));
        return block;
    }

    private static String canonical(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return switch (l) {
            case "frorn", "fron", "fr0m" -> "from";
            case "ce", "bcc" -> "cc";
            case "sent" -> "date";
            case "subj" -> "subject";
            default -> l;
        };
    }

    private static Optional<ParsedMessage> build(Map<String, StringBuilder> block) {
        List<Correspondent> parties = new ArrayList<>();
        add(parties, Correspondent.Role.FROM, block.get("from"));
        add(parties, Correspondent.Role.TO, block.get("to"));
        add(parties, Correspondent.Role.CC, block.get("cc"));
        if (parties.isEmpty()) {
            return Optional.empty();
        }
        var date = block.get("date");
        return Optional.of(new ParsedMessage(List.copyOf(parties),
                date == null ? Optional.empty() : SentMonths.parse(date.toString())));
    }

    private static void add(List<Correspondent> parties, Correspondent.Role role, StringBuilder value) {
        if (value == null) {
            return;
        }
        String v = value.toString().replace('\n', ' ');
        // "Name <addr>" pairs first, then bare addresses left over
        Matcher d = DISPLAY.matcher(v);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (d.find()) {
            rest.append(v, last, d.start()).append(' ');
            last = d.end();
            String name = cleanName(d.group(1));
            String inner = d.group(2);
            Optional<String> address = Addresses.normalise(inner);
            if (address.isPresent()) {
                parties.add(new Correspondent(role, name, address.get(), Addresses.domain(address.get())));
            } else {
                redactedDomain(inner).ifPresent(dom -> parties.add(new Correspondent(role, name, "", dom)));
            }
        }
        rest.append(v.substring(last));
        String leftover = rest.toString();
        Matcher r = Addresses.REDACTED_LOCAL.matcher(leftover);
        while (r.find()) {
            parties.add(new Correspondent(role, "", "", r.group(1).toLowerCase(Locale.ROOT)));
        }
        leftover = r.replaceAll(" ");
        Matcher a = Addresses.ADDRESS.matcher(leftover);
        while (a.find()) {
            String address = Addresses.normalise(a.group(1)).orElseThrow();
            if (parties.stream().noneMatch(p -> p.role() == role && p.address().equals(address))) {
                parties.add(new Correspondent(role, "", address, Addresses.domain(address)));
            }
        }
        // Lotus Notes names without an internet address: "John Smith/NYPD/NYC@NYC".
        Matcher n = Addresses.NOTES_NAME.matcher(a.replaceAll(" "));
        while (n.find()) {
            parties.add(new Correspondent(role, cleanName(n.group(1)), "", Addresses.notesUnits(n.group(2))));
        }
    }

    private static Optional<String> redactedDomain(String inner) {
        Matcher r = Addresses.REDACTED_LOCAL.matcher(inner);
        return r.find() ? Optional.of(r.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** A display name, or "" when it is missing, only punctuation, or touched by a redaction. */
    static String cleanName(String raw) {
        String n = raw == null ? "" : raw.strip().replaceAll("^[,;\\s]+|[,;\\s]+$", "");
        n = n.replaceAll("^['\"]|['\"]$", "").strip();
        if (n.contains("[REDACTED") || n.contains("█") || n.contains("@") || !n.matches(".*\\p{L}.*")) {
            return "";
        }
        return n;
    }

    private static String firstLine(String value) {
        int nl = value.indexOf('\n');
        return nl < 0 ? value : value.substring(0, nl);
    }

    private static String untilBlankLine(String value) {
        int blank = value.indexOf("\n\n");
        return blank < 0 ? value : value.substring(0, blank);
    }
}
