package org.sightline.stream.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.json.StixReader;

/**
 * Publishes log files to an events topic, one record per line (Zeek JSON, Suricata EVE, JSON
 * lines), keyed by the address the event came from (Zeek id.orig_h, EVE src_ip): one host's events
 * land in one partition, which is what indicators spanning several observations of one host need.
 */
public final class EventPublisher {
    private EventPublisher() {
    }

    /** The records sent; each carries the time it was sent as its timestamp, from which the stream's latency is measured. */
    public static long publish(KafkaConnection kafka, String topic, List<Path> files) {
        long[] sent = {0};
        java.util.Iterator<ProducerRecord<String, String>> records = files.stream().flatMap(EventPublisher::lines)
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> {
                    sent[0]++;
                    return new ProducerRecord<>(topic, key(line), line);
                }).iterator();
        kafka.sendAll(topic, records);
        return sent[0];
    }

    /** A log file's lines, read as they are sent (plain or gzip). */
    private static java.util.stream.Stream<String> lines(Path file) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(StixReader.open(file), StandardCharsets.UTF_8), 1 << 16);
            return reader.lines().onClose(() -> {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The source address of the event, or null (any partition) when the line has none or is not JSON. */
    public static String key(String line) {
        try {
            JsonNode json = StixJson.mapper().readTree(line);
            String key = json.has("src_ip") ? json.path("src_ip").asText(null) : json.path("id.orig_h").asText(null);
            return key == null || key.isEmpty() ? null : key;
        } catch (IOException | RuntimeException e) {
            return null; // the stream counts it as unreadable; here it only needs a partition
        }
    }
}
