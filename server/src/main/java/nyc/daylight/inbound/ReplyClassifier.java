package nyc.daylight.inbound;

import static nyc.daylight.inbound.ReplyPhrases.*;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Regime;

/**
 * Guesses which ledger step an agency's e-mail is, from its wording. It only suggests: a person
 * confirms or corrects the guess before anything changes, but a wrong guess confirmed in one click
 * is a false event in the ledger, so it reads only what the letter asserts ({@link LetterText}
 * drops boilerplate and unticked options), prefers the common phrasings of real letters
 * ({@link ReplyPhrases}) over cleverness, and says nothing rather than guess. Letters the ledger
 * has no step for (fees, referrals, closures, appeals) are named as a {@link Suggestion.Notice}.
 * Measured over the labelled replies in the tests ({@code ReplyCorpusTest}; docs/records.md).
 */
public final class ReplyClassifier {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Set<String> NOT_RECORDS = Set.of("ics", "vcf", "p7s", "asc", "sig");
    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "bmp");
    private static final Pattern INLINE_IMAGE = Pattern.compile("^(image|logo|signature|outlook-)[\\w-]*\\.\\w+$", Pattern.CASE_INSENSITIVE);

    private static final Pattern NY_EXEMPTION = Pattern.compile("87\\s*\\(\\s*2\\s*\\)\\s*\\(\\s*([a-q])\\s*\\)", FLAGS);
    private static final Pattern FEDERAL_EXEMPTION = Pattern.compile(
            "\\(b\\)\\s*\\(\\s*([1-9])\\s*\\)|\\bexemption\\s+([1-9])\\b", FLAGS);

    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", FLAGS);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})\\s+(" + MONTHS + ")\\.?,?\\s+(\\d{4})\\b", FLAGS);
    private static final Pattern US_NUMERIC = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    /**
     * @param acknowledged whether the request already has an acknowledgment: a first letter that
     *                     both acknowledges and names a later date is the acknowledgment (with its
     *                     approximate date), a later one is an extension
     */
    public Suggestion classify(String subject, String body, boolean hasAttachments, Regime regime, boolean acknowledged) {
        return classify(subject, body, hasAttachments, regime, acknowledged, null);
    }

    /** @param writtenOn the day the agency wrote: a date on or before it ("your request of March 2") is not one it sets */
    public Suggestion classify(String subject, String body, boolean hasAttachments, Regime regime, boolean acknowledged,
                               LocalDate writtenOn) {
        // Without the names every file counts: a signature logo cannot be told from a PDF.
        return classify(subject, body, hasAttachments ? List.of("attachment") : List.of(), regime, acknowledged, writtenOn);
    }

    /**
     * @param attachments the attached files' names: a PDF or a spreadsheet with "please find attached" is
     *                    likely a release, a signature logo is not
     */
    public Suggestion classify(String subject, String body, List<String> attachments, Regime regime, boolean acknowledged,
                               LocalDate writtenOn) {
        String s0 = subject == null ? "" : subject;
        String b0 = body == null ? "" : body;
        if (AUTO_REPLY_SUBJECT.matcher(s0).find() || AUTO_REPLY.matcher(s0 + "\n" + b0).find()) return Suggestion.NONE;
        List<String> all = LetterText.sentences(PROMISE.matcher(s0).replaceAll("decide"), PROMISE.matcher(b0).replaceAll("decide"));
        List<String> said = all.stream().filter(x -> !CONDITIONAL.matcher(x).find()).toList();
        List<String> announced = all.stream().filter(x -> !HYPOTHETICAL.matcher(x).find()).toList();
        boolean files = attachments.stream().anyMatch(ReplyClassifier::isRecord);

        // An appeal's receipt or decision is a step of the appeal, recorded on its own form.
        Optional<String> appeal = first(all, APPEAL_DECIDED);
        if (appeal.isPresent()) return notice(Suggestion.Notice.APPEAL_DECIDED, appeal.get());
        appeal = first(all, APPEAL_RECEIVED);
        if (appeal.isPresent()) return notice(Suggestion.Notice.APPEAL_ACKNOWLEDGED, appeal.get());
        Optional<String> referred = announced.stream().filter(x -> REFERRED.matcher(x).find() && !INTERNAL.matcher(x).find()).findFirst();
        if (referred.isPresent()) return notice(Suggestion.Notice.REFERRED, referred.get());

        Optional<Suggestion> determination = determination(said, announced, files, regime);
        if (determination.isPresent()) return determination.get();

        Optional<String> fee = fee(said, announced);
        if (fee.isPresent()) return notice(Suggestion.Notice.FEE_NOTICE, fee.get());
        List<String> exemptions = exemptions(String.join("\n", said), regime);
        boolean interim = first(said, INTERIM).isPresent();
        Optional<String> grant = first(said, GRANT);
        if (grant.isPresent() && !interim) return suggest(EventType.GRANTED, grant.get(), null, exemptions);
        Optional<String> clarify = first(said, CLARIFY);
        if (clarify.isPresent()) return suggest(EventType.CLARIFICATION_REQUESTED, clarify.get(), null, List.of());
        Optional<String> closed = first(said, CLOSED);
        if (closed.isPresent()) return notice(Suggestion.Notice.CLOSED, closed.get());
        Optional<String> release = release(announced, files);
        Optional<String> ack = first(announced, ACKNOWLEDGE).or(() -> ACK_SUBJECT.matcher(s0).find() ? Optional.of(s0) : Optional.empty());
        // A first letter that acknowledges and sends a first file is the acknowledgment: its date sets the clock.
        if (release.isPresent() && (acknowledged || ack.isEmpty())) {
            return suggest(EventType.RECORDS_RELEASED, release.get(), null, List.of());
        }

        String text = String.join("\n", all);
        // A later letter that only sets a new date for the answer ("will be answered on or about December 7") extends;
        // a closed request re-opened with a date is no extension the ledger knows.
        Optional<String> extend = first(announced, EXTEND).or(() -> REOPENED.matcher(text).find() ? Optional.empty() : announced.stream()
                .filter(x -> NEW_DATE.matcher(x).find() && !laterDates(x, writtenOn).isEmpty()).findFirst());
        if (ack.isPresent() && (!acknowledged || extend.isEmpty())) {
            return suggest(EventType.ACKNOWLEDGED, ack.get(), dateNear(ack.get(), extend.orElse(null), text, writtenOn), List.of());
        }
        if (extend.isPresent()) return suggest(EventType.EXTENDED, extend.get(), dateNear(extend.get(), null, text, writtenOn), List.of());
        return Suggestion.NONE;
    }

    /** No records, a denial, in whole or in part, or a release with something withheld: what the agency decided. */
    private static Optional<Suggestion> determination(List<String> said, List<String> announced, boolean files, Regime regime) {
        List<String> exemptions = exemptions(String.join("\n", said), regime);
        Optional<String> denial = said.stream().filter(x -> DENIAL.matcher(x).find() && !NOT_THE_REQUEST.matcher(x).find()).findFirst()
                .or(() -> first(announced, FIRM_DENIAL));
        Optional<String> none = first(said, NO_RECORDS);
        boolean released = release(announced, files).isPresent();
        if (none.isPresent() && denial.isEmpty() && !released) return Optional.of(suggest(EventType.NO_RECORDS, none.get(), null, List.of()));
        Optional<String> part = first(said, IN_PART);
        if (denial.isPresent()) {
            boolean partly = part.isPresent() || released || first(said, GRANT).isPresent();
            return Optional.of(suggest(partly ? EventType.PARTIALLY_GRANTED : EventType.DENIED,
                    part.filter(x -> partly).orElse(denial.get()), null, exemptions));
        }
        // "Portions have been redacted under §87(2)(b)": withheld in part without the word.
        if (part.isPresent() && (!exemptions.isEmpty() || REDACTED.matcher(part.get()).find())) {
            return Optional.of(suggest(EventType.PARTIALLY_GRANTED, part.get(), null, exemptions));
        }
        return Optional.empty();
    }

    /** An amount asked for: an estimate, copies on payment; never the fee schedule alone. */
    private static Optional<String> fee(List<String> said, List<String> announced) {
        List<String> amounts = said.stream().filter(x -> FEE_AMOUNT.matcher(x).find()).toList();
        if (amounts.isEmpty()) return Optional.empty();
        Optional<String> asked = first(amounts, FEE_ASK);
        if (asked.isPresent()) return asked;
        return first(announced, FEE_PAY).map(x -> amounts.getFirst());
    }

    /** Records attached (a real file with "please find attached"), made available elsewhere, or the answer in the body. */
    private static Optional<String> release(List<String> said, boolean files) {
        Optional<String> enclosed = first(said, ENCLOSED);
        if (enclosed.isPresent() && files) return enclosed;
        Optional<String> available = first(said, MADE_AVAILABLE);
        if (available.isPresent()) return available;
        return answered(said) ? said.stream().filter(x -> ANSWER_INTRO.matcher(x).find() || NUMBERED_ANSWER.matcher(x).find()).findFirst()
                : Optional.empty();
    }

    /** The answer is in the body: "I can confirm that the Council holds the information", or two numbered answers. */
    private static boolean answered(List<String> said) {
        boolean intro = said.stream().anyMatch(x -> ANSWER_INTRO.matcher(x).find() && (x.matches("(?s).*\\d.*") || x.contains("information"))
                && !ACKNOWLEDGE.matcher(x).find() && !EXTEND.matcher(x).find());
        return intro || said.stream().filter(x -> NUMBERED_ANSWER.matcher(x).find()).count() >= 2;
    }

    /** A file that can hold records; signature logos and calendar cards cannot (a photo of a record can). */
    static boolean isRecord(String name) {
        if (name == null || name.isBlank()) return false;
        String n = name.strip().toLowerCase(Locale.ROOT);
        String ext = n.lastIndexOf('.') < 0 ? "" : n.substring(n.lastIndexOf('.') + 1);
        if (NOT_RECORDS.contains(ext)) return false;
        return !(IMAGES.contains(ext) && INLINE_IMAGE.matcher(n).matches());
    }

    private static Suggestion notice(Suggestion.Notice notice, String evidence) {
        return new Suggestion(null, null, List.of(), clip(evidence), notice);
    }

    private static Suggestion suggest(EventType type, String evidence, LocalDate date, List<String> exemptions) {
        return new Suggestion(type, date, exemptions, clip(evidence));
    }

    private static String clip(String evidence) {
        String e = evidence.replaceAll("\\s+", " ").strip();
        return e.length() > 300 ? e.substring(0, 297) + "…" : e;
    }

    private static Optional<String> first(List<String> sentences, Pattern p) {
        return sentences.stream().filter(x -> p.matcher(x).find()).findFirst();
    }

    /** The date the step sets: in its own sentence if there is one, else in a related one, else anywhere. */
    private static LocalDate dateNear(String evidence, String related, String whole, LocalDate writtenOn) {
        for (String s : new String[] {evidence, related, whole}) {
            if (s == null) continue;
            List<LocalDate> dates = laterDates(s, writtenOn);
            if (!dates.isEmpty()) return dates.getLast();
        }
        return null;
    }

    private static List<LocalDate> laterDates(String s, LocalDate writtenOn) {
        return dates(s).stream().filter(d -> writtenOn == null || d.isAfter(writtenOn)).toList();
    }

    /** Dates as agencies write them, in order of appearance. */
    static List<LocalDate> dates(String s) {
        record Found(int at, LocalDate date) {}
        List<Found> found = new ArrayList<>();
        Matcher m = MONTH_DAY_YEAR.matcher(s);
        while (m.find()) date(m.group(3), month(m.group(1)), m.group(2)).ifPresent(d -> found.add(new Found(m.start(), d)));
        Matcher d = DAY_MONTH_YEAR.matcher(s);
        while (d.find()) date(d.group(3), month(d.group(2)), d.group(1)).ifPresent(x -> found.add(new Found(d.start(), x)));
        Matcher u = US_NUMERIC.matcher(s);
        while (u.find()) date(u.group(3), Integer.parseInt(u.group(1)), u.group(2)).ifPresent(x -> found.add(new Found(u.start(), x)));
        Matcher i = ISO.matcher(s);
        while (i.find()) date(i.group(1), Integer.parseInt(i.group(2)), i.group(3)).ifPresent(x -> found.add(new Found(i.start(), x)));
        found.sort(java.util.Comparator.comparingInt(Found::at));
        return found.stream().map(Found::date).toList();
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Month m : Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(n.substring(0, 3))) return m.getValue();
        }
        return 0;
    }

    private static Optional<LocalDate> date(String year, int month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty(); // "February 30": not a date, so not a suggestion
        }
    }

    static List<String> exemptions(String text, Regime regime) {
        Set<String> codes = new LinkedHashSet<>();
        if (regime == Regime.NY_FOIL) {
            Matcher m = NY_EXEMPTION.matcher(text);
            while (m.find()) codes.add("87(2)(" + m.group(1).toLowerCase(Locale.ROOT) + ")");
        } else {
            Matcher m = FEDERAL_EXEMPTION.matcher(text);
            while (m.find()) codes.add("552(b)(" + (m.group(1) != null ? m.group(1) : m.group(2)) + ")");
        }
        return List.copyOf(codes);
    }
}
