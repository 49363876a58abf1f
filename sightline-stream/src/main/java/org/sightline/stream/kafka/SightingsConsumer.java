package org.sightline.stream.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.json.StixJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the sighting bundles of a sightings topic to a destination (the knowledge store, wired in
 * by the front end: this module opens no database). Offsets are committed only after the
 * destination has committed the batch, so a crash re-reads what was not yet acknowledged; a
 * sighting read again is the same object (same id, same modified) and the store keeps it once.
 * Reads only committed records: a streaming instance's aborted work never arrives.
 */
public final class SightingsConsumer {
    /** Totals of a run; {@code unreadable}: records that are not JSON bundles or hold an object the store's policy refuses. */
    public record Consumed(long records, long objectsAdded, long objectsUnchanged, long unreadable, double seconds) {
    }

    /**
     * Where a poll's records go (the store's intake, wired in by the front end): each record's
     * objects by where it was read (topic@partition:offset), each record whole or not at all.
     */
    @FunctionalInterface
    public interface Destination {
        Written write(Map<String, List<ObjectNode>> records);
    }

    /** What a destination did with one poll: objects new and already held, and why each refused record was refused. */
    public record Written(long added, long unchanged, List<String> refused) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SightingsConsumer.class);

    private final Destination destination;
    private final AtomicBoolean stop = new AtomicBoolean();

    public SightingsConsumer(Destination destination) {
        this.destination = destination;
    }

    public void stop() {
        stop.set(true);
    }

    /** Consumes until stopped, or, when {@code idle} is given, until no record has come for that long. */
    public Consumed run(KafkaConnection kafka, String topic, String group, Duration idle) {
        Properties properties = kafka.consumer(group);
        long records = 0;
        long added = 0;
        long unchanged = 0;
        long unreadable = 0;
        long start = System.nanoTime();
        Instant lastRecord = Instant.now();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            while (!stop.get()) {
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    if (idle != null && Duration.between(lastRecord, Instant.now()).compareTo(idle) >= 0) {
                        break;
                    }
                    continue;
                }
                lastRecord = Instant.now();
                Map<String, List<ObjectNode>> read = new LinkedHashMap<>();
                for (ConsumerRecord<String, String> record : batch) {
                    records++;
                    String where = topic + "@" + record.partition() + ":" + record.offset();
                    try {
                        read.put(where, objects(StixJson.parseObject(record.value(), where)));
                    } catch (InvalidInputException e) {
                        LOG.warn("{} not stored: {}", where, e.getMessage());
                        unreadable++;
                    }
                }
                Written written = destination.write(read);
                written.refused().forEach(why -> LOG.warn("not stored: {}", why));
                unreadable += written.refused().size();
                added += written.added();
                unchanged += written.unchanged();
                consumer.commitSync(); // after the destination's commit: a crash in between re-reads, and the store keeps one copy
            }
        }
        return new Consumed(records, added, unchanged, unreadable, (System.nanoTime() - start) / 1e9);
    }

    /** A record's objects: it must be a STIX bundle whose objects are JSON objects. */
    private static List<ObjectNode> objects(JsonNode record) {
        if (!"bundle".equals(record.path("type").asText())) {
            throw new InvalidInputException("not a STIX bundle (type '" + record.path("type").asText("") + "')");
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode node : record.path("objects")) {
            if (!node.isObject()) {
                throw new InvalidInputException("the bundle holds " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                        + " where a STIX object should be");
            }
            objects.add((ObjectNode) node);
        }
        return objects;
    }
}
