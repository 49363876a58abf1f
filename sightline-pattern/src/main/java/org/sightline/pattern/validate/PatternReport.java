package org.sightline.pattern.validate;

import java.util.List;

/**
 * The outcome of validating a pattern. Errors make it invalid; warnings (unknown types or
 * properties) do not. A syntax error also says where: line, column and the offending token.
 */
public record PatternReport(String pattern, String stixVersion, boolean valid, List<String> errors,
                            List<String> warnings, SyntaxPosition position) {

    /** Where the parser stopped: line from 1, column from 0, and the token it could not take. */
    public record SyntaxPosition(int line, int column, String token) {
    }
}
