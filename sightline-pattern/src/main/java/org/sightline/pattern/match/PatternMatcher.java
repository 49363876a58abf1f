package org.sightline.pattern.match;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.sightline.pattern.ast.ObservationExpression;
import org.sightline.pattern.ast.Pattern;
import org.sightline.pattern.ast.Qualifier;

/**
 * Matches one pattern against a set of observations (STIX 2.1 §9), the exact, complete way:
 * it finds every binding of observations to the pattern's observation expressions that satisfies
 * AND (distinct observations), OR, FOLLOWEDBY (ordered in time), WITHIN, REPEATS (distinct
 * observations) and START/STOP, from observation intervals [first_observed, last_observed].
 *
 * <p>A binding is an array of observation indexes, one per observation expression, with -1 for the
 * side of an OR that was not needed. This is the reference semantics; the indexed streaming
 * matcher answers the same questions for many indicators at once.
 */
public final class PatternMatcher {
    private static final int UNBOUND = -1;
    private final ObservationSet observations;
    private final EvaluationBudget budget;

    private PatternMatcher(ObservationSet observations, EvaluationBudget budget) {
        this.observations = observations;
        this.budget = budget;
    }

    /** Finds whether the pattern matches and up to {@code maxBindings} of its bindings. */
    public static MatchResult match(Pattern pattern, ObservationSet observations, int maxBindings) {
        return match(pattern, observations, maxBindings, EvaluationBudget.UNLIMITED);
    }

    /**
     * The same within a budget: every candidate binding counts against it, and the evaluation stops
     * with a {@link org.sightline.error.LimitExceededException} naming the limit once it is spent.
     */
    public static MatchResult match(Pattern pattern, ObservationSet observations, int maxBindings, EvaluationBudget budget) {
        PatternMatcher matcher = new PatternMatcher(observations, budget);
        List<List<String>> resolved = new ArrayList<>();
        try (Stream<int[]> bindings = matcher.bindings(pattern.expression()).get()) {
            bindings.limit(Math.max(1, maxBindings)).forEach(binding -> resolved.add(matcher.observedData(binding)));
        }
        return new MatchResult(!resolved.isEmpty(), resolved);
    }

    public static MatchResult match(Pattern pattern, ObservationSet observations) {
        return match(pattern, observations, 1);
    }

    /** The observed-data ids of a binding, each once, in observation order. */
    private List<String> observedData(int[] binding) {
        int[] sorted = Arrays.stream(binding).filter(i -> i != UNBOUND).sorted().toArray();
        List<String> ids = new ArrayList<>();
        Observation previous = null;
        for (int index : sorted) {
            Observation observation = observations.get(index);
            if (observation != previous) {
                ids.add(observation.observedDataId());
            }
            previous = observation;
        }
        return ids;
    }

    /**
     * Bindings are produced lazily, depth first, in the reference matcher's order: a match stops
     * at the first one found instead of enumerating every combination (REPEATS 10 TIMES over 20
     * observations has 184,756 of them).
     */
    private Supplier<Stream<int[]>> bindings(ObservationExpression expression) {
        if (expression instanceof ObservationExpression.Observation observation) {
            List<int[]> found = new ArrayList<>();
            ComparisonEvaluator.evaluate(observation.comparison(), observations, budget).keySet()
                    .forEach(index -> found.add(new int[] {index}));
            return found::stream;
        }
        if (expression instanceof ObservationExpression.Grouped group) {
            return bindings(group.expression());
        }
        if (expression instanceof ObservationExpression.Qualified qualified) {
            return qualify(bindings(qualified.expression()), qualified);
        }
        ObservationExpression.Combined combined = (ObservationExpression.Combined) expression;
        Supplier<Stream<int[]>> result = bindings(combined.operands().get(0));
        int leftSize = expectedSize(combined.operands().get(0));
        for (ObservationExpression operand : combined.operands().subList(1, combined.operands().size())) {
            Supplier<Stream<int[]>> right = memo(bindings(operand));
            int rightSize = expectedSize(operand);
            Supplier<Stream<int[]>> left = result;
            int leftWidth = leftSize;
            result = switch (combined.operator()) {
                case AND -> () -> left.get().flatMap(l -> right.get().filter(r -> counted() && disjoint(l, r)).map(r -> concat(l, r)));
                case OR -> () -> Stream.concat(left.get().map(l -> concat(l, unbound(rightSize))),
                        right.get().map(r -> concat(unbound(leftWidth), r)));
                case FOLLOWEDBY -> () -> left.get().flatMap(l -> {
                    Instant latestLeftFirst = latestFirst(l);
                    return right.get().filter(r -> counted() && disjoint(l, r) && inOrder(latestLeftFirst, earliestLast(r)))
                            .map(r -> concat(l, r));
                });
            };
            leftSize += rightSize;
        }
        return result;
    }

    /** A right-hand side is read once per left binding: compute it once. */
    @SuppressWarnings("unchecked")
    private static Supplier<Stream<int[]>> memo(Supplier<Stream<int[]>> source) {
        List<int[]>[] cache = new List[1];
        return () -> {
            if (cache[0] == null) {
                try (Stream<int[]> all = source.get()) {
                    cache[0] = all.toList();
                }
            }
            return cache[0].stream();
        };
    }

    /** The latest first_observed of the binding's observations (null for an empty binding). */
    private Instant latestFirst(int[] binding) {
        return extreme(binding, Observation::firstObserved, true);
    }

    /** The earliest last_observed of the binding's observations (null for an empty binding). */
    private Instant earliestLast(int[] binding) {
        return extreme(binding, Observation::lastObserved, false);
    }

    private Instant extreme(int[] binding, java.util.function.Function<Observation, Instant> time, boolean latest) {
        Instant extreme = null;
        for (int index : binding) {
            if (index != UNBOUND) {
                Instant candidate = time.apply(observations.get(index));
                if (extreme == null || (latest ? candidate.isAfter(extreme) : candidate.isBefore(extreme))) {
                    extreme = candidate;
                }
            }
        }
        return extreme;
    }

    /** FOLLOWEDBY: the left side can be placed no later than the right (timestamps chosen within the intervals). */
    private static boolean inOrder(Instant latestLeftFirst, Instant earliestRightLast) {
        return latestLeftFirst == null || earliestRightLast == null || !latestLeftFirst.isAfter(earliestRightLast);
    }

    private Supplier<Stream<int[]>> qualify(Supplier<Stream<int[]>> inner, ObservationExpression.Qualified qualified) {
        Qualifier qualifier = qualified.qualifier();
        if (qualifier instanceof Qualifier.Repeats repeats) {
            if (repeats.times() == 1) {
                return inner;
            }
            Supplier<Stream<int[]>> values = memo(inner);
            return () -> {
                List<int[]> all = values.get().toList();
                return combinations(all, 0, repeats.times(), new int[0], budget);
            };
        }
        if (qualifier instanceof Qualifier.Within within) {
            Duration window = duration(within.seconds());
            return () -> inner.get().filter(binding -> TimeWindows.within(intervals(binding), window));
        }
        Qualifier.StartStop startStop = (Qualifier.StartStop) qualifier;
        Instant start = startStop.start().instant();
        Instant stop = startStop.stop().instant();
        if (!start.isBefore(stop)) {
            return Stream::empty;
        }
        return () -> inner.get().filter(binding ->
                intervals(binding).stream().allMatch(interval -> TimeWindows.startsInside(start, stop, interval)));
    }

    private static Duration duration(BigDecimal seconds) {
        if (seconds.signum() <= 0) {
            throw new MatcherException("Invalid WITHIN value (must be positive): " + seconds.toPlainString());
        }
        BigDecimal nanos = seconds.movePointRight(9);
        return Duration.ofNanos(nanos.longValue());
    }

    /**
     * All combinations of {@code size} mutually disjoint bindings, lazily, in lexicographic order of
     * their positions (the reference's order), each flattened into one binding. A candidate is
     * dropped as soon as it overlaps the prefix chosen so far, so dead branches are never expanded.
     */
    private static Stream<int[]> combinations(List<int[]> values, int from, int size, int[] prefix, EvaluationBudget budget) {
        if (size == 0) {
            return Stream.of(prefix);
        }
        return IntStream.range(from, values.size() - size + 1)
                .filter(i -> {
                    budget.binding();
                    return disjoint(prefix, values.get(i));
                })
                .boxed()
                .flatMap(i -> combinations(values, i + 1, size - 1, concat(prefix, values.get(i)), budget));
    }

    /** Counts a candidate pairing against the budget; always true, for use inside a filter. */
    private boolean counted() {
        budget.binding();
        return true;
    }

    private List<TimeWindows.Interval> intervals(int[] binding) {
        List<TimeWindows.Interval> intervals = new ArrayList<>(binding.length);
        for (int index : binding) {
            if (index != UNBOUND) {
                Observation observation = observations.get(index);
                intervals.add(new TimeWindows.Interval(observation.firstObserved(), observation.lastObserved()));
            }
        }
        return intervals;
    }

    /** The number of observations a binding of this expression holds, for padding an empty side of OR. */
    private static int expectedSize(ObservationExpression expression) {
        if (expression instanceof ObservationExpression.Observation) {
            return 1;
        }
        if (expression instanceof ObservationExpression.Grouped group) {
            return expectedSize(group.expression());
        }
        if (expression instanceof ObservationExpression.Qualified qualified) {
            int inner = expectedSize(qualified.expression());
            return qualified.qualifier() instanceof Qualifier.Repeats repeats ? inner * repeats.times() : inner;
        }
        return ((ObservationExpression.Combined) expression).operands().stream().mapToInt(PatternMatcher::expectedSize).sum();
    }

    private static boolean disjoint(int[] left, int[] right) {
        for (int l : left) {
            if (l == UNBOUND) {
                continue;
            }
            for (int r : right) {
                if (l == r) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int[] concat(int[] left, int[] right) {
        int[] joined = Arrays.copyOf(left, left.length + right.length);
        System.arraycopy(right, 0, joined, left.length, right.length);
        return joined;
    }

    private static int[] unbound(int size) {
        int[] binding = new int[size];
        Arrays.fill(binding, UNBOUND);
        return binding;
    }
}
