package org.sightline.pattern.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.pattern.ast.ComparisonExpression;
import org.sightline.pattern.ast.ComparisonOperator;
import org.sightline.pattern.ast.Literal;
import org.sightline.pattern.ast.ObjectPath;
import org.sightline.pattern.ast.ObservationExpression;

/**
 * A fast path for the pattern most feeds are made of, {@code [type:property = 'value']} (with
 * dotted or quoted keys, as in {@code file:hashes.'SHA-256'}): recognised by one regular expression
 * instead of the ANTLR parser, so that a million indicators compile in seconds. It builds exactly
 * the tree the parser would (a test checks this); anything else goes to the parser.
 */
final class SimplePatterns {
    private static final Pattern SIMPLE = Pattern.compile(
            "^\\[\\s*([a-zA-Z_][a-zA-Z0-9_-]*)\\s*:\\s*([a-zA-Z_][a-zA-Z0-9_]*)((?:\\.(?:[a-zA-Z_][a-zA-Z0-9_]*|'(?:[^'\\\\]|\\\\['\\\\])*'))*)"
                    + "\\s*=\\s*'((?:[^'\\\\]|\\\\['\\\\])*)'\\s*]$");
    private static final Pattern STEP = Pattern.compile("\\.(?:([a-zA-Z_][a-zA-Z0-9_]*)|'((?:[^'\\\\]|\\\\['\\\\])*)')");
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("AND", "OR", "NOT", "FOLLOWEDBY", "LIKE",
            "MATCHES", "ISSUPERSET", "ISSUBSET", "EXISTS", "LAST", "IN", "START", "STOP", "SECONDS", "true", "false",
            "WITHIN", "REPEATS", "TIMES");

    private SimplePatterns() {
    }

    /** The tree of a simple equality pattern, or null when the text is anything else. */
    static ObservationExpression tryParse(String text) {
        if (text.length() > 4096 || text.contains("/*") || text.contains("//")) {
            return null;
        }
        Matcher matcher = SIMPLE.matcher(text);
        if (!matcher.matches() || KEYWORDS.contains(matcher.group(1)) || KEYWORDS.contains(matcher.group(2))) {
            return null;
        }
        List<ObjectPath.Step> steps = new ArrayList<>();
        steps.add(new ObjectPath.Key(matcher.group(2), false));
        Matcher step = STEP.matcher(matcher.group(3));
        while (step.find()) {
            if (step.group(1) != null) {
                if (KEYWORDS.contains(step.group(1))) {
                    return null;
                }
                steps.add(new ObjectPath.Key(step.group(1), false));
            } else {
                steps.add(new ObjectPath.Key(TreeBuilder.unquote("'" + step.group(2) + "'"), true));
            }
        }
        Literal value = new Literal.StringValue(TreeBuilder.unquote("'" + matcher.group(4) + "'"));
        return new ObservationExpression.Observation(new ComparisonExpression.Comparison(
                new ObjectPath(matcher.group(1), steps), ComparisonOperator.EQ, false, value));
    }
}
