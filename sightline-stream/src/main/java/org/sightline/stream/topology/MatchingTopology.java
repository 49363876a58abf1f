package org.sightline.stream.topology;

import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.sightline.pattern.stream.Indicator;

/**
 * The Kafka Streams topology that runs the indexed matcher: events topic in, sightings topic out,
 * the indicator set from a compacted topic into a global store that every instance holds whole.
 * Matches are counted as `sightline match` counts them: one sighting per indicator per window of
 * event time (per sensor), its versions sent as the window fills.
 *
 * <pre>
 *   [indicators topic] --> IndicatorUpdater --> global store "sightline-indicators"
 *   [events topic] --> EventMatcher (one per partition: matches, tallies per window, sends tallies every second)
 *       --> [window-tallies repartition topic, keyed by indicator, window and sensor]
 *       --> WindowAggregator (one sighting per window, a new version per tally) --> [sightings topic, keyed by indicator]
 * </pre>
 *
 * Instances with the same application id share the events topic's partitions. An indicator that
 * spans several observations sees only the events of its own partition, so the events topic must be
 * keyed by what those observations have in common: `sightline events publish` keys each event by
 * its source address (Zeek id.orig_h, EVE src_ip), which brings one host's events together.
 */
public final class MatchingTopology {
    private MatchingTopology() {
    }

    /** @param fixed the indicators to match when {@code settings} names no indicators topic */
    public static Topology build(StreamSettings settings, IndicatorCatalog catalog, Supplier<List<Indicator>> fixed, StreamCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        if (settings.indicatorsTopic() != null) {
            builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(IndicatorCatalog.STORE), Serdes.String(), Serdes.String())
                            .withLoggingDisabled(), // the compacted topic is the store's log
                    settings.indicatorsTopic(), Consumed.with(Serdes.String(), Serdes.String()).withName("indicators"),
                    () -> new IndicatorUpdater(catalog));
        } else if (fixed == null) {
            throw new IllegalArgumentException("without an indicators topic the indicators must be given");
        }
        // Both stores are cached: a window's tally is written to the changelog once per commit, not once per match.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(EventMatcher.PENDING), Serdes.String(), Serdes.String())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WindowAggregator.STORE), Serdes.String(), Serdes.String())
                .withCachingEnabled());
        Supplier<List<Indicator>> given = settings.indicatorsTopic() == null ? fixed : null;
        builder.stream(settings.eventsTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events"))
                .process(() -> new EventMatcher(settings, catalog, given, counters), Named.as("matcher"), EventMatcher.PENDING)
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("window-tallies"))
                .process(() -> new WindowAggregator(settings, counters), Named.as("window-aggregator"), WindowAggregator.STORE)
                .to(settings.sightingsTopic(), Produced.with(Serdes.String(), Serdes.String()).withName("sightings"));
        return builder.build();
    }

    /**
     * The events topic read as the matcher reads it (same consumer, same exactly-once commits) by a
     * processor that only counts: what Kafka Streams itself costs on a cluster, the floor under any
     * matcher's throughput there. `bench stream` runs it beside the matcher, so the matcher's share
     * of the gap to `match` can be told from Kafka's.
     */
    public static Topology readingOnly(StreamSettings settings, StreamCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(settings.eventsTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events"))
                .process(() -> new org.apache.kafka.streams.processor.api.Processor<String, byte[], Void, Void>() {
                    @Override
                    public void process(org.apache.kafka.streams.processor.api.Record<String, byte[]> record) {
                        counters.events.incrementAndGet();
                    }
                }, Named.as("counter"));
        return builder.build();
    }

    /**
     * The instance's configuration: exactly-once (a failed instance's uncommitted sightings are
     * aborted and its events read again by whoever takes its partitions), committing every flush
     * interval, on the settings' stream threads, reading from the start of the events topic the
     * first time the application id is seen.
     */
    public static Properties properties(StreamSettings settings, String stateDir) {
        Properties properties = settings.kafka().base();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        // Commit as often as the matchers send their tallies: a sighting moves on no sooner than that anyway, and each
        // exactly-once commit is a transaction with the broker (at Kafka's 100 ms for exactly-once, one instance
        // read 60,000 events/s against 96,000 at 1 s, `bench stream`).
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.flushEvery().toMillis());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // A failed instance's partitions move to the others after 10 s of silence, not Kafka's default 45 s.
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
        return properties;
    }
}
