package org.sightline.pattern.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.sightline.pattern.ast.ComparisonExpression;
import org.sightline.pattern.ast.ObservationExpression;
import org.sightline.pattern.ast.Pattern;
import org.sightline.pattern.parse.PatternParser;
import org.sightline.error.InvalidInputException;

/**
 * A set of indicators compiled so that the cost of finding the ones an event may satisfy does not
 * grow with their number: exact values (= and IN) are hash look-ups, ISSUBSET blocks sit in a
 * prefix trie, LIKE prefixes and suffixes are hash look-ups over the value's prefixes and
 * suffixes, and MATCHES (or LIKE '%text%') is found through the first three characters of a
 * substring every match must contain, then confirmed by the exact evaluator. What cannot be indexed (negations, MATCHES, paths through lists) is kept per object
 * type and evaluated only on events that hold that type.
 */
public final class IndicatorIndex {
    private final Indicator[] indicators;
    private final Pattern[] patterns;
    private final boolean[] direct;
    private final boolean[] multiObservation;
    private final Map<String, Map<String, int[]>> exact;
    private final Map<String, Affixes> prefixes;
    private final Map<String, Affixes> suffixes;
    private final Map<String, CidrTrie> blocks;
    /** field → first three characters of a required substring → indicators (verified by the exact evaluator). */
    private final Map<String, Map<String, int[]>> substrings;
    private final Map<String, int[]> residualByType;
    private final List<String> rejected;

    private IndicatorIndex(Builder builder) {
        this.indicators = builder.indicators.toArray(Indicator[]::new);
        this.patterns = builder.patterns.toArray(Pattern[]::new);
        this.direct = toArray(builder.direct);
        this.multiObservation = toArray(builder.multi);
        this.exact = freeze(builder.exact);
        this.prefixes = Affixes.of(freeze(builder.prefixes));
        this.suffixes = Affixes.of(freeze(builder.suffixes));
        this.blocks = builder.blocks;
        this.substrings = freeze(builder.substrings);
        Map<String, int[]> residual = new HashMap<>();
        builder.residual.forEach((type, list) -> residual.put(type, list.stream().mapToInt(Integer::intValue).toArray()));
        this.residualByType = residual;
        this.rejected = List.copyOf(builder.rejected);
    }

    /** Compiles the indicators; those whose pattern does not parse are left out and listed in {@link #rejected}. */
    public static IndicatorIndex compile(Iterable<Indicator> indicators) {
        Builder builder = new Builder();
        for (Indicator indicator : indicators) {
            builder.add(indicator);
        }
        return new IndicatorIndex(builder);
    }

    public int size() {
        return indicators.length;
    }

    public Indicator indicator(int ordinal) {
        return indicators[ordinal];
    }

    Pattern pattern(int ordinal) {
        return patterns[ordinal];
    }

    /** True when a hit alone proves the match: a single observation of = / IN / ISSUBSET tests joined by OR. */
    boolean direct(int ordinal) {
        return direct[ordinal];
    }

    /** True when the pattern spans several observations or has qualifiers, so it needs state. */
    boolean multiObservation(int ordinal) {
        return multiObservation[ordinal];
    }

    /** "id: reason" for each indicator that could not be compiled. */
    public List<String> rejected() {
        return rejected;
    }

    /** Reports the ordinals of indicators the event may satisfy (an ordinal may be reported more than once). */
    void candidates(Event event, IntConsumer hits) {
        String[] fields = event.fields();
        String[] values = event.values();
        for (int i = 0; i < fields.length; i++) {
            Map<String, int[]> byValue = exact.get(fields[i]);
            if (byValue != null) {
                int[] ordinals = byValue.get(values[i]);
                if (ordinals != null) {
                    for (int ordinal : ordinals) {
                        hits.accept(ordinal);
                    }
                }
            }
            Affixes starts = prefixes.get(fields[i]);
            if (starts != null) {
                starts.find(values[i], true, hits);
            }
            Affixes ends = suffixes.get(fields[i]);
            if (ends != null) {
                ends.find(values[i], false, hits);
            }
            Map<String, int[]> byTrigram = substrings.get(fields[i]);
            if (byTrigram != null) {
                String value = java.text.Normalizer.normalize(values[i], java.text.Normalizer.Form.NFC);
                for (int at = 0; at + RequiredLiteral.MIN_LENGTH <= value.length(); at++) {
                    int[] ordinals = byTrigram.get(value.substring(at, at + RequiredLiteral.MIN_LENGTH));
                    if (ordinals != null) {
                        for (int ordinal : ordinals) {
                            hits.accept(ordinal);
                        }
                    }
                }
            }
            CidrTrie trie = blocks.get(fields[i]);
            if (trie != null) {
                trie.find(values[i], hits);
            }
        }
        if (!residualByType.isEmpty()) {
            for (String type : event.types()) {
                int[] ordinals = residualByType.get(type);
                if (ordinals != null) {
                    for (int ordinal : ordinals) {
                        hits.accept(ordinal);
                    }
                }
            }
        }
    }

    /**
     * The LIKE prefixes (or suffixes) of one field, with the lengths they come in: a value is cut
     * only at those lengths, so a look-up costs one substring per distinct length, not one per
     * character of the value (a busy DNS log against '%.cpp.edu' cuts every name once, at 8).
     */
    private record Affixes(Map<String, int[]> byAffix, int[] lengths) {
        static Map<String, Affixes> of(Map<String, Map<String, int[]>> byField) {
            Map<String, Affixes> tables = new HashMap<>();
            byField.forEach((field, byAffix) -> tables.put(field,
                    new Affixes(byAffix, byAffix.keySet().stream().mapToInt(String::length).distinct().sorted().toArray())));
            return tables;
        }

        void find(String value, boolean prefix, IntConsumer hits) {
            for (int length : lengths) {
                if (length > value.length()) {
                    return;
                }
                int[] ordinals = byAffix.get(prefix ? value.substring(0, length) : value.substring(value.length() - length));
                if (ordinals != null) {
                    for (int ordinal : ordinals) {
                        hits.accept(ordinal);
                    }
                }
            }
        }
    }

    private static boolean[] toArray(List<Boolean> flags) {
        boolean[] array = new boolean[flags.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = flags.get(i);
        }
        return array;
    }

    private static Map<String, Map<String, int[]>> freeze(Map<String, Map<String, List<Integer>>> lists) {
        Map<String, Map<String, int[]>> frozen = new HashMap<>();
        lists.forEach((field, byValue) -> {
            Map<String, int[]> values = new HashMap<>(byValue.size() * 2);
            byValue.forEach((value, ordinals) -> values.put(value, ordinals.stream().mapToInt(Integer::intValue).toArray()));
            frozen.put(field, values);
        });
        return frozen;
    }

    /** Collects indicators and their keys before freezing them into arrays. */
    private static final class Builder {
        private final List<Indicator> indicators = new ArrayList<>();
        private final List<Pattern> patterns = new ArrayList<>();
        private final List<Boolean> direct = new ArrayList<>();
        private final List<Boolean> multi = new ArrayList<>();
        private final Map<String, Map<String, List<Integer>>> exact = new HashMap<>();
        private final Map<String, Map<String, List<Integer>>> prefixes = new HashMap<>();
        private final Map<String, Map<String, List<Integer>>> suffixes = new HashMap<>();
        private final Map<String, CidrTrie> blocks = new HashMap<>();
        private final Map<String, Map<String, List<Integer>>> substrings = new HashMap<>();
        private final Map<String, List<Integer>> residual = new HashMap<>();
        private final List<String> rejected = new ArrayList<>();

        void add(Indicator indicator) {
            Pattern pattern;
            try {
                pattern = PatternParser.parse(indicator.pattern());
            } catch (InvalidInputException e) {
                rejected.add(indicator.id() + ": " + e.getMessage());
                return;
            }
            int ordinal = indicators.size();
            indicators.add(indicator);
            patterns.add(pattern);
            List<ComparisonExpression> leaves = new ArrayList<>();
            boolean single = leaves(pattern.expression(), leaves);
            multi.add(!single);
            boolean isDirect = single && leaves.size() == 1 && directTests(leaves.get(0));
            direct.add(isDirect);
            for (ComparisonExpression leaf : leaves) {
                List<IndexKey> keys = IndexKey.of(leaf);
                if (keys == null) {
                    Set<String> types = new HashSet<>();
                    objectTypes(leaf, types);
                    types.forEach(type -> residual.computeIfAbsent(type, t -> new ArrayList<>()).add(ordinal));
                    continue;
                }
                for (IndexKey key : keys) {
                    register(key, ordinal);
                }
            }
        }

        private void register(IndexKey key, int ordinal) {
            if (key instanceof IndexKey.Exact e) {
                exact.computeIfAbsent(e.field(), f -> new HashMap<>()).computeIfAbsent(e.value(), v -> new ArrayList<>(1)).add(ordinal);
            } else if (key instanceof IndexKey.Prefix p) {
                prefixes.computeIfAbsent(p.field(), f -> new HashMap<>()).computeIfAbsent(p.prefix(), v -> new ArrayList<>(1)).add(ordinal);
            } else if (key instanceof IndexKey.Contains c) {
                String trigram = java.text.Normalizer.normalize(c.text(), java.text.Normalizer.Form.NFC).substring(0, RequiredLiteral.MIN_LENGTH);
                substrings.computeIfAbsent(c.field(), f -> new HashMap<>()).computeIfAbsent(trigram, v -> new ArrayList<>(1)).add(ordinal);
            } else if (key instanceof IndexKey.Suffix s) {
                suffixes.computeIfAbsent(s.field(), f -> new HashMap<>()).computeIfAbsent(s.suffix(), v -> new ArrayList<>(1)).add(ordinal);
            } else {
                IndexKey.Cidr c = (IndexKey.Cidr) key;
                if (!blocks.computeIfAbsent(c.field(), f -> new CidrTrie()).add(c.block(), ordinal)) {
                    // Not a block the trie can hold: the exact evaluator will report it as a matcher error.
                    residual.computeIfAbsent(c.field().substring(0, c.field().indexOf(':')), t -> new ArrayList<>()).add(ordinal);
                }
            }
        }

        /** Collects the comparison of every observation; true when the pattern is one unqualified observation. */
        private static boolean leaves(ObservationExpression expression, List<ComparisonExpression> into) {
            if (expression instanceof ObservationExpression.Observation observation) {
                into.add(observation.comparison());
                return true;
            }
            if (expression instanceof ObservationExpression.Grouped group) {
                return leaves(group.expression(), into);
            }
            if (expression instanceof ObservationExpression.Qualified qualified) {
                leaves(qualified.expression(), into);
                return false;
            }
            ((ObservationExpression.Combined) expression).operands().forEach(operand -> leaves(operand, into));
            return false;
        }

        private static boolean directTests(ComparisonExpression expression) {
            if (expression instanceof ComparisonExpression.Grouped group) {
                return directTests(group.expression());
            }
            if (expression instanceof ComparisonExpression.Combined combined) {
                return combined.operator() == ComparisonExpression.BooleanOperator.OR
                        && combined.operands().stream().allMatch(Builder::directTests);
            }
            if (expression instanceof ComparisonExpression.Comparison comparison && !comparison.negated()) {
                List<IndexKey> keys = IndexKey.of(comparison);
                return keys != null && keys.stream().allMatch(k -> k instanceof IndexKey.Exact || k instanceof IndexKey.Cidr);
            }
            return false;
        }

        private static void objectTypes(ComparisonExpression expression, Set<String> types) {
            if (expression instanceof ComparisonExpression.Grouped group) {
                objectTypes(group.expression(), types);
            } else if (expression instanceof ComparisonExpression.Combined combined) {
                combined.operands().forEach(operand -> objectTypes(operand, types));
            } else if (expression instanceof ComparisonExpression.Comparison comparison) {
                types.add(comparison.path().objectType());
            } else if (expression instanceof ComparisonExpression.Exists exists) {
                types.add(exists.path().objectType());
            }
        }
    }

}
