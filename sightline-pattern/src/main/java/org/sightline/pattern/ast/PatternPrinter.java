package org.sightline.pattern.ast;

import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Writes a syntax tree back as pattern text that parses to the same tree. */
public final class PatternPrinter {
    private PatternPrinter() {
    }

    public static String print(Pattern pattern) {
        return print(pattern.expression());
    }

    public static String print(ObservationExpression expression) {
        if (expression instanceof ObservationExpression.Observation o) {
            return "[" + print(o.comparison()) + "]";
        }
        if (expression instanceof ObservationExpression.Grouped g) {
            return "(" + print(g.expression()) + ")";
        }
        if (expression instanceof ObservationExpression.Qualified q) {
            return print(q.expression()) + " " + print(q.qualifier());
        }
        ObservationExpression.Combined c = (ObservationExpression.Combined) expression;
        return c.operands().stream().map(PatternPrinter::print).collect(Collectors.joining(" " + c.operator() + " "));
    }

    public static String print(ComparisonExpression expression) {
        if (expression instanceof ComparisonExpression.Comparison c) {
            return print(c.path()) + (c.negated() ? " NOT " : " ") + c.operator().text() + " " + print(c.value());
        }
        if (expression instanceof ComparisonExpression.Exists e) {
            return (e.negated() ? "NOT " : "") + "EXISTS " + print(e.path());
        }
        if (expression instanceof ComparisonExpression.Grouped g) {
            return "(" + print(g.expression()) + ")";
        }
        ComparisonExpression.Combined c = (ComparisonExpression.Combined) expression;
        return c.operands().stream().map(PatternPrinter::print).collect(Collectors.joining(" " + c.operator() + " "));
    }

    static String print(Qualifier qualifier) {
        if (qualifier instanceof Qualifier.Within w) {
            return "WITHIN " + w.seconds().toPlainString() + " SECONDS";
        }
        if (qualifier instanceof Qualifier.Repeats r) {
            return "REPEATS " + r.times() + " TIMES";
        }
        Qualifier.StartStop s = (Qualifier.StartStop) qualifier;
        String prefix = s.plainStrings() ? "'" : "t'";
        return "START " + prefix + s.start().text() + "' STOP " + prefix + s.stop().text() + "'";
    }

    public static String print(ObjectPath path) {
        StringBuilder text = new StringBuilder(path.objectType()).append(':');
        boolean first = true;
        for (ObjectPath.Step step : path.steps()) {
            if (step instanceof ObjectPath.Key key) {
                if (!first) {
                    text.append('.');
                }
                text.append(key.quoted() ? quote(key.name()) : key.name());
            } else if (step instanceof ObjectPath.Index index) {
                text.append('[').append(index.index()).append(']');
            } else {
                text.append("[*]");
            }
            first = false;
        }
        return text.toString();
    }

    public static String print(Literal literal) {
        if (literal instanceof Literal.StringValue s) {
            return quote(s.value());
        }
        if (literal instanceof Literal.IntValue i) {
            return i.value().toString();
        }
        if (literal instanceof Literal.FloatValue f) {
            String text = f.value().toPlainString();
            return text.contains(".") ? text : text + ".0";
        }
        if (literal instanceof Literal.BoolValue b) {
            return Boolean.toString(b.value());
        }
        if (literal instanceof Literal.TimestampValue t) {
            return "t'" + t.text() + "'";
        }
        if (literal instanceof Literal.BytesValue b) {
            return b.hex() ? "h'" + HexFormat.of().formatHex(b.value()) + "'"
                    : "b'" + Base64.getEncoder().encodeToString(b.value()) + "'";
        }
        Literal.SetValue set = (Literal.SetValue) literal;
        return "(" + set.values().stream().map(PatternPrinter::print).collect(Collectors.joining(", ")) + ")";
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
