package org.sightline.stream.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;

/**
 * Publishes indicators to the compacted indicators topic, keyed by id: a current indicator as its
 * STIX JSON, a revoked one as a tombstone, so that compaction keeps exactly the live set and every
 * streaming instance sees a withdrawal as soon as an addition.
 */
public final class IndicatorPublisher {
    /** How many were published as live and how many withdrawn. */
    public record Published(int live, int withdrawn) {
    }

    private IndicatorPublisher() {
    }

    public static Published publish(KafkaConnection kafka, String topic, List<ObjectNode> indicators) {
        return publish(kafka, topic, indicators, java.util.Set.of());
    }

    /** The same, with the {@code expired} ids (decayed, or past valid_until) withdrawn like revoked ones: they leave every matcher. */
    public static Published publish(KafkaConnection kafka, String topic, List<ObjectNode> indicators, java.util.Set<String> expired) {
        int live = 0;
        int withdrawn = 0;
        List<ProducerRecord<String, String>> records = new java.util.ArrayList<>();
        for (ObjectNode json : indicators) {
            StixObject indicator = new StixObject(json);
            if (!"indicator".equals(indicator.type())) {
                continue;
            }
            boolean revoked = indicator.revoked() || expired.contains(indicator.id());
            records.add(new ProducerRecord<>(topic, indicator.id(), revoked ? null : StixJson.write(json)));
            if (revoked) {
                withdrawn++;
            } else {
                live++;
            }
        }
        kafka.sendAll(topic, records.iterator());
        return new Published(live, withdrawn);
    }
}
