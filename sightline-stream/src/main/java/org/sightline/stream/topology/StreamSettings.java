package org.sightline.stream.topology;

import java.time.Duration;
import java.util.Objects;
import org.sightline.events.logs.LogFormat;
import org.sightline.stream.kafka.KafkaConnection;

/**
 * What a matching stream reads and writes, and on which cluster: the events topic and the format of its records, the
 * sightings topic, the compacted indicators topic (null: a fixed indicator set given at start), the
 * Kafka Streams application id that instances sharing the work have in common, where matches
 * were sighted (an identity id, or null), the window of event time one sighting counts (an hour
 * unless said), how often each partition sends what it has counted (a second), and how many stream
 * threads the instance runs (each takes a share of its partitions' tasks, as `match` spreads
 * files over cores; one unless said).
 */
public record StreamSettings(KafkaConnection kafka, String eventsTopic, String sightingsTopic, String indicatorsTopic, LogFormat format,
                             String applicationId, String whereSighted, Duration window, Duration flushEvery, int threads) {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    public static final Duration DEFAULT_FLUSH = Duration.ofSeconds(1);

    public StreamSettings {
        Objects.requireNonNull(eventsTopic, "the events topic");
        Objects.requireNonNull(sightingsTopic, "the sightings topic");
        Objects.requireNonNull(format, "the events' format");
        Objects.requireNonNull(applicationId, "the application id");
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("the sighting window must be at least a millisecond, got " + window);
        }
        if (flushEvery == null || flushEvery.toMillis() < 1) {
            throw new IllegalArgumentException("the flush interval must be at least a millisecond, got " + flushEvery);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("an instance needs at least one stream thread, got " + threads);
        }
    }

    /** With the default window and flush interval, on one stream thread. */
    public StreamSettings(KafkaConnection kafka, String eventsTopic, String sightingsTopic, String indicatorsTopic, LogFormat format,
                          String applicationId, String whereSighted) {
        this(kafka, eventsTopic, sightingsTopic, indicatorsTopic, format, applicationId, whereSighted, DEFAULT_WINDOW, DEFAULT_FLUSH, 1);
    }

    /** The same stream run on {@code count} stream threads. */
    public StreamSettings withThreads(int count) {
        return new StreamSettings(kafka, eventsTopic, sightingsTopic, indicatorsTopic, format, applicationId, whereSighted, window, flushEvery, count);
    }
}
