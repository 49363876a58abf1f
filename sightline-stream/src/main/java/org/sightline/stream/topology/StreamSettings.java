package org.sightline.stream.topology;

import java.util.Objects;
import org.sightline.ingest.logs.LogFormat;
import org.sightline.stream.kafka.KafkaConnection;

/**
 * What a matching stream reads and writes, and on which cluster: the events topic and the format of its records, the
 * sightings topic, the compacted indicators topic (null: a fixed indicator set given at start), the
 * Kafka Streams application id that instances sharing the work have in common, and where matches
 * were sighted (an identity id, or null).
 */
public record StreamSettings(KafkaConnection kafka, String eventsTopic, String sightingsTopic, String indicatorsTopic, LogFormat format,
                             String applicationId, String whereSighted) {
    public StreamSettings {
        Objects.requireNonNull(eventsTopic, "the events topic");
        Objects.requireNonNull(sightingsTopic, "the sightings topic");
        Objects.requireNonNull(format, "the events' format");
        Objects.requireNonNull(applicationId, "the application id");
    }
}
