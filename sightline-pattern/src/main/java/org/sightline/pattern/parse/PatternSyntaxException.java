package org.sightline.pattern.parse;

import org.sightline.error.InvalidInputException;

/**
 * A pattern that does not parse: where (line and column, from 1 and 0 as ANTLR counts them), the
 * offending token, and what was expected.
 */
public final class PatternSyntaxException extends InvalidInputException {
    private final int line;
    private final int column;
    private final String offendingToken;

    public PatternSyntaxException(int line, int column, String offendingToken, String message) {
        super("pattern syntax error at line " + line + ":" + column + ": " + message);
        this.line = line;
        this.column = column;
        this.offendingToken = offendingToken;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String offendingToken() {
        return offendingToken;
    }
}
