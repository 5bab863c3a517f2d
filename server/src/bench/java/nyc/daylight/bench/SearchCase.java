package nyc.daylight.bench;

import java.util.List;

/**
 * One query of the fixed set, as Daylight's users type it and as PostgreSQL full-text search
 * spells it. {@code websearch_to_tsquery} has no prefix search and no parentheses, so those two
 * cases use {@code to_tsquery} with the same meaning.
 *
 * @param faceted the baselines also compute facets and highlighted snippets (Daylight always does)
 */
record SearchCase(String id, String label, String text, String pgFunction, String pgText, boolean faceted) {
    static final List<SearchCase> ALL = List.of(
            new SearchCase("term", "term", "detainer", "websearch_to_tsquery", "detainer", false),
            new SearchCase("phrase", "phrase", "\"release date\"", "websearch_to_tsquery", "\"release date\"", false),
            new SearchCase("boolean", "boolean", "ICE AND (detainer OR warrant) NOT court", "to_tsquery",
                    "ice & (detainer | warrant) & !court", false),
            new SearchCase("prefix", "prefix", "deport*", "to_tsquery", "deport:*", false),
            new SearchCase("identifier", "identifier", "I-247A", "websearch_to_tsquery", "I-247A", false),
            new SearchCase("faceted", "faceted + highlighted", "detainer", "websearch_to_tsquery", "detainer", true));
}
