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
    private final Map<Integer, Deque<Event>> buffers = new HashMap<>();
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
                if (index.direct(ordinal) || PatternMatcher.match(index.pattern(ordinal), observations(List.of(event))).matched()) {
                    matches.add(new StreamMatch(indicator, List.of(event)));
                }
                return;
            }
            StreamMatch match = buffered(ordinal, event);
            if (match != null) {
                matches.add(match);
            }
        });
        return matches;
    }

    private StreamMatch buffered(int ordinal, Event event) {
        Deque<Event> buffer = buffers.computeIfAbsent(ordinal, o -> new ArrayDeque<>());
        Duration horizon = horizon(index.pattern(ordinal).expression());
        while (!buffer.isEmpty() && buffer.peekFirst().time().isBefore(event.time().minus(horizon))) {
            buffer.removeFirst();
        }
        if (buffer.size() >= MAX_BUFFERED) {
            buffer.removeFirst();
        }
        buffer.addLast(event);
        List<Event> events = new ArrayList<>(buffer);
        MatchResult result = PatternMatcher.match(index.pattern(ordinal), observations(events));
        if (!result.matched()) {
            return null;
        }
        Set<String> bound = new HashSet<>(result.firstBinding());
        List<Event> used = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (bound.contains(observedDataId(i))) {
                used.add(events.get(i));
            }
        }
        // Events that made a match are spent: the next sighting needs new ones.
        buffer.removeAll(used);
        if (buffer.isEmpty()) {
            buffers.remove(ordinal);
        }
        return new StreamMatch(index.indicator(ordinal), used);
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
