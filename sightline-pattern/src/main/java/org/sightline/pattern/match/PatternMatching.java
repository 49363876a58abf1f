package org.sightline.pattern.match;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.pattern.parse.PatternParser;
import org.sightline.pattern.parse.PatternSyntaxException;

/**
 * One pattern against observed data, as the CLI and the HTTP API offer it: parse, read the
 * observations, match, and describe a failure as a parse_error or a matcher_error.
 */
public final class PatternMatching {
    /** Bindings listed in an answer; the match itself stops at the first. */
    public static final int MAX_BINDINGS = 100;

    private PatternMatching() {
    }

    public static MatchResult match(String pattern, String stixVersion, List<? extends JsonNode> observedDocuments) {
        return match(pattern, stixVersion, observedDocuments, EvaluationBudget.UNLIMITED);
    }

    /** The same within a budget (the HTTP API's: its callers' patterns are untrusted). */
    public static MatchResult match(String pattern, String stixVersion, List<? extends JsonNode> observedDocuments,
                                    EvaluationBudget budget) {
        return PatternMatcher.match(PatternParser.parse(pattern, stixVersion), ObservationSet.of(observedDocuments),
                MAX_BINDINGS, budget);
    }

    /** {"error":{"kind":"parse_error"|"matcher_error","message":…}} for a failed match. */
    public static Map<String, Object> errorDocument(RuntimeException failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "invalid_input");
        error.put("kind", failure instanceof PatternSyntaxException ? "parse_error" : "matcher_error");
        error.put("message", failure.getMessage());
        return Map.of("error", error);
    }
}
