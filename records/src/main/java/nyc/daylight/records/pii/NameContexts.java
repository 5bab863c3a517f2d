package nyc.daylight.records.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.records.pii.PersonNames.Token;

/**
 * Names where the layout, not an identifier, says a person is named: e-mail header lines
 * (From, To, Cc, De, Para), the words in front of a person's own address ("Faith Ndlovu
 * &lt;fndlovu@…&gt;"), signature blocks after a closing, titles and relations ("Officer …",
 * "his wife …", "mi hijo …", "People v. …"), names joined to a found one by "and" or a comma,
 * lists of names one to a line, and the name above a street address in a letter. A candidate
 * must still read as a name ({@link PersonNames#parse}): capitalized words outside the
 * stop-list of agency, letter and demographic words.
 */
final class NameContexts {
    /** Header lines that carry people: the display names before their addresses. */
    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?im)^(?:from|to|cc|bcc|reply-to|sent by|de|para|cc)\\h*:\\h*([^\\n]{1,2000}+)$");
    /** A recipient in a header line: display name, then an address in brackets or nothing. */
    private static final Pattern RECIPIENT = Pattern.compile("[^;<>\\n]{1,120}+(?:<[^>\\n]{0,300}+>)?");
    /** The words right before a person's own address: "Faith Ndlovu (fndlovu@acs.nyc.gov)", "Jane Doe <jane@…>". */
    private static final Pattern BEFORE_ADDRESS = Pattern.compile("(?<=[\\p{L}.])\\h{0,2}[<(]\\h?[\\p{L}\\p{N}._%+'’-]{1,64}+@");
    private static final Pattern CLOSING = Pattern.compile(
            "(?im)^\\h*(?:thank\\h+you|thanks|many\\h+thanks|sincerely(?:\\h+yours)?|(?:best|kind|warm)?\\h*regards|best"
                    + "|respectfully(?:\\h+yours)?|cordially|yours\\h+truly|atentamente|cordialmente|saludos|un\\h+saludo)[,.!]?\\h*$");
    /** Words after which a one-word name is enough ("Mr. Li", "People v. Halvorsen", "Sra. Ortega"). */
    private static final Pattern SINGLE_CUE = Pattern.compile(
            "(?:\\b(?:Mr|Ms|Mrs|Mx|Dr|Sr|Sra|Srta|Lic|Lt|Sgt|Det|Capt|Hon|Prof|Rev|Fr)\\.|\\bP\\.O\\.|\\b(?:Mr|Ms|Mrs|Dr|Father|Señora?|Señorita)\\b"
                    + "|\\bv\\.)\\h{1,3}");
    /** Words after which a name of two or more words is expected. */
    private static final Pattern CUE = Pattern.compile("(?:\\b(?:Officer|Captain|Commissioner|Detective|Sergeant|Lieutenant|Warden|Judge"
            + "|Attorney|Counsel|Worker|Taxpayer|Spouse|Driver|Visitor|Applicant(?:\\h\\d{1,3})?|Petitioner|Emergency\\h+contact|Contacts\\h+for"
            + "|C/V|PERP|VICTIM|WITNESS|OBSERVED|ALIAS|DEVICE\\h+OF|met\\h+with|Met\\h+with|spoke\\h+with|Yo"
            + "|(?i:contacts\\h+for)|señora|señor|connacional|applicant|companion|arrestee|victim|witness)"
            + "|(?i:\\b(?:officer|counsel|worker|taxpayer|spouse|driver|alias|defendant|arrestee|applicant\\h\\d{1,3})\\h{0,2}:))"
            + "[\\h,:]{1,3}");
    /** "his wife Ji-yeon Kim", "Su hermana, Yesenia Ortega", "con su hijo Iván": a relative, one word enough. */
    private static final Pattern RELATION = Pattern.compile(
            "(?i:\\b(?:his|her|their|my|mi|su|the|subject's|client's)\\h+(?:wife|husband|son|daughter|mother|father|sister|brother|aunt"
                    + "|uncle|cousin|partner|companion|client|hijo|hija|esposo|esposa|hermana|hermano|madre|padre|tía|tío|primo|prima))"
                    + "[\\h,:]{0,3}\\n?\\h{0,3}(?=\\p{Lu})");
    /** "AMADOU BAH, Petitioner": a caption's party before its role. */
    private static final Pattern PARTY = Pattern.compile("(?m)^\\h*([^\\n,]{3,60}+),\\h(?:Petitioner|Plaintiff|Defendant|Respondent|Esq\\.)");
    /** "Juan Perez and Maria Lopez", "JOSÉ NÚÑEZ AND MARÍA ZAMBRANO", "Juan Perez, Maria Lopez". */
    private static final Pattern JOIN = Pattern.compile("\\h{1,3}(?:and|AND|y|Y|&)\\h{1,3}|,\\h{1,3}");
    /** A list line's lead-in: "Room 301 - ", "3. ", "- ". */
    private static final Pattern LIST_PREFIX = Pattern.compile("^\\h*(?:[\\p{L}\\p{N}#.]{1,8}+\\h?[\\p{L}\\p{N}]{0,6}+\\h?[-–:.)|]\\h+|[-•*]\\h+)?");

    /** Every name these contexts point at; {@code known} are the findings so far (for joins and addresses). */
    List<PiiFinding> find(String page, List<PiiFinding> known) {
        List<PiiFinding> out = new ArrayList<>();
        boolean email = headers(page, out);
        beforeAddresses(page, out);
        cues(page, SINGLE_CUE, true, 0.75, out);
        cues(page, CUE, false, 0.7, out);
        cues(page, RELATION, true, 0.7, out);
        rows(page, known, out);
        Matcher m = PARTY.matcher(page);
        while (m.find()) whole(page, m.start(1), m.end(1), 2, 0.7, out);
        lines(page, email, known, out);
        List<PiiFinding> all = new ArrayList<>(known);
        all.addAll(out);
        joins(page, all, out);
        return out;
    }

    /** From/To/Cc lines; true when the page has any (it is an e-mail, so lone name lines are signatures). */
    private static boolean headers(String page, List<PiiFinding> out) {
        Matcher h = HEADER_LINE.matcher(page);
        boolean any = false;
        while (h.find()) {
            any = true;
            Matcher r = RECIPIENT.matcher(page).region(h.start(1), h.end(1));
            while (r.find()) {
                int end = r.end();
                int bracket = page.indexOf('<', r.start());
                if (bracket >= 0 && bracket < end) end = bracket;
                int[] span = trim(page, r.start(), end);
                if (wordsIfWhole(page, span[0], span[1]) >= 1) whole(page, span[0], span[1], 1, 0.8, out);
                else if (bracket >= 0 && bracket < r.end()) ownAddress(page, span[0], span[1], page.substring(bracket + 1, r.end()), out);
            }
        }
        return any;
    }

    /**
     * "Per Lindholm &lt;plindholm@…&gt;": capitalized words that a name-reading would refuse ("Per"
     * is an English word) are still a name when the address is made of them.
     */
    private static void ownAddress(String page, int from, int to, String address, List<PiiFinding> out) {
        int at = address.indexOf('@');
        if (at <= 0 || to - from > 60) return;
        String local = fold(address.substring(0, at));
        String[] words = page.substring(from, to).split("[\\h,]+");
        if (words.length < 2 || words.length > 4) return;
        for (String w : words) if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0)) || !w.chars().allMatch(Character::isLetter)) return;
        int stopped = 0;
        for (String w : words) if (NameStoplist.contains(w)) stopped++;
        if (stopped > 1) return;
        String last = fold(words[words.length - 1]);
        String first = fold(words[0]);
        boolean byLast = last.length() >= 3 && local.contains(last) && !NameStoplist.contains(words[words.length - 1]);
        boolean byFirst = first.length() >= 3 && local.contains(first) && !NameStoplist.contains(words[0]);
        if (byLast || byFirst) {
            out.add(PiiFinding.of(PiiType.PERSON_NAME, page, from, to, 0.8));
        }
    }

    private static String fold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static void beforeAddresses(String page, List<PiiFinding> out) {
        if (page.indexOf('@') < 0) return;
        Matcher m = BEFORE_ADDRESS.matcher(page);
        while (m.find()) {
            int lineStart = page.lastIndexOf('\n', m.start() - 1) + 1;
            int from = Math.max(lineStart, m.start() - 60);
            List<Token> tokens = PersonNames.tokens(page, from, m.start());
            // The name is the run of words that ends right at the bracket.
            for (int i = 0; i < tokens.size(); i++) {
                int last = PersonNames.parse(page, tokens, i, false);
                if (last >= 0 && tokens.get(last).end() == m.start()) {
                    out.add(PiiFinding.of(PiiType.PERSON_NAME, page, tokens.get(i).start(), tokens.get(last).end(), 0.8));
                    break;
                }
            }
        }
    }

    private static void cues(String page, Pattern cue, boolean single, double confidence, List<PiiFinding> out) {
        Matcher m = cue.matcher(page);
        while (m.find()) {
            List<Token> tokens = PersonNames.tokens(page, m.end(), lineEnd(page, m.end()));
            if (tokens.isEmpty() || tokens.get(0).start() != m.end()) continue;
            int last = PersonNames.parse(page, tokens, 0, single);
            if (last >= 0) out.add(PiiFinding.of(PiiType.PERSON_NAME, page, tokens.get(0).start(), tokens.get(last).end(), confidence));
        }
    }

    /**
     * Lines that are a name and nothing else: after a closing (one word will do: "Beatriz"), in
     * an e-mail (a signature), above a street address (a letter's addressee), or in a run of
     * three or more such lines (an attendance list, a roster).
     */
    private static void lines(String page, boolean email, List<PiiFinding> known, List<PiiFinding> out) {
        List<int[]> lines = new ArrayList<>();
        for (int at = 0; at <= page.length(); ) {
            int nl = page.indexOf('\n', at);
            int end = nl < 0 ? page.length() : nl;
            lines.add(trim(page, at, end));
            if (nl < 0) break;
            at = nl + 1;
        }
        java.util.Set<Integer> addressStarts = new java.util.HashSet<>();
        for (PiiFinding f : known) if (f.type() == PiiType.STREET_ADDRESS) addressStarts.add(f.start());
        int[] named = new int[lines.size()];
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int[] l = lines.get(i);
            Matcher p = LIST_PREFIX.matcher(page).region(l[0], l[1]);
            int from = p.lookingAt() ? p.end() : l[0];
            spans.add(new int[] {from, l[1]});
            named[i] = wordsIfWhole(page, from, l[1]);
        }
        int lastText = lines.size() - 1;
        while (lastText >= 0 && lines.get(lastText)[0] == lines.get(lastText)[1]) lastText--;
        for (int i = 0; i < lines.size(); i++) {
            if (named[i] == 0) continue;
            int[] s = spans.get(i);
            boolean afterClosing = previousText(page, lines, i) >= 0
                    && CLOSING.matcher(page).region(lines.get(previousText(page, lines, i))[0], lines.get(previousText(page, lines, i))[1]).matches();
            boolean run = runLength(named, i) >= 3;
            boolean aboveAddress = i + 1 < lines.size() && addressStarts.contains(lines.get(i + 1)[0]);
            boolean signature = email && named[i] >= 2;
            boolean lastLine = email && i == lastText;
            if (afterClosing || lastLine) whole(page, s[0], s[1], 1, 0.75, out);
            else if (run || aboveAddress || signature) whole(page, s[0], s[1], 2, 0.7, out);
        }
    }

    /**
     * A log row separated by "|" or tabs with no header: a cell that is a whole name, on a row
     * that also holds an identifier, is that person's, however far apart the two are.
     */
    private static void rows(String page, List<PiiFinding> known, List<PiiFinding> out) {
        if (page.indexOf('|') < 0 && page.indexOf('\t') < 0) return;
        int[] ids = known.stream().filter(f -> f.type().personal() && f.type() != PiiType.PERSON_NAME && f.type() != PiiType.PHONE
                && f.type() != PiiType.EMAIL).mapToInt(PiiFinding::start).sorted().toArray();
        for (int at = 0; at < page.length(); ) {
            int nl = page.indexOf('\n', at);
            int end = nl < 0 ? page.length() : nl;
            int i = java.util.Arrays.binarySearch(ids, at);
            int next = i >= 0 ? i : -i - 1;
            boolean identifier = next < ids.length && ids[next] < end;
            String line = page.substring(at, end);
            if (identifier && (line.indexOf('|') >= 0 || line.indexOf('\t') >= 0)) {
                int cell = at;
                for (int k = at; k <= end; k++) {
                    if (k == end || page.charAt(k) == '|' || page.charAt(k) == '\t') {
                        whole(page, cell, k, 2, 0.7, out);
                        cell = k + 1;
                    }
                }
            }
            if (nl < 0) break;
            at = nl + 1;
        }
    }

    /** The end of the line, or of a name's reach on a very long line, so each look costs a bounded amount. */
    private static int lineEnd(String page, int from) {
        int limit = Math.min(page.length(), from + 100);
        for (int k = from; k < limit; k++) if (page.charAt(k) == '\n') return k;
        return limit;
    }

    private static int previousText(String page, List<int[]> lines, int i) {
        for (int k = i - 1; k >= 0; k--) if (lines.get(k)[1] > lines.get(k)[0]) return k;
        return -1;
    }

    private static int runLength(int[] named, int i) {
        int a = i;
        while (a > 0 && named[a - 1] >= 2) a--;
        int b = i;
        while (b + 1 < named.length && named[b + 1] >= 2) b++;
        return named[i] >= 2 ? b - a + 1 : 0;
    }

    /** Names joined to a found one: "… AND MARÍA DEL PILAR ZAMBRANO", "…, Maria Lopez". Two words at least. */
    private static void joins(String page, List<PiiFinding> found, List<PiiFinding> out) {
        for (PiiFinding f : List.copyOf(found)) {
            if (f.type() != PiiType.PERSON_NAME) continue;
            int at = f.end();
            for (int hops = 0; hops < 6; hops++) {
                Matcher j = JOIN.matcher(page).region(at, Math.min(page.length(), at + 8));
                if (!j.lookingAt()) break;
                List<Token> tokens = PersonNames.tokens(page, j.end(), lineEnd(page, j.end()));
                if (tokens.isEmpty() || tokens.get(0).start() != j.end()) break;
                int last = PersonNames.parse(page, tokens, 0, false);
                if (last < 0) break;
                out.add(PiiFinding.of(PiiType.PERSON_NAME, page, tokens.get(0).start(), tokens.get(last).end(), 0.65));
                at = tokens.get(last).end();
            }
        }
    }

    /** The number of name words when [from, to) is a name and nothing more, else 0. */
    private static int wordsIfWhole(String page, int from, int to) {
        if (to <= from || to - from > 80) return 0;
        List<Token> tokens = PersonNames.tokens(page, from, to);
        if (tokens.isEmpty() || tokens.get(0).start() != from) return 0;
        int last = PersonNames.parse(page, tokens, 0, true);
        if (last < 0 || tokens.get(last).end() != to) return 0;
        int words = 0;
        for (int k = 0; k <= last; k++) if (tokens.get(k).kind() == PersonNames.Kind.NAME) words++;
        return words;
    }

    private static void whole(String page, int from, int to, int minWords, double confidence, List<PiiFinding> out) {
        int[] s = trim(page, from, to);
        if (wordsIfWhole(page, s[0], s[1]) >= minWords) out.add(PiiFinding.of(PiiType.PERSON_NAME, page, s[0], s[1], confidence));
    }

    private static int[] trim(String page, int from, int to) {
        while (from < to && (Character.isWhitespace(page.charAt(from)) || page.charAt(from) == '"' || page.charAt(from) == '\'')) from++;
        while (to > from && (Character.isWhitespace(page.charAt(to - 1)) || page.charAt(to - 1) == '"' || page.charAt(to - 1) == '\'')) to--;
        return new int[] {from, to};
    }
}
