package org.sightline.pattern.stream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sightline.pattern.ast.ComparisonExpression;
import org.sightline.pattern.ast.ComparisonOperator;
import org.sightline.pattern.ast.Literal;

/**
 * What an indicator can be looked up by: an exact value of a field, a prefix or suffix of it
 * (LIKE 'abc%', LIKE '%.example.com'), or a CIDR block containing it (ISSUBSET). A comparison that
 * yields no key must be evaluated on every event holding its object type.
 */
sealed interface IndexKey {

    record Exact(String field, String value) implements IndexKey {
    }

    record Prefix(String field, String prefix) implements IndexKey {
    }

    record Suffix(String field, String suffix) implements IndexKey {
    }

    record Cidr(String field, String block) implements IndexKey {
    }

    /** The value contains this text (MATCHES with a required literal, LIKE '%text%'). */
    record Contains(String field, String text) implements IndexKey {
    }

    /** The value of an event field or a literal as the exact index holds it: numbers are tagged so '443' != 443. */
    static String valueKey(String field, Object value) {
        if (value instanceof BigInteger || value instanceof Number) {
            return "#" + value;
        }
        return FieldKey.normalised(field, String.valueOf(value));
    }

    /**
     * Keys such that every event satisfying the expression hits at least one of them; null when
     * no such keys exist (a negation, EXISTS, MATCHES, a path through a list...).
     */
    static List<IndexKey> of(ComparisonExpression expression) {
        if (expression instanceof ComparisonExpression.Grouped group) {
            return of(group.expression());
        }
        if (expression instanceof ComparisonExpression.Combined combined) {
            if (combined.operator() == ComparisonExpression.BooleanOperator.OR) {
                List<IndexKey> all = new ArrayList<>();
                for (ComparisonExpression operand : combined.operands()) {
                    List<IndexKey> keys = of(operand);
                    if (keys == null) {
                        return null;
                    }
                    all.addAll(keys);
                }
                return all;
            }
            // AND: any one conjunct's keys will do; the fewest keys means the fewest candidates.
            return combined.operands().stream().map(IndexKey::of).filter(k -> k != null)
                    .min(Comparator.comparingInt(List::size)).orElse(null);
        }
        if (!(expression instanceof ComparisonExpression.Comparison comparison) || comparison.negated()) {
            return null;
        }
        String field = FieldKey.of(comparison.path());
        if (field == null) {
            return null;
        }
        Literal value = comparison.value();
        ComparisonOperator operator = comparison.operator();
        if (operator == ComparisonOperator.EQ && indexable(value)) {
            return List.of(new Exact(field, valueKey(field, literal(value))));
        }
        if (operator == ComparisonOperator.IN && value instanceof Literal.SetValue set
                && !set.values().isEmpty() && set.values().stream().allMatch(IndexKey::indexable)) {
            return set.values().stream().map(v -> (IndexKey) new Exact(field, valueKey(field, literal(v)))).toList();
        }
        if (operator == ComparisonOperator.ISSUBSET && field.endsWith("value")) {
            return List.of(new Cidr(field, ((Literal.StringValue) value).value()));
        }
        if (operator == ComparisonOperator.LIKE) {
            return like(field, ((Literal.StringValue) value).value());
        }
        if (operator == ComparisonOperator.MATCHES) {
            String literal = RequiredLiteral.of(((Literal.StringValue) value).value());
            return literal == null ? null : List.of(new Contains(field, literal));
        }
        return null;
    }

    private static List<IndexKey> like(String field, String like) {
        if (like.indexOf('_') >= 0) {
            return null;
        }
        int percents = (int) like.chars().filter(c -> c == '%').count();
        if (percents == 0) {
            return List.of(new Exact(field, valueKey(field, like)));
        }
        if (percents == 1 && like.endsWith("%") && like.length() > 1) {
            return List.of(new Prefix(field, like.substring(0, like.length() - 1)));
        }
        if (percents == 1 && like.startsWith("%") && like.length() > 1) {
            return List.of(new Suffix(field, like.substring(1)));
        }
        if (percents == 2 && like.startsWith("%") && like.endsWith("%") && like.length() >= 2 + RequiredLiteral.MIN_LENGTH) {
            return List.of(new Contains(field, like.substring(1, like.length() - 1)));
        }
        return null;
    }

    private static boolean indexable(Literal literal) {
        return literal instanceof Literal.StringValue || literal instanceof Literal.IntValue;
    }

    private static Object literal(Literal literal) {
        return literal instanceof Literal.IntValue i ? i.value() : ((Literal.StringValue) literal).value();
    }
}
