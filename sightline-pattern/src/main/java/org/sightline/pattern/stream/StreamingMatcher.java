package org.sightline.pattern.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.pattern.ast.ObservationExpression;
import org.sightline.pattern.ast.Qualifier;
import org.sightline.pattern.match.MatchResult;
import org.sightline.pattern.match.ObservationSet;
import org.sightline.pattern.match.PatternMatcher;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;

/**
 * Matches a stream of events against a compiled indicator set. Single-observation indicators are
 * decided on the event itself: a hit on a direct key is a match; otherwise the exact evaluator
 * confirms it. Indicators spanning several observations (AND, OR, FOLLOWEDBY between observations,
 * WITHIN, REPEATS, START/STOP) keep the recent events that hit them, at most {@link #MAX_BUFFERED}
 * per indicator and none older than their horizon (their WITHIN, else the default), and are
 * re-evaluated exactly over that buffer: memory stays bounded on an endless stream.
 */
public final class StreamingMatcher {
    static final int MAX_BUFFERED = 256;

    private final IndicatorIndex index;
    private final Duration defaultHorizon;
    private final int[] seenInEvent;
    private final Map<Integer, Deque<Buffered>> buffers = new HashMap<>();
    private final Map<Integer, Plan> plans = new HashMap<>();
    private int eventNumber;

    public StreamingMatcher(IndicatorIndex index, Duration defaultHorizon) {
        this.index = index;
        this.defaultHorizon = defaultHorizon;
        this.seenInEvent = new int[index.size()];
    }

    /** The matches this event completes (usually none). */
    public List<StreamMatch> accept(Event event) {
        int stamp = ++eventNumber;
        List<StreamMatch> matches = new ArrayList<>(0);
        // Built at most once per event, and only when an indicator needs the exact evaluator.
        java.util.function.Supplier<ObservationSet> single = memoize(() -> observations(List.of(event)));
        index.candidates(event, ordinal -> {
            if (seenInEvent[ordinal] == stamp) {
                return;
            }
            seenInEvent[ordinal] = stamp;
            Indicator indicator = index.indicator(ordinal);
            if (!indicator.validAt(event.time())) {
                return;
            }
            if (!index.multiObservation(ordinal)) {
                if (index.direct(ordinal) || PatternMatcher.match(index.pattern(ordinal), single.get()).matched()) {
                    matches.add(new StreamMatch(indicator, List.of(event)));
                }
                return;
            }
            StreamMatch match = buffered(ordinal, event, single.get());
            if (match != null) {
                matches.add(match);
            }
        });
        return matches;
    }

    private StreamMatch buffered(int ordinal, Event event, ObservationSet single) {
        Plan plan = plans.computeIfAbsent(ordinal, o -> new Plan(index.pattern(o).expression()));
        boolean[] satisfied = new boolean[plan.leaves.size()];
        boolean any = false;
        for (int leaf = 0; leaf < satisfied.length; leaf++) {
            satisfied[leaf] = PatternMatcher.match(plan.leafPatterns.get(leaf), single).matched();
            any |= satisfied[leaf];
        }
        if (!any) {
            return null; // an event that satisfies no observation of the pattern can never be part of a match
        }
        Deque<Buffered> buffer = buffers.computeIfAbsent(ordinal, o -> new ArrayDeque<>());
        while (!buffer.isEmpty() && buffer.peekFirst().event.time().isBefore(event.time().minus(plan.horizon))) {
            buffer.removeFirst();
        }
        if (buffer.size() >= MAX_BUFFERED) {
            buffer.removeFirst();
        }
        buffer.addLast(new Buffered(event, satisfied));
        int[] present = new int[satisfied.length];
        for (Buffered buffered : buffer) {
            for (int leaf = 0; leaf < present.length; leaf++) {
                present[leaf] += buffered.satisfied[leaf] ? 1 : 0;
            }
        }
        if (!plan.possible(present)) {
            return null; // a cheap necessary condition: every observation the pattern needs has a candidate
        }
        List<Event> events = new ArrayList<>(buffer.size());
        buffer.forEach(b -> events.add(b.event));
        MatchResult result = PatternMatcher.match(index.pattern(ordinal), observations(events));
        if (!result.matched()) {
            return null;
        }
        Set<String> bound = new HashSet<>(result.firstBinding());
        List<Event> used = new ArrayList<>();
        List<Buffered> spent = new ArrayList<>();
        int position = 0;
        for (Buffered buffered : buffer) {
            if (bound.contains(observedDataId(position++))) {
                used.add(buffered.event);
                spent.add(buffered);
            }
        }
        // Events that made a match are spent: the next sighting needs new ones.
        buffer.removeAll(spent);
        if (buffer.isEmpty()) {
            buffers.remove(ordinal);
        }
        return new StreamMatch(index.indicator(ordinal), used);
    }

    /** A buffered event and which of the pattern's observations it satisfies. */
    private record Buffered(Event event, boolean[] satisfied) {
    }

    /** The observations of a multi-observation pattern, as one-observation patterns, and its horizon. */
    private final class Plan {
        private final ObservationExpression expression;
        private final List<ObservationExpression.Observation> leaves = new ArrayList<>();
        private final List<org.sightline.pattern.ast.Pattern> leafPatterns = new ArrayList<>();
        private final Duration horizon;

        Plan(ObservationExpression expression) {
            this.expression = expression;
            collect(expression);
            this.horizon = horizon(expression);
        }

        private void collect(ObservationExpression node) {
            if (node instanceof ObservationExpression.Observation observation) {
                leaves.add(observation);
                leafPatterns.add(new org.sightline.pattern.ast.Pattern(observation, "2.1"));
            } else if (node instanceof ObservationExpression.Grouped g) {
                collect(g.expression());
            } else if (node instanceof ObservationExpression.Qualified q) {
                collect(q.expression());
            } else if (node instanceof ObservationExpression.Combined c) {
                c.operands().forEach(this::collect);
            }
        }

        /** Could the pattern match, counting only which observations have candidates? */
        boolean possible(int[] present) {
            return possible(expression, present);
        }

        private boolean possible(ObservationExpression node, int[] present) {
            if (node instanceof ObservationExpression.Observation observation) {
                return present[indexOf(observation)] > 0;
            }
            if (node instanceof ObservationExpression.Grouped g) {
                return possible(g.expression(), present);
            }
            if (node instanceof ObservationExpression.Qualified q) {
                return possible(q.expression(), present);
            }
            ObservationExpression.Combined c = (ObservationExpression.Combined) node;
            return c.operator() == ObservationExpression.ObservationOperator.OR
                    ? c.operands().stream().anyMatch(o -> possible(o, present))
                    : c.operands().stream().allMatch(o -> possible(o, present));
        }

        private int indexOf(ObservationExpression.Observation observation) {
            for (int i = 0; i < leaves.size(); i++) {
                if (leaves.get(i) == observation) {
                    return i;
                }
            }
            throw new IllegalStateException("observation not in plan");
        }
    }

    /** The widest WITHIN in the pattern, else the default: how long an event can still take part in a match. */
    private Duration horizon(ObservationExpression expression) {
        Duration widest = null;
        Deque<ObservationExpression> todo = new ArrayDeque<>(List.of(expression));
        while (!todo.isEmpty()) {
            ObservationExpression next = todo.pop();
            if (next instanceof ObservationExpression.Qualified q) {
                if (q.qualifier() instanceof Qualifier.Within w) {
                    Duration d = Duration.ofNanos(w.seconds().movePointRight(9).longValue());
                    widest = widest == null || d.compareTo(widest) > 0 ? d : widest;
                }
                todo.push(q.expression());
            } else if (next instanceof ObservationExpression.Grouped g) {
                todo.push(g.expression());
            } else if (next instanceof ObservationExpression.Combined c) {
                c.operands().forEach(todo::push);
            }
        }
        return widest == null ? defaultHorizon : widest;
    }

    private static <T> java.util.function.Supplier<T> memoize(java.util.function.Supplier<T> supplier) {
        Object[] value = new Object[1];
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T cached = (T) value[0];
            return cached;
        };
    }

    /** How many events are buffered now, over all indicators (for tests and metrics). */
    public int bufferedEvents() {
        return buffers.values().stream().mapToInt(Deque::size).sum();
    }

    /** How many indicators hold buffered events now (for tests and metrics). */
    public int bufferedIndicators() {
        return buffers.size();
    }

    private static String observedDataId(int position) {
        return "observed-data--" + position;
    }

    /** Events as 2.0-style observed-data with embedded objects, each event one observation. */
    static ObservationSet observations(List<Event> events) {
        List<ObjectNode> documents = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            ObjectNode data = StixJson.newObject();
            data.put("type", "observed-data");
            data.put("id", observedDataId(i));
            String time = StixTimestamp.format(event.time());
            data.put("first_observed", time);
            data.put("last_observed", time);
            data.put("number_observed", 1);
            ObjectNode objects = data.putObject("objects");
            event.objects().forEach(objects::set);
            documents.add(data);
        }
        return ObservationSet.of(documents);
    }
}
