package org.sightline.pattern.match;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.sightline.pattern.ast.ComparisonExpression;
import org.sightline.pattern.ast.ComparisonOperator;
import org.sightline.pattern.ast.Literal;

/**
 * Evaluates the inside of an observation expression against every observation. The answer, per
 * observation, is the set of "root" observables for which it holds: comparisons joined by AND must
 * hold for the same observable, OR for either (the reference matcher's semantics).
 */
final class ComparisonEvaluator {
    private ComparisonEvaluator() {
    }

    /** Observation index to the ids of the observables that satisfy the expression; observations with none are left out. */
    static Map<Integer, Set<String>> evaluate(ComparisonExpression expression, ObservationSet observations, EvaluationBudget budget) {
        if (expression instanceof ComparisonExpression.Grouped group) {
            return evaluate(group.expression(), observations, budget);
        }
        if (expression instanceof ComparisonExpression.Combined combined) {
            Map<Integer, Set<String>> result = null;
            for (ComparisonExpression operand : combined.operands()) {
                Map<Integer, Set<String>> next = evaluate(operand, observations, budget);
                result = result == null ? next
                        : combined.operator() == ComparisonExpression.BooleanOperator.AND ? intersect(result, next) : union(result, next);
            }
            return result;
        }
        if (expression instanceof ComparisonExpression.Exists exists) {
            return test(observations, exists.path(), values -> !values.isEmpty() != exists.negated(), true, budget);
        }
        ComparisonExpression.Comparison comparison = (ComparisonExpression.Comparison) expression;
        ComparisonExpression.Comparison effective = hashValuesInLowerCase(comparison);
        Predicate<Object> test = predicate(effective, budget);
        Predicate<Object> predicate = effective == comparison ? test
                : value -> test.test(value instanceof com.fasterxml.jackson.databind.JsonNode node && node.isTextual()
                        && node.asText().matches("[0-9A-Fa-f]+")
                        ? com.fasterxml.jackson.databind.node.TextNode.valueOf(node.asText().toLowerCase(java.util.Locale.ROOT)) : value);
        return test(observations, comparison.path(), values -> values.stream().anyMatch(predicate), false, budget);
    }

    private static Map<Integer, Set<String>> test(ObservationSet observations, org.sightline.pattern.ast.ObjectPath path,
                                                  Predicate<List<Object>> rootPasses, boolean includeEmpty, EvaluationBudget budget) {
        Map<Integer, Set<String>> result = new LinkedHashMap<>();
        for (int i = 0; i < observations.size(); i++) {
            Observation observation = observations.get(i);
            Set<String> roots = new LinkedHashSet<>();
            for (Map.Entry<String, ObjectNode> entry : observation.objects().entrySet()) {
                if (path.objectType().equals(entry.getValue().path("type").asText())) {
                    budget.tick();
                    List<Object> values = ObjectPathWalker.values(entry.getValue(), path, observation.objects());
                    if ((includeEmpty || !values.isEmpty()) && rootPasses.test(values)) {
                        roots.add(entry.getKey());
                    }
                }
            }
            if (!roots.isEmpty()) {
                result.put(i, roots);
            }
        }
        return result;
    }

    private static Map<Integer, Set<String>> intersect(Map<Integer, Set<String>> left, Map<Integer, Set<String>> right) {
        Map<Integer, Set<String>> result = new LinkedHashMap<>();
        left.forEach((index, roots) -> {
            Set<String> other = right.get(index);
            if (other != null) {
                Set<String> both = new LinkedHashSet<>(roots);
                both.retainAll(other);
                if (!both.isEmpty()) {
                    result.put(index, both);
                }
            }
        });
        return result;
    }

    private static Map<Integer, Set<String>> union(Map<Integer, Set<String>> left, Map<Integer, Set<String>> right) {
        Map<Integer, Set<String>> result = new java.util.TreeMap<>();
        left.forEach((index, roots) -> result.put(index, new LinkedHashSet<>(roots)));
        right.forEach((index, roots) -> result.computeIfAbsent(index, k -> new LinkedHashSet<>()).addAll(roots));
        return new LinkedHashMap<>(result);
    }

    /**
     * Hash values are hexadecimal (or base64 in SSDEEP/TLSH, which are written in one case by their
     * tools): logs write them lower case and feeds often upper. Under {@code hashes} Sightline
     * compares hex in lower case, so an MD5 from a feed matches the same MD5 in a Zeek log.
     */
    private static ComparisonExpression.Comparison hashValuesInLowerCase(ComparisonExpression.Comparison comparison) {
        boolean underHashes = comparison.path().steps().stream()
                .anyMatch(step -> step instanceof org.sightline.pattern.ast.ObjectPath.Key key && key.name().equals("hashes"));
        if (!underHashes || (comparison.operator() != ComparisonOperator.EQ && comparison.operator() != ComparisonOperator.NEQ
                && comparison.operator() != ComparisonOperator.IN)) {
            return comparison;
        }
        return new ComparisonExpression.Comparison(comparison.path(), comparison.operator(), comparison.negated(),
                lowerHex(comparison.value()));
    }

    private static Literal lowerHex(Literal literal) {
        if (literal instanceof Literal.StringValue s && s.value().matches("[0-9A-Fa-f]+")) {
            return new Literal.StringValue(s.value().toLowerCase(java.util.Locale.ROOT));
        }
        if (literal instanceof Literal.SetValue set) {
            return new Literal.SetValue(set.values().stream().map(ComparisonEvaluator::lowerHex).toList());
        }
        return literal;
    }

    /**
     * The test one selected value must pass. A value of a type the operator cannot compare makes
     * the test false before NOT, as in the reference; order comparisons of such values stay false
     * even under NOT (STIX 2.1 §9.6: "the comparison MUST evaluate to false").
     */
    static Predicate<Object> predicate(ComparisonExpression.Comparison comparison, EvaluationBudget budget) {
        boolean not = comparison.negated();
        ComparisonOperator operator = comparison.operator();
        Literal literal = comparison.value();
        switch (operator) {
            case EQ, NEQ -> {
                Object expected = Values.of(literal);
                return stepped -> {
                    boolean result = Values.equal(Values.alignTimestamp(Values.of(stepped), expected), expected);
                    return (operator == ComparisonOperator.NEQ) != (result != not);
                };
            }
            case GT, LT, GE, LE -> {
                Object bound = Values.of(literal);
                return stepped -> {
                    Object value = Values.alignTimestamp(Values.of(stepped), bound);
                    if (!Values.orderable(value, bound)) {
                        return false;
                    }
                    Integer order = Values.compare(value, bound);
                    boolean result = order != null && switch (operator) {
                        case GT -> order > 0;
                        case LT -> order < 0;
                        case GE -> order >= 0;
                        default -> order <= 0;
                    };
                    return result != not;
                };
            }
            case IN -> {
                List<Object> members = setMembers((Literal.SetValue) literal);
                boolean timestamps = !members.isEmpty() && members.get(0) instanceof java.time.Instant;
                return stepped -> {
                    Object value = Values.of(stepped);
                    if (timestamps) {
                        value = Values.alignTimestamp(value, members.get(0));
                    }
                    Object candidate = value;
                    boolean result = members.stream().anyMatch(member -> inSet(candidate, member));
                    return result != not;
                };
            }
            case LIKE -> {
                String likeText = nfc(((Literal.StringValue) literal).value());
                Pattern like = Pattern.compile(likeToRegex(likeText), Pattern.DOTALL);
                boolean binaryConvertible = likeText.chars().allMatch(c -> c < 256);
                return stepped -> {
                    Object value = Values.of(stepped);
                    boolean result = false;
                    if (value instanceof String text) {
                        result = like.matcher(budget.watch(nfc(text))).matches();
                    } else if (value instanceof byte[] bytes && binaryConvertible) {
                        result = like.matcher(budget.watch(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))).matches();
                    }
                    return result != not;
                };
            }
            case MATCHES -> {
                String regex = nfc(((Literal.StringValue) literal).value());
                Pattern pattern = compile(regex);
                boolean binaryConvertible = regex.chars().allMatch(c -> c < 256);
                return stepped -> {
                    Object value = Values.of(stepped);
                    boolean result = false;
                    if (value instanceof String text) {
                        result = pattern.matcher(budget.watch(nfc(text))).find();
                    } else if (value instanceof byte[] bytes && binaryConvertible) {
                        result = pattern.matcher(budget.watch(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))).find();
                    }
                    return result != not;
                };
            }
            case ISSUBSET -> {
                String container = ((Literal.StringValue) literal).value();
                return stepped -> (Values.of(stepped) instanceof String value && IpRanges.contains(container, value)) != not;
            }
            default -> {
                String containee = ((Literal.StringValue) literal).value();
                return stepped -> (Values.of(stepped) instanceof String value && IpRanges.contains(value, containee)) != not;
            }
        }
    }

    /** Set members must share a type; integers and floats may mix (STIX 2.1 §9.4). */
    private static List<Object> setMembers(Literal.SetValue set) {
        List<Object> members = new ArrayList<>();
        Class<?> kind = null;
        for (Literal literal : set.values()) {
            Object member = Values.of(literal);
            Class<?> memberKind = Values.isNumber(member) ? Number.class : member.getClass();
            if (kind != null && kind != memberKind) {
                throw new MatcherException("Nonhomogenous set: the values of a set must all be of one type");
            }
            kind = memberKind;
            members.add(member);
        }
        return members;
    }

    private static boolean inSet(Object value, Object member) {
        if (value == null || value instanceof com.fasterxml.jackson.databind.JsonNode) {
            return false;
        }
        if (value instanceof byte[] || member instanceof byte[]) {
            return value instanceof byte[] && member instanceof byte[] && java.util.Arrays.equals((byte[]) value, (byte[]) member);
        }
        return Values.equal(value, member);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new MatcherException("Invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }

    /** LIKE: % is any run of characters, _ is any one character; the whole value must match. */
    static String likeToRegex(String like) {
        StringBuilder regex = new StringBuilder();
        like.codePoints().forEach(c -> {
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else if (Character.isLetterOrDigit(c)) {
                regex.appendCodePoint(c);
            } else {
                regex.append(Pattern.quote(new String(Character.toChars(c))));
            }
        });
        return regex.toString();
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
