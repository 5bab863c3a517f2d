package nyc.daylight.scorecards;

import nyc.daylight.core.Message;
import nyc.daylight.deadlines.Regime;

/**
 * The letter grade and the formula's inputs, so the page can show how it was reached: {@code formula}
 * in English (the API, CSV and PDF), {@code explanation} for a page in its reader's language.
 * New York: 40% responses within 5 business days + 60% determinations on time. Federal: 100%
 * determinations on time (FOIA has no acknowledgment duty). A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F;
 * no grade under {@link #MIN_REQUESTS} requests counted toward the on-time rate.
 */
public record Grade(String letter, Double score, String formula, Message explanation) {
    /** Fewer decided requests than this and a percentage says more about luck than about the agency. */
    public static final int MIN_REQUESTS = 10;

    public static Grade of(Regime regime, Double responsePct, int responseCounted, Double onTimePct, int onTimeCounted) {
        if (onTimeCounted < MIN_REQUESTS || onTimePct == null) {
            Message none = Message.of("sc.grade.none", MIN_REQUESTS);
            return new Grade("—", null, none.english(), none);
        }
        double score;
        Message formula;
        if (regime == Regime.NY_FOIL && responsePct != null && responseCounted >= MIN_REQUESTS) {
            score = 0.4 * responsePct + 0.6 * onTimePct;
            formula = Message.of("sc.grade.ny", responsePct, onTimePct, score);
        } else {
            score = onTimePct;
            formula = Message.of("sc.grade.federal", onTimePct, score);
        }
        return new Grade(letter(score), score, formula.english(), formula);
    }

    static String letter(double score) {
        if (score >= 90) return "A";
        if (score >= 80) return "B";
        if (score >= 70) return "C";
        if (score >= 60) return "D";
        return "F";
    }
}
