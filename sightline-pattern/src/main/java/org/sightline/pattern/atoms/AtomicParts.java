package org.sightline.pattern.atoms;

import java.util.ArrayList;
import java.util.List;
import org.sightline.pattern.ast.ComparisonExpression;
import org.sightline.pattern.ast.ComparisonOperator;
import org.sightline.pattern.ast.Literal;
import org.sightline.pattern.ast.ObjectPath;
import org.sightline.pattern.ast.ObservationExpression;
import org.sightline.pattern.ast.Pattern;

/**
 * The single values a pattern is an alternative of, for sensors that look values up rather than
 * evaluate patterns (Zeek's Intel framework, Suricata datasets, consumers of simple STIX): a
 * pattern splits into atoms only when any one of them on its own means the pattern matches —
 * equality comparisons joined by OR, IN over a set of values, ISSUBSET of a network, and the
 * hashes of one file joined by AND (each names the same file). Anything
 * else (AND, FOLLOWEDBY, qualifiers, negation, LIKE, MATCHES, ranges) cannot be looked up value
 * by value without alerting on what the pattern does not say, and is refused with the reason.
 */
public final class AtomicParts {

    /** One value a sensor can look up: the object type, the keys into it (["value"], ["hashes", "SHA-256"]) and the value. */
    public record Atom(String objectType, List<String> keys, String value, boolean network) {
        public Atom {
            keys = List.copyOf(keys);
        }

        /** The keys as dotted text: "value", "hashes.SHA-256". */
        public String path() {
            return String.join(".", keys);
        }

        /** The atom as a STIX pattern of one comparison, keys that are not identifiers quoted ("hashes.'SHA-256'"). */
        public String pattern() {
            StringBuilder path = new StringBuilder();
            for (String key : keys) {
                path.append(path.length() == 0 ? "" : ".").append(key.matches("[a-zA-Z_][a-zA-Z0-9_]*") ? key : "'" + quote(key) + "'");
            }
            return "[" + objectType + ":" + path + (network ? " ISSUBSET '" : " = '") + quote(value) + "']";
        }

        private static String quote(String text) {
            return text.replace("\\", "\\\\").replace("'", "\\'");
        }
    }

    /** The atoms of a pattern, or why it has none. */
    public record Result(List<Atom> atoms, String whyNot) {
        public boolean atomic() {
            return whyNot == null;
        }
    }

    private AtomicParts() {
    }

    public static Result of(Pattern pattern) {
        List<Atom> atoms = new ArrayList<>();
        String whyNot = observation(pattern.expression(), atoms);
        return whyNot == null ? new Result(List.copyOf(atoms), null) : new Result(List.of(), whyNot);
    }

    private static String observation(ObservationExpression expression, List<Atom> atoms) {
        if (expression instanceof ObservationExpression.Observation observation) {
            return comparison(observation.comparison(), atoms);
        }
        if (expression instanceof ObservationExpression.Grouped grouped) {
            return observation(grouped.expression(), atoms);
        }
        if (expression instanceof ObservationExpression.Combined combined) {
            if (combined.operator() != ObservationExpression.ObservationOperator.OR) {
                return "observations joined by " + combined.operator() + " must all be seen; one value alone would alert too early";
            }
            return firstRefusal(combined.operands().stream().map(operand -> observation(operand, atoms)).toList());
        }
        return "a qualifier (WITHIN, REPEATS, START/STOP) counts or times observations; a value look-up cannot";
    }

    private static String comparison(ComparisonExpression expression, List<Atom> atoms) {
        if (expression instanceof ComparisonExpression.Comparison comparison) {
            return single(comparison, atoms);
        }
        if (expression instanceof ComparisonExpression.Grouped grouped) {
            return comparison(grouped.expression(), atoms);
        }
        if (expression instanceof ComparisonExpression.Combined combined) {
            if (combined.operator() == ComparisonExpression.BooleanOperator.AND && hashesOfOneObject(combined.operands())) {
                // [file:hashes.MD5 = 'a' AND file:hashes.'SHA-256' = 'b'] (as MISP writes a sample): each hash names the one file,
                // so a sensor that computes only one of them finds the same file by it
                return firstRefusal(combined.operands().stream().map(operand -> comparison(operand, atoms)).toList());
            }
            if (combined.operator() != ComparisonExpression.BooleanOperator.OR) {
                return "comparisons joined by AND must hold together on one object; one value alone would alert on others";
            }
            return firstRefusal(combined.operands().stream().map(operand -> comparison(operand, atoms)).toList());
        }
        return "EXISTS asks whether a property is there, not for a value";
    }

    private static String single(ComparisonExpression.Comparison comparison, List<Atom> atoms) {
        if (comparison.negated()) {
            return "a negated comparison (NOT) matches everything but a value";
        }
        List<String> path = keys(comparison.path());
        if (path == null) {
            return "the path " + comparison.path().objectType() + ":… goes through a list or a reference, which a look-up cannot follow";
        }
        String type = comparison.path().objectType();
        ComparisonOperator operator = comparison.operator();
        if (operator == ComparisonOperator.EQ && comparison.value() instanceof Literal.StringValue value) {
            atoms.add(new Atom(type, path, value.value(), false));
            return null;
        }
        if (operator == ComparisonOperator.IN && comparison.value() instanceof Literal.SetValue set
                && set.values().stream().allMatch(v -> v instanceof Literal.StringValue)) {
            set.values().forEach(v -> atoms.add(new Atom(type, path, ((Literal.StringValue) v).value(), false)));
            return null;
        }
        if (operator == ComparisonOperator.ISSUBSET && comparison.value() instanceof Literal.StringValue network
                && (type.equals("ipv4-addr") || type.equals("ipv6-addr")) && path.equals(List.of("value"))) {
            atoms.add(new Atom(type, path, network.value(), true));
            return null;
        }
        return "the operator " + operator.text() + (comparison.value() instanceof Literal.StringValue ? "" : " on a value that is not a string")
                + " is not one value to look up";
    }

    /** The path's keys, or null when it indexes a list or follows a reference. */
    private static List<String> keys(ObjectPath path) {
        List<String> keys = new ArrayList<>();
        for (ObjectPath.Step step : path.steps()) {
            if (!(step instanceof ObjectPath.Key key) || key.name().endsWith("_ref") || key.name().endsWith("_refs")) {
                return null;
            }
            keys.add(key.name());
        }
        return keys;
    }

    /** Whether the comparisons are equalities on distinct hashes of one object type, nothing else. */
    private static boolean hashesOfOneObject(List<ComparisonExpression> operands) {
        java.util.Set<String> types = new java.util.HashSet<>();
        java.util.Set<String> algorithms = new java.util.HashSet<>();
        for (ComparisonExpression operand : operands) {
            while (operand instanceof ComparisonExpression.Grouped grouped) {
                operand = grouped.expression();
            }
            if (!(operand instanceof ComparisonExpression.Comparison comparison) || comparison.negated()
                    || comparison.operator() != ComparisonOperator.EQ || !(comparison.value() instanceof Literal.StringValue)) {
                return false;
            }
            List<String> keys = keys(comparison.path());
            if (keys == null || keys.size() != 2 || !keys.get(0).equals("hashes") || !algorithms.add(keys.get(1).toUpperCase(java.util.Locale.ROOT))) {
                return false;
            }
            types.add(comparison.path().objectType());
        }
        return types.size() == 1;
    }

    private static String firstRefusal(List<String> reasons) {
        return reasons.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
