package nyc.daylight.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.inbound.LabelledReplies.Reply;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@link ReplyClassifier} over the labelled replies (test resources
 * {@code replies/}): a wrong suggestion would write a false step into the ledger if clicked, so
 * precision over the suggestions made comes first; recall is over the letters whose true step is
 * one a reply can be confirmed as. Prints the tables docs/records.md quotes; the held-out files
 * were written after the tuning and are shown apart.
 */
class ReplyCorpusTest {
    /** The steps a reply can be confirmed as (StepConfirmation's). */
    static final Set<EventType> RECORDED = EnumSet.of(EventType.ACKNOWLEDGED, EventType.EXTENDED,
            EventType.CLARIFICATION_REQUESTED, EventType.RECORDS_RELEASED, EventType.GRANTED, EventType.PARTIALLY_GRANTED,
            EventType.DENIED, EventType.NO_RECORDS);
    private static final LocalDate WRITTEN_ON = LocalDate.of(2026, 3, 5);

    private final ReplyClassifier classifier = new ReplyClassifier();

    /** The classifier's answer: a ledger step, a notice kind, or NONE. */
    private static String answer(Suggestion s) {
        return s.type() != null ? s.type().name() : s.notice() != null ? s.notice().name() : "NONE";
    }

    private Suggestion withNames(Reply r) {
        return classifier.classify(r.subject(), r.body(), r.attachments(), r.regime(), r.acknowledged(), WRITTEN_ON);
    }

    /** As MessageFiling calls it today: only whether there are files. */
    private Suggestion withFlag(Reply r) {
        return classifier.classify(r.subject(), r.body(), !r.attachments().isEmpty(), r.regime(), r.acknowledged(), WRITTEN_ON);
    }

    /** Figures over some replies: suggestions made and right, recorded steps and found. */
    record Figures(int made, int right, int recordable, int found, int noticed, int noticedRight) {
        double precision() {
            return made == 0 ? 1 : right / (double) made;
        }

        double recall() {
            return recordable == 0 ? 1 : found / (double) recordable;
        }

        String line(String name, int letters) {
            return String.format("| %s | %d | %d | %d | %.2f | %d/%d = %.2f | %d/%d |%n", name, letters, made, right, precision(),
                    found, recordable, recall(), noticedRight, noticed);
        }
    }

    private static Figures figures(List<Reply> replies, Function<Reply, Suggestion> run) {
        int made = 0, right = 0, recordable = 0, found = 0, noticed = 0, noticedRight = 0;
        for (Reply r : replies) {
            Suggestion s = run.apply(r);
            boolean ok = r.accepts(answer(s));
            if (s.any()) {
                made++;
                if (ok) right++;
            }
            if (s.noticed()) {
                noticed++;
                if (ok) noticedRight++;
            }
            if (isRecorded(r.step())) {
                recordable++;
                if (s.any() && ok) found++;
            }
        }
        return new Figures(made, right, recordable, found, noticed, noticedRight);
    }

    @Test
    void precision_and_recall_over_the_labelled_replies() {
        List<Reply> replies = LabelledReplies.all();
        assertThat(replies).hasSizeGreaterThanOrEqualTo(150);

        Map<String, int[]> byLabel = new LinkedHashMap<>(); // label -> {letters, answered as, right of answered, found}
        StringBuilder wrong = new StringBuilder();
        for (Reply r : replies) {
            String a = answer(withNames(r));
            boolean ok = r.accepts(a);
            byLabel.computeIfAbsent(r.step(), k -> new int[4])[0]++;
            if (!a.equals("NONE")) {
                byLabel.computeIfAbsent(a, k -> new int[4])[1]++;
                if (ok) byLabel.get(a)[2]++;
            }
            if (ok && !a.equals("NONE")) byLabel.get(r.step())[3]++;
            if (!ok) wrong.append(String.format("  %-28s %-24s -> %s%n", r.id(), r.step(), a));
        }
        StringBuilder table = new StringBuilder("| Label | Letters | Answered as | Right | Precision | Recall |\n|---|---|---|---|---|---|\n");
        byLabel.forEach((k, v) -> table.append(String.format("| %s%s | %d | %d | %d | %s | %s |%n", k, isRecorded(k) ? "" : " (notice)",
                v[0], v[1], v[2], v[1] == 0 ? "–" : String.format("%.2f", v[2] / (double) v[1]),
                k.equals("NONE") ? "–" : String.format("%.2f", v[3] / (double) v[0]))));

        Figures all = figures(replies, this::withNames);
        Figures flag = figures(replies, this::withFlag);
        StringBuilder sets = new StringBuilder("| Replies | Letters | Suggested | Right | Precision | Recall | Notices right |\n"
                + "|---|---|---|---|---|---|---|\n");
        Map<String, List<Reply>> byFile = new LinkedHashMap<>();
        for (Reply r : replies) byFile.computeIfAbsent(r.file().startsWith("holdout") ? r.file() : "tuned on", k -> new java.util.ArrayList<>()).add(r);
        byFile.forEach((k, v) -> sets.append(figures(v, this::withNames).line(k, v.size())));
        sets.append(all.line("**all, with file names**", replies.size()));
        sets.append(flag.line("all, with only \"has files\"", replies.size()));

        System.out.println("Reply classifier over " + replies.size() + " labelled replies:\n" + sets + "\nBy label (with file names):\n"
                + table + "Not as labelled (id, label -> answer):\n" + wrong);
        for (Figures f : List.of(all, flag)) {
            assertThat(f.precision()).as("precision over suggestions made").isGreaterThanOrEqualTo(0.9);
            assertThat(f.recall()).as("recall over recorded steps").isGreaterThanOrEqualTo(0.6);
        }
    }

    private static boolean isRecorded(String label) {
        return RECORDED.stream().anyMatch(t -> t.name().equals(label));
    }
}
