package org.sightline.stream.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sightline.error.InvalidInputException;
import org.sightline.events.indicators.Indicators;
import org.sightline.events.logs.LogReader;
import org.sightline.events.sightings.WindowedSighting;
import org.sightline.pattern.stream.Event;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.pattern.stream.StreamMatch;
import org.sightline.pattern.stream.StreamingMatcher;
import org.sightline.stix.json.StixJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher of one partition: each event record is read as `sightline match` reads a log line and
 * run through the same streaming matcher. Matches are not sent one by one: they are tallied per
 * indicator, window and sensor, and every {@link StreamSettings#flushEvery} each window's tally is
 * sent on (keyed by window, to the aggregator that owns it) with the observed-data of its first
 * events. The tallies live in a changelogged store, so what was counted but not yet sent when an
 * instance fails is sent by the instance that takes the partition over: exactly once, as the
 * offsets it was counted from. The event's topic, partition and offset stand for its file and
 * line, so a match replayed after a failure yields the same observed-data. Indicators spanning
 * several observations keep their recent events per partition; a change to the indicator set
 * recompiles the index and starts those buffers afresh.
 */
final class EventMatcher implements Processor<String, byte[], String, String> {
    static final String PENDING = "sightline-pending-tallies";

    private static final Logger LOG = LoggerFactory.getLogger(EventMatcher.class);

    private final StreamSettings settings;
    private final IndicatorCatalog catalog;
    private final Supplier<List<Indicator>> fixed;
    private final StreamCounters counters;
    private final LogReader reader = new LogReader(null);
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> store;
    /** Tallies not yet sent, by window key; "key#n" entries hold their events' observed-data. */
    private KeyValueStore<String, String> pending;
    private final Map<String, Tally> tallies = new HashMap<>();
    /**
     * How many observed-data this partition has sent per window, for the most recent windows: a
     * window's sighting keeps only its first {@link WindowedSighting#MAX_OBSERVED_DATA}, so once this
     * partition has sent that many, later events of the window are counted without building their
     * STIX (most of a busy window's cost). Forgotten on restart, when at most that many more are sent
     * and dropped by the aggregator, and after the aggregator's retention, when it starts the window
     * afresh.
     */
    private final Map<String, Sent> observedSent = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sent> eldest) {
            return size() > 100_000;
        }
    };
    private StreamingMatcher matcher;
    private long compiled = -1;

    /** @param fixed the indicators when there is no indicators topic; null to read the global store */
    EventMatcher(StreamSettings settings, IndicatorCatalog catalog, Supplier<List<Indicator>> fixed, StreamCounters counters) {
        this.settings = settings;
        this.catalog = catalog;
        this.fixed = fixed;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        if (fixed == null) {
            store = context.getStateStore(IndicatorCatalog.STORE);
        }
        pending = context.getStateStore(PENDING);
        try (KeyValueIterator<String, String> restored = pending.all()) { // tallies an instance counted and did not send before it stopped
            restored.forEachRemaining(entry -> {
                if (entry.key.indexOf('#') < 0) {
                    tallies.put(entry.key, Tally.decode(entry.value));
                }
            });
        }
        context.schedule(settings.flushEvery(), PunctuationType.WALL_CLOCK_TIME, now -> flush(now));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (matcher == null || (fixed == null && catalog.version() != compiled)) {
            compile();
        }
        counters.events.incrementAndGet();
        RecordMetadata where = context.recordMetadata().orElse(null);
        String source = where == null ? settings.eventsTopic() : where.topic() + "-" + where.partition();
        long line = where == null ? -1 : where.offset();
        Event event;
        try {
            event = record.value() == null ? null : reader.parseRecord(record.value(), settings.format(), source, line);
        } catch (InvalidInputException e) {
            counters.malformed.incrementAndGet();
            LOG.warn("unreadable event at {}: {}", source + "@" + line, e.getMessage());
            return;
        }
        if (event == null) {
            return;
        }
        for (StreamMatch match : matcher.accept(event)) {
            counters.matches.incrementAndGet();
            tally(match, record.timestamp());
        }
    }

    private void tally(StreamMatch match, long recordTime) {
        String key = WindowedSighting.key(match, settings.window());
        Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
        tally.oldestRecord = Math.min(tally.oldestRecord, recordTime);
        int sentBefore = observedSentFor(key);
        for (Event matched : match.events()) {
            tally.first = Math.min(tally.first, nanos(matched.time()));
            tally.last = Math.max(tally.last, nanos(matched.time()));
            if (sentBefore + tally.observed < WindowedSighting.MAX_OBSERVED_DATA) {
                pending.put(key + "#" + tally.observed++, WindowedSighting.observedJson(matched));
            }
        }
        tally.count++;
        pending.put(key, tally.encode());
    }

    /** Observed-data this partition has sent for a window, as far as the window's sighting still holds them. */
    private int observedSentFor(String key) {
        Sent sent = observedSent.get(key);
        return sent == null || context.currentSystemTimeMs() - sent.at > WindowAggregator.RETENTION.toMillis() ? 0 : sent.count;
    }

    /** How many observed-data were sent for a window, and when last. */
    private record Sent(int count, long at) {
    }

    /** Sends every window's tally, then forgets it: the next ones count from zero. */
    private void flush(long now) {
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            String key = entry.getKey();
            Tally tally = entry.getValue();
            List<String> observed = new ArrayList<>(tally.observed);
            for (int i = 0; i < tally.observed; i++) {
                observed.add(pending.get(key + "#" + i));
                pending.delete(key + "#" + i);
            }
            pending.delete(key);
            if (tally.observed > 0) {
                observedSent.put(key, new Sent(observedSentFor(key) + tally.observed, now));
            }
            // Stamped with the oldest event record it counts: a sighting's timestamp minus it is how long that event waited.
            context.forward(new Record<>(key, WindowedSighting.delta(key, tally.count, instant(tally.first), instant(tally.last), observed),
                    tally.oldestRecord == Long.MAX_VALUE ? now : tally.oldestRecord));
        }
        tallies.clear();
    }

    private static long nanos(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /**
     * A window's matches since its last tally was sent: how many, first and last (epoch
     * nanoseconds), events kept, and the timestamp of the oldest event record counted.
     */
    private static final class Tally {
        long count;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int observed;
        long oldestRecord = Long.MAX_VALUE;

        String encode() {
            return count + " " + first + " " + last + " " + observed + " " + oldestRecord;
        }

        static Tally decode(String text) {
            String[] parts = text.split(" ");
            Tally tally = new Tally();
            tally.count = Long.parseLong(parts[0]);
            tally.first = Long.parseLong(parts[1]);
            tally.last = Long.parseLong(parts[2]);
            tally.observed = Integer.parseInt(parts[3]);
            tally.oldestRecord = Long.parseLong(parts[4]);
            return tally;
        }
    }

    private void compile() {
        IndicatorCatalog.Compiled current = catalog.current(fixed != null ? fixed : this::fromStore);
        if (current.version() == compiled && matcher != null) {
            return;
        }
        IndicatorIndex index = current.index();
        if (!index.rejected().isEmpty()) {
            LOG.warn("{} indicators could not be compiled, first: {}", index.rejected().size(), index.rejected().get(0));
        }
        matcher = new StreamingMatcher(index, Duration.ofHours(1));
        compiled = current.version();
        counters.indicators.set(index.size());
    }

    private List<Indicator> fromStore() {
        List<Indicator> indicators = new ArrayList<>();
        try (KeyValueIterator<String, String> all = store.all()) {
            all.forEachRemaining(entry -> {
                try {
                    Indicators.of((ObjectNode) StixJson.parseObject(entry.value, "indicator " + entry.key)).ifPresent(indicators::add);
                } catch (RuntimeException e) {
                    LOG.warn("indicator {} on the indicators topic is not a STIX object: {}", entry.key, e.getMessage());
                }
            });
        }
        return indicators;
    }
}
