package org.sightline.pattern.match;

import java.util.List;

/**
 * The answer of a match: every binding found (each a list of the observed-data ids bound to the
 * pattern's observation expressions, in observation order), and whether there was any.
 */
public record MatchResult(boolean matched, List<List<String>> bindings) {

    /** The observed-data of the first binding, as the reference matcher reports a match. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public List<String> firstBinding() {
        return bindings.isEmpty() ? List.of() : bindings.get(0);
    }
}
