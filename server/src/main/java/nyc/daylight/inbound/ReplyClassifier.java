package nyc.daylight.inbound;

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
 * confirms or corrects the guess before anything changes, so it prefers the common phrasings of
 * FOIL and FOIA letters (the seeds hold real ones) over cleverness, and says nothing rather than
 * guess when no phrase fits.
 */
public final class ReplyClassifier {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?;])\\s+|\\n\\s*\\n");

    private static final Pattern NO_RECORDS = Pattern.compile(
            "no (responsive |such )?records|(unable|not able) to (locate|find|identify)|did not (locate|find|identify) any"
                    + "|could not (locate|find|identify)|no documents responsive", FLAGS);
    private static final Pattern DENIAL = Pattern.compile("\\bden(y|ies|ied|ial)\\b|\\bwithh(eld|old|olding)\\b"
            + "|exempt(ed)? from (public )?disclosure", FLAGS);
    private static final Pattern IN_PART = Pattern.compile("\\bin part\\b|\\bpartial(ly)?\\b|\\bredact(ed|ions?)\\b", FLAGS);
    private static final Pattern GRANT = Pattern.compile("request (is|has been) (hereby )?granted|\\bgrant(s|ed)? (your|the) request", FLAGS);
    private static final Pattern PROMISE = Pattern.compile("\\bgrant(ed)?,? or den(y|ied)\\b|\\bgrant(ed)?, den(y|ied)\\b", FLAGS);
    private static final Pattern CONDITIONAL = Pattern.compile("\\b(if|should|whether)\\b|\\bappeal", FLAGS);
    private static final Pattern CLARIFY = Pattern.compile("clarif(y|ication)|more specific|please (specify|narrow)"
            + "|narrow (the|your) (scope|request)|(cannot|unable to) (identify|determine) (the|which) records", FLAGS);
    private static final Pattern RELEASE = Pattern.compile("(attached|enclosed) (please find|are|is|you will find)"
            + "|please find (attached|enclosed)|responsive (records|documents) (are|is) (attached|enclosed)"
            + "|\\b(releas|produc)(e|ed|ing) (the )?(responsive )?(records|documents)", FLAGS);
    private static final Pattern EXTEND = Pattern.compile("\\bextend|\\bextension\\b|additional time|more time"
            + "|unusual circumstances|new (due |response )?date", FLAGS);
    private static final Pattern ACKNOWLEDGE = Pattern.compile("acknowledg|(have|has) received your|receipt of your"
            + "|assigned (foil|foia|request|tracking|control) (no|number|#)", FLAGS);

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
        String text = ((subject == null ? "" : subject + ".\n\n") + (body == null ? "" : body)).strip();
        // "We will grant or deny your request by …" promises a decision; it is not one.
        text = PROMISE.matcher(text).replaceAll("decide");
        List<String> sentences = List.of(SENTENCES.split(text));
        List<String> exemptions = exemptions(text, regime);

        Optional<String> denial = first(sentences, DENIAL, true);
        Optional<String> none = first(sentences, NO_RECORDS, true);
        if (none.isPresent() && denial.isEmpty()) return suggest(EventType.NO_RECORDS, none.get(), null, List.of());
        if (denial.isPresent() || (!exemptions.isEmpty() && first(sentences, IN_PART, true).isPresent())) {
            String evidence = denial.orElseGet(() -> first(sentences, IN_PART, true).orElseThrow());
            // "In part" must be said of this decision, not of the boilerplate ("in whole or in part") elsewhere.
            boolean partly = IN_PART.matcher(evidence).find() || (!exemptions.isEmpty() && denial.isEmpty());
            return suggest(partly ? EventType.PARTIALLY_GRANTED : EventType.DENIED, evidence, null, exemptions);
        }
        Optional<String> grant = first(sentences, GRANT, true);
        if (grant.isPresent()) return suggest(EventType.GRANTED, grant.get(), null, List.of());
        Optional<String> clarify = first(sentences, CLARIFY, false);
        if (clarify.isPresent()) return suggest(EventType.CLARIFICATION_REQUESTED, clarify.get(), null, List.of());
        Optional<String> release = first(sentences, RELEASE, false);
        if (release.isPresent() && hasAttachments) return suggest(EventType.RECORDS_RELEASED, release.get(), null, List.of());
        Optional<String> extend = first(sentences, EXTEND, false);
        Optional<String> ack = first(sentences, ACKNOWLEDGE, false);
        if (ack.isPresent() && (!acknowledged || extend.isEmpty())) {
            return suggest(EventType.ACKNOWLEDGED, ack.get(), dateNear(ack.get(), extend.orElse(null), text, writtenOn), List.of());
        }
        if (extend.isPresent()) return suggest(EventType.EXTENDED, extend.get(), dateNear(extend.get(), null, text, writtenOn), List.of());
        if (release.isPresent()) return suggest(EventType.RECORDS_RELEASED, release.get(), null, List.of());
        return Suggestion.NONE;
    }

    private static Suggestion suggest(EventType type, String evidence, LocalDate date, List<String> exemptions) {
        String e = evidence.replaceAll("\\s+", " ").strip();
        return new Suggestion(type, date, exemptions, e.length() > 300 ? e.substring(0, 297) + "…" : e);
    }

    /** The first sentence matching; assertions skip conditionals ("if your request is denied, you may appeal"). */
    private static Optional<String> first(List<String> sentences, Pattern p, boolean assertionOnly) {
        for (String s : sentences) {
            Matcher m = p.matcher(s);
            if (!m.find()) continue;
            if (assertionOnly && CONDITIONAL.matcher(s).find()) continue;
            return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The date the step sets: in its own sentence if there is one, else in a related one, else anywhere. */
    private static LocalDate dateNear(String evidence, String related, String whole, LocalDate writtenOn) {
        for (String s : new String[] {evidence, related, whole}) {
            if (s == null) continue;
            List<LocalDate> dates = dates(s).stream().filter(d -> writtenOn == null || d.isAfter(writtenOn)).toList();
            if (!dates.isEmpty()) return dates.getLast();
        }
        return null;
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
