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

    /** Until every partition of the new topics has a leader: a producer sending before that can time out. */
    private static void awaitLeaders(Admin admin, List<String> topics) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean ready = true;
            try {
                for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
                    ready &= description.partitions().stream().allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
                }
            } catch (ExecutionException notYetKnown) {
                ready = false;
            }
            if (ready) {
                return;
            }
            Thread.sleep(100);
        }
        throw new StoreException("the new topics " + topics + " have no leader after 60 s: is the cluster healthy?", null);
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
                awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while creating the stream's topics", e);
        } catch (ExecutionException e) {
            throw new StoreException("cannot create the stream's topics at " + kafka + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
