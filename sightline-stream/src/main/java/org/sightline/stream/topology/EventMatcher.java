package org.sightline.stream.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.logs.LogReader;
import org.sightline.ingest.sightings.Indicators;
import org.sightline.ingest.sightings.MatchSighting;
import org.sightline.pattern.stream.Event;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.pattern.stream.StreamMatch;
import org.sightline.pattern.stream.StreamingMatcher;
import org.sightline.stix.json.StixJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher of one partition: each event record is read as `sightline match` reads a log line,
 * run through the same streaming matcher, and each match is sent on as a sighting bundle keyed by
 * its indicator. The event's topic, partition and offset stand for its file and line, so a match
 * replayed after a failure yields the same sighting. Indicators spanning several observations keep
 * their recent events per partition; a change to the indicator set recompiles the index and
 * starts those buffers afresh.
 */
final class EventMatcher implements Processor<String, String, String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(EventMatcher.class);

    private final StreamSettings settings;
    private final IndicatorCatalog catalog;
    private final Supplier<List<Indicator>> fixed;
    private final StreamCounters counters;
    private final LogReader reader = new LogReader(null);
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> store;
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
    }

    @Override
    public void process(Record<String, String> record) {
        long version = catalog.version();
        if (matcher == null || (fixed == null && version != compiled)) {
            compile(version);
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
        List<StreamMatch> matches = matcher.accept(event);
        if (matches.isEmpty()) {
            return;
        }
        List<String> bundles = MatchSighting.bundles(matches, settings.whereSighted());
        for (int i = 0; i < matches.size(); i++) {
            counters.sightings.incrementAndGet();
            context.forward(new Record<>(matches.get(i).indicator().id(), bundles.get(i), record.timestamp()));
        }
    }

    private void compile(long version) {
        List<Indicator> indicators = fixed != null ? fixed.get() : fromStore();
        IndicatorIndex index = IndicatorIndex.compile(indicators);
        if (!index.rejected().isEmpty()) {
            LOG.warn("{} indicators could not be compiled, first: {}", index.rejected().size(), index.rejected().get(0));
        }
        matcher = new StreamingMatcher(index, Duration.ofHours(1));
        compiled = version;
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
