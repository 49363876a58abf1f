package org.sightline.stream;

import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.sightline.pattern.stream.Indicator;
import org.sightline.stream.topology.IndicatorCatalog;
import org.sightline.stream.topology.MatchingTopology;
import org.sightline.stream.topology.StreamCounters;
import org.sightline.stream.topology.StreamSettings;

/** One running instance of the matching stream: its Kafka Streams client and its counters. */
public final class StreamInstance implements AutoCloseable {
    private final KafkaStreams streams;
    private final StreamCounters counters = new StreamCounters();

    private StreamInstance(StreamSettings settings, String stateDir, java.util.function.Function<StreamCounters, Topology> topology) {
        this.streams = new KafkaStreams(topology.apply(counters), MatchingTopology.properties(settings, stateDir));
    }

    /** Starts an instance; it joins the others with the same application id and takes its share of the partitions. */
    public static StreamInstance start(StreamSettings settings, String stateDir, Supplier<List<Indicator>> fixed) {
        return started(new StreamInstance(settings, stateDir, counters -> MatchingTopology.build(settings, new IndicatorCatalog(), fixed, counters)));
    }

    /** Starts an instance that only reads and counts the events, as the matcher would read them (see MatchingTopology#readingOnly). */
    public static StreamInstance readingOnly(StreamSettings settings, String stateDir) {
        return started(new StreamInstance(settings, stateDir, counters -> MatchingTopology.readingOnly(settings, counters)));
    }

    private static StreamInstance started(StreamInstance instance) {
        instance.streams.start();
        return instance;
    }

    /** The tasks this instance owns now (one per partition of each sub-topology it was given). */
    public int activeTasks() {
        return streams.metadataForLocalThreads().stream().mapToInt(thread -> thread.activeTasks().size()).sum();
    }

    /** Stops processing (the instance stays in its group and keeps its tasks) until {@link #resume}. */
    public void pause() {
        streams.pause();
    }

    public void resume() {
        streams.resume();
    }

    public StreamCounters counters() {
        return counters;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(java.time.Duration.ofSeconds(30));
    }
}
