package org.sightline.stream.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.sightline.error.StoreException;

/** Creates the topics a matching stream needs when they are missing: events and sightings with the given partitions, indicators compacted. */
public final class Topics {
    private Topics() {
    }

    public static void ensure(KafkaConnection kafka, String events, String sightings, String indicators, int partitions) {
        try (Admin admin = Admin.create(kafka.base())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : new String[] {events, sightings}) {
                if (topic != null && !existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) -1));
                }
            }
            if (indicators != null && !existing.contains(indicators)) {
                missing.add(new NewTopic(indicators, 1, (short) -1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while creating the stream's topics", e);
        } catch (ExecutionException e) {
            throw new StoreException("cannot create the stream's topics at " + kafka + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
