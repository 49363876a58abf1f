package org.sightline.stream.topology;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sightline.events.sightings.WindowedSighting;

/**
 * Merges the partial tallies of every partition into one sighting per indicator per window (per
 * sensor) and sends each new version on, keyed by its indicator. The deltas arrive keyed by
 * window, so each window's sighting lives in exactly one task's store (changelogged, so a task
 * that moves to another instance keeps counting from where it was). Event time decides nothing
 * here: a stream may replay last year's logs beside today's, so a window is kept until no tally
 * has come for it for {@link #RETENTION} of wall-clock time; a tally that comes after that starts
 * the window's count again (a new version with the smaller count), which a note in
 * docs/scaling.md states.
 */
final class WindowAggregator implements Processor<String, String, String, String> {
    static final String STORE = "sightline-window-sightings";
    static final Duration RETENTION = Duration.ofDays(7);

    private final StreamSettings settings;
    private final StreamCounters counters;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> windows;

    WindowAggregator(StreamSettings settings, StreamCounters counters) {
        this.settings = settings;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.windows = context.getStateStore(STORE);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::dropIdleWindows);
    }

    @Override
    public void process(Record<String, String> delta) {
        if (delta.key() == null || delta.value() == null) {
            return;
        }
        String sighting = WindowedSighting.merge(windows.get(delta.key()), delta.value(), context.currentSystemTimeMs());
        windows.put(delta.key(), sighting);
        counters.sightings.incrementAndGet();
        context.forward(new Record<>(WindowedSighting.indicatorOf(delta.key()), WindowedSighting.bundle(sighting, settings.whereSighted()),
                delta.timestamp()));
    }

    private void dropIdleWindows(long now) {
        long horizon = now - RETENTION.toMillis();
        java.util.List<String> idle = new java.util.ArrayList<>();
        try (KeyValueIterator<String, String> all = windows.all()) {
            all.forEachRemaining(entry -> {
                if (WindowedSighting.touchedAt(entry.value) < horizon) {
                    idle.add(entry.key);
                }
            });
        }
        idle.forEach(windows::delete);
    }
}
