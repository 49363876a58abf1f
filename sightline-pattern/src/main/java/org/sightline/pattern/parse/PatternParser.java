package org.sightline.pattern.parse;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.sightline.pattern.ast.ObservationExpression;
import org.sightline.pattern.ast.Pattern;
import org.sightline.pattern.grammar.StixPatternLexer;
import org.sightline.pattern.grammar.StixPatternParser;

/**
 * Parses STIX pattern text into a {@link Pattern}. The first syntax error stops the parse and is
 * reported with its line, column and offending token; literals that the grammar accepts but that
 * do not denote a value (a 13th month, a 61st second) are reported the same way.
 */
public final class PatternParser {

    private PatternParser() {
    }

    public static Pattern parse(String text) {
        return parse(text, "2.1");
    }

    /** Parses with the grammar only, bypassing the fast path (for tests that compare the two). */
    static Pattern parseWithGrammar(String text, String stixVersion) {
        StixPatternLexer lexer = new StixPatternLexer(CharStreams.fromString(text));
        StixPatternParser parser = new StixPatternParser(new CommonTokenStream(lexer));
        ThrowingListener errors = new ThrowingListener();
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        return new Pattern(new TreeBuilder().observations(parser.pattern().observationExpressions()), stixVersion);
    }

    public static Pattern parse(String text, String stixVersion) {
        if (text == null || text.isBlank()) {
            throw new PatternSyntaxException(1, 0, "<EOF>", "the pattern is empty");
        }
        ObservationExpression simple = SimplePatterns.tryParse(text);
        if (simple != null) {
            return new Pattern(simple, stixVersion);
        }
        requireBrackets(text);
        return parseWithGrammar(text, stixVersion);
    }

    /** The reference validator's friendliest message: a comparison written without its brackets. */
    private static void requireBrackets(String text) {
        StixPatternLexer lexer = new StixPatternLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        Token first = lexer.nextToken();
        if (first.getType() != StixPatternLexer.LBRACK && first.getType() != StixPatternLexer.LPAREN) {
            throw new PatternSyntaxException(first.getLine(), first.getCharPositionInLine(), first.getText(),
                    "input is missing square brackets: a pattern is one or more [observation expressions]");
        }
    }

    private static final class ThrowingListener extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                String message, RecognitionException e) {
            String token = offendingSymbol instanceof Token t ? t.getText() : "";
            throw new PatternSyntaxException(line, column, token, message);
        }
    }
}
