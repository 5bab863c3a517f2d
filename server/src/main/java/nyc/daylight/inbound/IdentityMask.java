package nyc.daylight.inbound;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the requester's identity, and the request's secret reply address, in text someone else
 * wrote: an agency's reply quotes the letter it answers, greets the requester by name and copies
 * their address, even when the requester chose to stay anonymous on Daylight.
 *
 * <p>What it hides: every part of the display name (two-letter surnames like "Ng" too) as whole
 * words, whatever the case or accents ("José", "JOSE", "Jose"); the e-mail address and its local
 * part, also with dots moved, a "+tag" added or percent-encoded (mailto: links); the reply address
 * and its token in any case or encoding. Matching runs over a folded copy of the text (lower case,
 * accents dropped, {@link FoldedText}) mapped back to the original, so what is replaced is exactly what was written.
 *
 * <p>A name part that is also a common word ("An", "Do", "Will", "Grant") is hidden only where it
 * is used as a name: capitalized in mid-sentence, after a salutation or title ("Dear Ms. Do"), or
 * next to another part of the name; "we do not have" and "Do not reply" stay as written.
 *
 * <p>Pure and immutable: no I/O, so it is built per request and may be shared.
 */
public final class IdentityMask {
    public static final String REQUESTER = "[requester]";
    public static final String REPLY_ADDRESS = "[reply address]";

    /** Word characters of an address: a match must not start or end inside a longer address. */
    private static final String ADDRESS_CHAR = "[a-z0-9._%+\\-]";
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]{1,40}\\?[bBqQ]\\?[^?\\s]{0,500}\\?=");
    private static final Pattern SALUTATION = Pattern.compile(
            "(?:^|[^\\p{L}])(?:mr|mrs|ms|mx|miss|dr|prof|dear|hi|hello|sr|sra|srta|senor|senora|senorita|estimado|estimada)\\.?[\\s,]*$");
    /** Name parts that are also everyday words: hidden only where they read as a name. */
    private static final Set<String> COMMON_WORDS = Set.of(
            "a", "an", "am", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of", "oh",
            "ok", "on", "or", "so", "to", "up", "us", "we", "ha", "lo", "la", "le", "de", "da", "di", "du", "el", "al", "un",
            "del", "des", "dos", "das", "van", "von", "der", "den", "ten", "ter", "the", "and", "y", "e", "st", "san", "mac",
            "bin", "ben", "may", "will", "bill", "mark", "grant", "rose", "june", "april", "august", "long", "young", "white",
            "black", "brown", "green", "gray", "grey", "king", "hall", "park", "love", "hope", "joy", "faith", "case", "law",
            "rich", "price", "cash", "page", "street", "lane", "field", "ford", "wood", "stone", "hill", "day", "new", "best",
            "good", "more", "most", "little", "small", "short", "hart", "major", "dean", "chase", "sharp", "early", "west",
            "north", "south", "east", "summer", "winter", "rice", "cook", "baker", "booker", "walker", "said", "sent", "hand");

    private record Needle(Pattern pattern, String label, boolean commonWord) {}

    private record Span(int start, int end, String label) {}

    /**
     * Any request's reply address, whoever's (a reply quoting a thread about another request, a
     * relay's rewriting): the shape {@code ReplyAddress} writes, with any "+tag" and domain, and its
     * token. Matched on folded text, so capitals and accents change nothing.
     */
    private static final Needle ANY_REPLY_ADDRESS = new Needle(Pattern.compile(
            "(?<![a-z0-9._%+\\-])request-dl-\\d{4}-\\d{6}-[0-9a-f]{16}(?:\\+[a-z0-9._\\-]{0,60})?(?:@[a-z0-9](?:[a-z0-9.\\-]{0,251}[a-z0-9])?)?(?![a-z0-9_])"),
            REPLY_ADDRESS, false);

    private final List<Needle> needles = new ArrayList<>(List.of(ANY_REPLY_ADDRESS));

    /**
     * @param displayName the requester's name, or null when they chose to show it
     * @param email the requester's address, or null
     * @param replyAddress the request's reply address ({@code request-dl-…-<token>@domain}), or null
     * @param replyToken the secret part of that address, or null
     */
    public IdentityMask(String displayName, String email, String replyAddress, String replyToken) {
        this(displayName == null ? List.of() : List.of(displayName), email, replyAddress, replyToken);
    }

    /**
     * @param names every name of the requester's that must not be shown (the name signed at filing
     *              and the account's name now may differ); empty when they chose to show theirs
     */
    public static IdentityMask hiding(List<String> names, String email, String replyAddress, String replyToken) {
        return new IdentityMask(names, email, replyAddress, replyToken);
    }

    private IdentityMask(List<String> names, String email, String replyAddress, String replyToken) {
        if (replyAddress != null && !replyAddress.isBlank()) {
            String a = fold(replyAddress.strip());
            int at = a.lastIndexOf('@');
            // The address with any "+tag" a relay added, then (below) the bare token wherever it is.
            String regex = at > 0 ? Pattern.quote(a.substring(0, at)) + "(?:\\+" + ADDRESS_CHAR + "{0,60})?" + Pattern.quote(a.substring(at))
                    : Pattern.quote(a);
            needles.add(new Needle(bounded(regex), REPLY_ADDRESS, false));
        }
        if (replyToken != null && replyToken.strip().length() >= 8) {
            needles.add(new Needle(Pattern.compile(Pattern.quote(fold(replyToken.strip()))), REPLY_ADDRESS, false));
        }
        if (email != null && email.contains("@")) {
            String e = fold(email.strip());
            int at = e.lastIndexOf('@');
            String local = e.substring(0, at);
            int plus = local.indexOf('+');
            String base = (plus > 0 ? local.substring(0, plus) : local).replace(".", "");
            if (!base.isEmpty()) {
                // Dots may be moved or added and a "+tag" added: the same mailbox at most providers.
                String loose = looseLocal(base);
                needles.add(new Needle(bounded(loose + Pattern.quote("@") + Pattern.quote(e.substring(at + 1))), REQUESTER, false));
                if (base.length() >= 3) {
                    boolean ordinary = OrdinaryWords.MAILBOX.contains(base) || COMMON_WORDS.contains(base);
                    needles.add(new Needle(bounded(loose), REQUESTER, ordinary));
                }
            }
        }
        for (String name : names) {
            if (name == null || name.isBlank()) continue;
            List<String> parts = nameParts(fold(name.strip()));
            if (parts.size() > 1) {
                String phrase = String.join("[\\s,.]+", parts.stream().map(Pattern::quote).toList());
                // "Will Grant" is a name, "we will grant" is not: a name made only of common words is judged like one.
                needles.add(new Needle(word(phrase), REQUESTER, parts.stream().allMatch(COMMON_WORDS::contains)));
            }
            for (String part : parts) {
                if (part.length() < 2) continue; // an initial: hiding every "J" would hide nothing of theirs
                needles.add(new Needle(word(Pattern.quote(part)), REQUESTER, COMMON_WORDS.contains(part)));
                for (String piece : part.split("[-']")) {
                    if (piece.length() >= 2 && !piece.equals(part)) {
                        needles.add(new Needle(word(Pattern.quote(piece)), REQUESTER, COMMON_WORDS.contains(piece)));
                    }
                }
            }
        }
    }

    /** {@code text} with every occurrence replaced by {@link #REQUESTER} or {@link #REPLY_ADDRESS}. */
    public String apply(String text) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        // A quoted header can carry the name as an RFC 2047 encoded word ("=?UTF-8?Q?Jos=C3=A9?="): read it first.
        String decoded = decodeEncodedWords(text);
        FoldedText f = FoldedText.of(decoded);
        List<Span> sure = new ArrayList<>();
        List<Span> common = new ArrayList<>();
        for (Needle n : needles) {
            Matcher m = n.pattern().matcher(f.text());
            while (m.find()) {
                if (m.end() == m.start()) continue;
                Span s = new Span(f.origin(m.start()), f.originEnd(m.end()), n.label());
                (n.commonWord() ? common : sure).add(s);
            }
        }
        List<Span> spans = new ArrayList<>(sure);
        // A common word counts as a name next to a name, so settle those after the sure ones, repeatedly ("Thi An Do").
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Span c : List.copyOf(common)) {
                if (readsAsName(decoded, c, spans)) {
                    spans.add(c);
                    common.remove(c);
                    grew = true;
                }
            }
        }
        return replace(decoded, merge(spans));
    }

    private static boolean readsAsName(String text, Span c, List<Span> names) {
        String word = text.substring(c.start(), c.end());
        boolean lower = word.equals(word.toLowerCase(Locale.ROOT));
        if (lower) return false;
        for (Span n : names) {
            if (!n.label().equals(REQUESTER)) continue;
            String between = n.end() <= c.start() ? text.substring(n.end(), c.start()) : c.end() <= n.start() ? text.substring(c.end(), n.start()) : null;
            if (between != null && between.length() <= 3 && between.matches("[\\s,.]*") && !between.contains("\n")) return true;
        }
        String before = text.substring(Math.max(0, c.start() - 30), c.start());
        if (SALUTATION.matcher(fold(before)).find()) return true;
        boolean titleCase = Character.isUpperCase(word.codePointAt(0)) && !word.equals(word.toUpperCase(Locale.ROOT));
        // The whole name, each word capitalized ("Will Grant asked …"), is a name even where a sentence starts.
        // Not in capitals, though: "WE WILL GRANT" is a shouted sentence, not a name.
        boolean wholeName = word.matches("(?s).*[\\s,.].*") && !word.equals(word.toUpperCase(Locale.ROOT))
                && java.util.Arrays.stream(word.split("[\\s,.]+")).allMatch(w -> !w.isEmpty() && Character.isUpperCase(w.codePointAt(0)));
        return wholeName || titleCase && !startsSentence(text, c.start());
    }

    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '"' || text.charAt(i) == '(')) i--;
        return i < 0 || ".!?:;\n\r>-*•".indexOf(text.charAt(i)) >= 0;
    }

    private static List<Span> merge(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s.start() <= last.end()) {
                // Overlapping: one mask; the reply address wins, since it is the secret.
                String label = last.label().equals(REPLY_ADDRESS) || s.label().equals(REPLY_ADDRESS) ? REPLY_ADDRESS : REQUESTER;
                out.set(out.size() - 1, new Span(last.start(), Math.max(last.end(), s.end()), label));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static String replace(String text, List<Span> spans) {
        StringBuilder b = new StringBuilder(text.length());
        int at = 0;
        String previous = null;
        for (Span s : spans) {
            String gap = text.substring(at, s.start());
            // "Ana Advocate" and "LI, MEI" become one "[requester]", not two.
            boolean join = REQUESTER.equals(previous) && REQUESTER.equals(s.label()) && gap.matches("[ \t,]*");
            if (!join) b.append(gap).append(s.label());
            previous = s.label();
            at = s.end();
        }
        return b.append(text, at, text.length()).toString();
    }

    // --- building patterns over folded text ---------------------------------------------------

    private static Pattern word(String regex) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])");
    }

    private static Pattern bounded(String regex) {
        return Pattern.compile("(?<!" + ADDRESS_CHAR + ")(?:" + regex + ")(?![a-z0-9_])");
    }

    /** The local part with dots optional anywhere and a "+tag" allowed, as Gmail and others deliver it. */
    private static String looseLocal(String base) {
        StringBuilder b = new StringBuilder();
        int[] cps = base.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            if (i > 0) b.append("\\.?");
            b.append(Pattern.quote(Character.toString(cps[i])));
        }
        return b + "(?:\\+[a-z0-9._\\-]{1,60})?";
    }

    private static List<String> nameParts(String folded) {
        List<String> parts = new ArrayList<>();
        for (String p : folded.split("[\\s,]+")) {
            String trimmed = p.replaceAll("^[.'\\-]+|[.'\\-]+$", "");
            if (!trimmed.isEmpty() && !parts.contains(trimmed)) parts.add(trimmed);
        }
        return parts;
    }

    // --- folding (see FoldedText) and encoded words ------------------------------------------

    /** Lower case without accents, for matching only. */
    private static String fold(String s) {
        return FoldedText.of(s).text();
    }

    private static String decodeEncodedWords(String text) {
        if (!text.contains("=?")) return text;
        Matcher m = ENCODED_WORD.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String decoded;
            try {
                decoded = jakarta.mail.internet.MimeUtility.decodeWord(word);
            } catch (jakarta.mail.internet.ParseException | java.io.UnsupportedEncodingException | RuntimeException e) {
                decoded = word;
            }
            m.appendReplacement(b, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(b);
        return b.toString();
    }
}
