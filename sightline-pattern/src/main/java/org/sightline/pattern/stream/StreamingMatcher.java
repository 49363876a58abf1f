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
    private final Screening screening;
    private final Map<Integer, Deque<Buffered>> buffers = new HashMap<>();
    /** Built once per multi-observation indicator, read by every thread's screening. */
    private final Map<Integer, Plan> plans = new java.util.concurrent.ConcurrentHashMap<>();

    public StreamingMatcher(IndicatorIndex index, Duration defaultHorizon) {
        this.index = index;
        this.defaultHorizon = defaultHorizon;
        this.screening = screening();
    }

    /** The matches this event completes (usually none): its screening and completion on the caller's thread. */
    public List<StreamMatch> accept(Event event) {
        return complete(event, screening.screen(event));
    }

    /**
     * A screening for one thread. Screening is the part of matching that needs no other event: the
     * index look-ups, single-observation indicators decided, and which observations of the
     * multi-observation ones the event could stand for. It can run on many threads at once, each
     * with its own screening; {@link #complete} must then see the events in their order, on one thread.
     */
    public Screening screening() {
        return new Screening();
    }

    /**
     * What screening found, turned into matches: single-observation indicators as they are, the
     * others through their buffers of recent events. Stateful: one thread, events in order; the
     * matches come out in the indicator order screening found them, so a run on many threads
     * gives the same sightings in the same order as a run on one.
     */
    public List<StreamMatch> complete(Event event, Screened screened) {
        if (screened.hits.isEmpty()) {
            return List.of();
        }
        List<StreamMatch> matches = new ArrayList<>(screened.hits.size());
        for (Hit hit : screened.hits) {
            if (hit.satisfied == null) {
                matches.add(new StreamMatch(index.indicator(hit.ordinal), List.of(event)));
            } else {
                StreamMatch match = buffered(hit.ordinal, event, hit.satisfied);
                if (match != null) {
                    matches.add(match);
                }
            }
        }
        return matches;
    }

    /** One event's screening: the indicators it hits, in the order found. */
    public static final class Screened {
        static final Screened NOTHING = new Screened(List.of());
        private final List<Hit> hits;

        private Screened(List<Hit> hits) {
            this.hits = hits;
        }

        /** Whether completing it can give a match (nothing to do otherwise). */
        public boolean isEmpty() {
            return hits.isEmpty();
        }
    }

    /** An indicator an event hit: decided (satisfied null) or with the observations of a multi-observation pattern it satisfies. */
    private record Hit(int ordinal, boolean[] satisfied) {
    }

    /** One thread's screening of events; see {@link #screening()}. */
    public final class Screening {
        private final int[] seenInEvent = new int[index.size()];
        private int eventNumber;

        private Screening() {
        }

        public Screened screen(Event event) {
            int stamp = ++eventNumber;
            List<Hit> hits = new ArrayList<>(0);
            // Built at most once per event, and only when an indicator needs the exact evaluator.
            java.util.function.Supplier<ObservationSet> single = memoize(() -> observations(List.of(event)));
            index.candidates(event, ordinal -> {
                if (seenInEvent[ordinal] == stamp) {
                    return;
                }
                seenInEvent[ordinal] = stamp;
                if (!index.indicator(ordinal).validAt(event.time())) {
                    return;
                }
                if (!index.multiObservation(ordinal)) {
                    if (index.direct(ordinal) || PatternMatcher.match(index.pattern(ordinal), single.get()).matched()) {
                        hits.add(new Hit(ordinal, null));
                    }
                    return;
                }
                Plan plan = plans.computeIfAbsent(ordinal, o -> new Plan(index.pattern(o).expression()));
                boolean[] satisfied = new boolean[plan.leaves.size()];
                boolean any = false;
                for (int leaf = 0; leaf < satisfied.length; leaf++) {
                    satisfied[leaf] = PatternMatcher.match(plan.leafPatterns.get(leaf), single.get()).matched();
                    any |= satisfied[leaf];
                }
                if (any) { // an event that satisfies no observation of the pattern can never be part of a match
                    hits.add(new Hit(ordinal, satisfied));
                }
            });
            return hits.isEmpty() ? Screened.NOTHING : new Screened(hits);
        }
    }

    private StreamMatch buffered(int ordinal, Event event, boolean[] satisfied) {
        Plan plan = plans.get(ordinal);
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
