package org.sightline.stream.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.sightline.error.InvalidInputException;
import org.sightline.pattern.validate.PatternValidator;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.validation.StixValidator;
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

    /** Where a poll's valid objects go, in one transaction; it answers how many were new and how many it held already. */
    @FunctionalInterface
    public interface Destination {
        Written write(List<StixObject> objects);
    }

    /** What a destination did with one batch. */
    public record Written(long added, long unchanged) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SightingsConsumer.class);
    /** The same policy as every other way in: STIX 2.0 upgraded, every object validated, patterns parsed. */
    private final StixValidator validator = new StixValidator(new PatternValidator());

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
                List<StixObject> objects = new ArrayList<>();
                for (ConsumerRecord<String, String> record : batch) {
                    records++;
                    String where = topic + "@" + record.partition() + ":" + record.offset();
                    try {
                        objects.addAll(valid(StixJson.parseObject(record.value(), where), where));
                    } catch (InvalidInputException | ClassCastException e) {
                        LOG.warn("{} not stored: {}", where, e.getMessage());
                        unreadable++;
                    }
                }
                Written written = destination.write(objects);
                added += written.added();
                unchanged += written.unchanged();
                consumer.commitSync(); // after the destination's commit: a crash in between re-reads, and the store keeps one copy
            }
        }
        return new Consumed(records, added, unchanged, unreadable, (System.nanoTime() - start) / 1e9);
    }

    /** The record's objects when every one passes; a record goes in whole or not at all, as a bundle does. */
    private List<StixObject> valid(com.fasterxml.jackson.databind.JsonNode bundle, String where) {
        List<StixObject> objects = new ArrayList<>();
        int index = 0;
        for (com.fasterxml.jackson.databind.JsonNode node : bundle.path("objects")) {
            com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            List<String> errors = validator.intakeErrors(object, where + " object " + index++);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(String.join("; ", errors));
            }
            objects.add(new StixObject(object));
        }
        return objects;
    }
}
