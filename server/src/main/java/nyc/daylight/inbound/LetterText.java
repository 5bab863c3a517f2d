package nyc.daylight.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An agency's letter cut into the sentences that can say what it does. Letters carry boilerplate
 * that names every step they are not taking: appeal rights ("if you are dissatisfied…"), fee
 * categories, and check-box forms that print every option. Those are dropped here, so that only
 * what the agency says it did is read: an unticked box is not an answer, "if your request is
 * denied" is not a denial.
 */
final class LetterText {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern SENTENCES = Pattern.compile("(?<![Nn]o\\.)(?<=[.!?;])\\s+(?=\\S)|\\n\\s*\\n");
    /** "[ ]", "☐", "___", "( )" open an option nobody ticked; "[X]", "☒", "_X_", "(X)" one that was. */
    private static final String EMPTY_BOX = "\\[\\s?\\]|☐|_{2,}(?!\\s*X)|\\(\\s\\)";
    private static final String TICKED_BOX = "\\[\\s?[xX✓✔]\\s?\\]|☒|☑|_+[xX]_+|\\([xX]\\)";
    /** An FBI-style line "(b)(1) [ ] (b)(6) [X]": the box follows the exemption it ticks. */
    private static final Pattern CODE_UNTICKED = Pattern.compile("\\(b\\)\\s*\\(\\d\\)(\\s*\\([A-F]\\))?\\s*(\\[\\s?\\]|☐)");
    private static final Pattern OPTION = Pattern.compile("(" + EMPTY_BOX + "|" + TICKED_BOX + ")");
    private static final Pattern TICKED = Pattern.compile(TICKED_BOX);
    private static final Pattern NUMBERED = Pattern.compile("^\\s{0,3}([qQ]\\d{1,2}|\\d{1,2})[.:)]\\s+\\S");
    /** Rights and procedure every letter repeats, whatever it decides. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "\\b(you may|you have the right to|you can|you also have the right)\\b.{0,80}\\b(appeal|internal review|complain"
                    + "|dispute resolution|contact (our|the|this|us)|seek|file|lawsuit|request a certification|ask for)"
                    + "|\\bif you are (dissatisfied|not satisfied|unhappy|not content)|\\bif you remain dissatisfied"
                    + "|\\b(OGIS|FOIA Public Liaison|Information Commissioner|Article 78)\\b"
                    + "|\\bcheck boxes\\b|exemptions are noted on the processed pages|types of exemptions asserted"
                    + "|\\bfee category\\b|requester category|placed in the .{0,30} (requester )?category"
                    + "|\\bfirst (two|2) hours\\b|\\b100 pages\\b.{0,40}free|\\bfree of charge\\b"
                    + "|\\b(puede|podrá) apelar", FLAGS);

    private LetterText() {
    }

    /** The sentences of subject and body an assertion can come from, boilerplate and unticked options left out. */
    static List<String> sentences(String subject, String body) {
        String text = ((subject == null ? "" : subject + ".\n\n") + (body == null ? "" : body)).replace("\r\n", "\n");
        List<String> out = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (OPTION.matcher(line).find()) {
                flush(prose, out);
                out.addAll(ticked(line));
            } else if (NUMBERED.matcher(line).find()) {
                // "1. How many…? 48,211.": a numbered question and its answer stay one unit.
                flush(prose, out);
                String t = line.replaceAll("\\s+", " ").strip();
                if (!BOILERPLATE.matcher(t).find()) out.add(t);
            } else {
                prose.append(line).append('\n');
            }
        }
        flush(prose, out);
        return out;
    }

    private static void flush(StringBuilder prose, List<String> out) {
        for (String s : SENTENCES.split(prose)) {
            String t = s.replaceAll("\\s+", " ").strip();
            if (!t.isEmpty() && !BOILERPLATE.matcher(t).find()) out.add(t);
        }
        prose.setLength(0);
    }

    /** What a form line says after each ticked box; an option with an empty box is dropped. */
    private static List<String> ticked(String line) {
        String l = CODE_UNTICKED.matcher(line).replaceAll(" ");
        List<String> out = new ArrayList<>();
        var m = OPTION.matcher(l);
        List<int[]> boxes = new ArrayList<>();
        while (m.find()) boxes.add(new int[] {m.start(), m.end(), TICKED.matcher(m.group()).matches() ? 1 : 0});
        if (boxes.isEmpty()) return List.of(l.strip());
        String before = l.substring(0, boxes.getFirst()[0]).strip();
        // "(b)(6) [X]": a code ticked after its name stays, as it is the line's point.
        if (!before.isEmpty() && boxes.getFirst()[2] == 1) out.add(before);
        for (int i = 0; i < boxes.size(); i++) {
            int end = i + 1 < boxes.size() ? boxes.get(i + 1)[0] : l.length();
            String option = l.substring(boxes.get(i)[1], end).replaceAll("\\s+", " ").strip();
            if (boxes.get(i)[2] == 1 && !option.isEmpty()) out.add(option);
        }
        return out;
    }
}
