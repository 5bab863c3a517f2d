package nyc.daylight.records.index;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * The classic Lucene syntax (words, "phrases", AND / OR / NOT, prefix*, field:value) with what a
 * records search needs on top: every word is required unless OR says otherwise, unknown field
 * names are an error instead of silently matching nothing, and {@code date:[2025-01-01 TO
 * 2025-06-30]} is a real date range.
 */
final class RecordQueryParser extends QueryParser {
    static final Set<String> FIELDS = Set.of(RecordFields.BODY, RecordFields.TITLE, "from", "to", "cc", "subject",
            RecordFields.AGENCY, RecordFields.REQUEST, RecordFields.KIND, RecordFields.DATE);

    RecordQueryParser(Analyzer analyzer) {
        super(RecordFields.BODY, analyzer);
        setDefaultOperator(AND_OPERATOR);
        setAllowLeadingWildcard(false);
        setSplitOnWhitespace(true);
    }

    static Query parseUserQuery(String text, Analyzer analyzer) {
        try {
            return new RecordQueryParser(analyzer).parse(text);
        } catch (ParseException | IllegalArgumentException e) {
            throw e instanceof BadQueryException b ? b : new BadQueryException(explain(e));
        } catch (RuntimeException | Error e) {
            // The generated parser signals some malformed input with TokenMgrError or similar.
            throw new BadQueryException(BadQueryException.Reason.UNREADABLE);
        }
    }

    private static BadQueryException.Reason explain(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("'*' or '?' not allowed as first character")) return BadQueryException.Reason.LEADING_WILDCARD;
        if (m.contains("too many boolean clauses") || m.contains("maxClauseCount")) return BadQueryException.Reason.TOO_MANY_TERMS;
        return BadQueryException.Reason.UNREADABLE;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        check(field);
        if (field.equals(RecordFields.DATE)) return dateRange(queryText, queryText);
        if (isExact(field)) return new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(field, queryText.toLowerCase(java.util.Locale.ROOT)));
        return super.getFieldQuery(field, queryText, quoted);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
            throws ParseException {
        check(field);
        if (field.equals(RecordFields.DATE)) return dateRange(part1, part2);
        return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        check(field);
        if (termStr.length() < 2) throw new BadQueryException(BadQueryException.Reason.SHORT_PREFIX);
        return super.getPrefixQuery(field, termStr);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        check(field);
        return super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        check(field);
        return super.getFuzzyQuery(field, termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        check(field);
        throw new BadQueryException(BadQueryException.Reason.REGEX);
    }

    private static boolean isExact(String field) {
        return field.equals(RecordFields.AGENCY) || field.equals(RecordFields.REQUEST) || field.equals(RecordFields.KIND);
    }

    private static void check(String field) {
        if (!FIELDS.contains(field)) {
            throw new BadQueryException(BadQueryException.Reason.UNKNOWN_FIELD, field);
        }
    }

    private static Query dateRange(String from, String to) {
        long lo = from.equals("*") ? Long.MIN_VALUE : day(from, true);
        long hi = to.equals("*") ? Long.MAX_VALUE : day(to, false);
        return LongPoint.newRangeQuery(RecordFields.DATE, lo, hi);
    }

    /** Accepts a full date or a bare year ("2025" means all of 2025). */
    private static long day(String s, boolean start) {
        try {
            if (s.matches("\\d{4}")) {
                int year = Integer.parseInt(s);
                return (start ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31)).toEpochDay();
            }
            return LocalDate.parse(s).toEpochDay();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BadQueryException(BadQueryException.Reason.BAD_DATE, s);
        }
    }
}
