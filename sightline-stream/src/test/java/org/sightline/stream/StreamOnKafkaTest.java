package org.sightline.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.events.indicators.Indicators;
import org.sightline.events.logs.LogFormat;
import org.sightline.events.sightings.SightingRecorder;
import org.sightline.ingest.sightings.LogMatching;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.StixStore;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;
import org.sightline.stream.kafka.EventPublisher;
import org.sightline.stream.kafka.IndicatorPublisher;
import org.sightline.stream.kafka.KafkaBroker;
import org.sightline.stream.kafka.KafkaConnection;
import org.sightline.stream.kafka.SightingsConsumer;
import org.sightline.stream.kafka.StreamProcesses;
import org.sightline.stream.kafka.Topics;
import org.sightline.stream.topology.StreamSettings;

/**
 * The matching stream on a real single-node Kafka broker (KRaft): Suricata's EVE sample and 20,000
 * Zeek DNS records through two instances, the sightings consumed into the store, compared with what
 * `sightline match` finds in the same files; and an instance killed mid-stream.
 */
class StreamOnKafkaTest {
    @TempDir
    static Path dir;
    private static KafkaBroker broker;
    private static Path zeek;
    private static Path eve;
    private static List<ObjectNode> indicators;

    @BeforeAll
    static void start() throws Exception {
        eve = SharedData.require("logs/suricata-surevego/eve.json");
        zeek = dir.resolve("dns.json");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(SharedData.require("logs/zeek-wrccdc-2018/dns.json.gz"))), StandardCharsets.UTF_8))) {
            Files.write(zeek, reader.lines().limit(20_000).toList());
        }
        indicators = indicators();
        Files.createDirectories(dir.resolve("broker"));
        broker = KafkaBroker.start(dir.resolve("broker"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /** Domains and addresses seen in the samples, and one indicator spanning two observations of one host. */
    private static List<ObjectNode> indicators() {
        List<String> patterns = new ArrayList<>(List.of("[domain-name:value = 'security.debian.org']",
                "[domain-name:value = 'dpvctowv9b08b.cloudfront.net']", "[ipv4-addr:value = '172.21.3.254']",
                "[domain-name:value = 'ise.wrccdc.org']", "[domain-name:value = 'wpad.wrccdc.org']", "[ipv4-addr:value = '10.47.1.100']",
                "[domain-name:value LIKE '%.cpp.edu']",
                "[domain-name:value = 'security.debian.org'] FOLLOWEDBY [domain-name:value = 'dpvctowv9b08b.cloudfront.net'] WITHIN 300 SECONDS"));
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String id = "indicator--7c1d8c9e-0b4f-4c67-8f3a-" + String.format("%012d", i + 1);
            objects.add((ObjectNode) StixJson.parseObject("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id
                    + "\",\"created\":\"2017-01-01T00:00:00.000Z\",\"modified\":\"2017-01-01T00:00:00.000Z\",\"pattern\":\""
                    + patterns.get(i).replace("'", "'") + "\",\"pattern_type\":\"stix\",\"valid_from\":\"2017-01-01T00:00:00Z\"}", id));
        }
        return objects;
    }

    /** Per indicator: how many times, first and last seen, as `sightline match` records it on the same files. */
    private static Map<String, String> expected() {
        List<Indicator> compiled = indicators.stream().map(json -> Indicators.of(json).orElseThrow()).toList();
        SightingRecorder recorder = new SightingRecorder(null);
        LogMatching.run(IndicatorIndex.compile(compiled), List.of(eve, zeek), LogFormat.AUTO, null, recorder);
        Map<String, String> byIndicator = new HashMap<>();
        recorder.stixObjects().stream().filter(object -> object.path("type").asText().equals("sighting")).forEach(sighting ->
                byIndicator.put(sighting.path("sighting_of_ref").asText(), sighting.path("count").asLong() + " "
                        + sighting.path("first_seen").asText() + " " + sighting.path("last_seen").asText()));
        return byIndicator;
    }

    /** The same, summed over the stored sightings the stream sent. */
    private static Map<String, String> stored(StixStore store) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, String[]> seen = new HashMap<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("sighting"), Set.of(), false), sighting -> {
            String indicator = sighting.text("sighting_of_ref");
            counts.computeIfAbsent(indicator, k -> new long[1])[0] += sighting.json().path("count").asLong();
            String[] range = seen.computeIfAbsent(indicator, k -> new String[] {sighting.text("first_seen"), sighting.text("last_seen")});
            range[0] = sighting.text("first_seen").compareTo(range[0]) < 0 ? sighting.text("first_seen") : range[0];
            range[1] = sighting.text("last_seen").compareTo(range[1]) > 0 ? sighting.text("last_seen") : range[1];
        });
        Map<String, String> byIndicator = new HashMap<>();
        counts.forEach((indicator, count) -> byIndicator.put(indicator, count[0] + " " + seen.get(indicator)[0] + " " + seen.get(indicator)[1]));
        return byIndicator;
    }

    private static StreamSettings settings(String run) {
        return new StreamSettings(KafkaConnection.of(broker.bootstrap()), run + "-events", run + "-sightings", run + "-indicators", LogFormat.AUTO, "sightline-" + run, null);
    }

    private static long publish(StreamSettings settings) {
        Topics.ensure(settings.kafka(), settings.eventsTopic(), settings.sightingsTopic(), settings.indicatorsTopic(), 4);
        IndicatorPublisher.publish(settings.kafka(), settings.indicatorsTopic(), indicators);
        return EventPublisher.publish(settings.kafka(), settings.eventsTopic(), List.of(eve, zeek));
    }

    private static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void twoInstancesFindTheSameSightingsAsMatchDoesOnTheSameFiles() throws Exception {
        StreamSettings settings = settings("pair");
        long published = publish(settings);
        Map<String, String> expected = expected();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(6);
        try (StreamInstance one = StreamInstance.start(settings, dir.resolve("pair-1").toString(), null);
             StreamInstance two = StreamInstance.start(settings, dir.resolve("pair-2").toString(), null);
             TestStore store = Backend.H2.open()) {
            await("both instances to read every event", () -> one.counters().events() + two.counters().events() >= published);
            assertThat(one.counters().events()).as("the first instance's share").isPositive();
            assertThat(two.counters().events()).as("the second instance's share").isPositive();
            SightingsConsumer.Consumed consumed = new SightingsConsumer(into(store))
                    .run(settings.kafka(), settings.sightingsTopic(), "pair-store", Duration.ofSeconds(8));
            assertThat(consumed.records()).isEqualTo(one.counters().sightings() + two.counters().sightings());
            assertThat(consumed.unreadable()).as("every sighting the stream makes passes the store's policy").isZero();
            assertThat(stored(store.store())).isEqualTo(expected);

            // Consuming again from the start stores nothing new: each sighting is the same object as before.
            SightingsConsumer.Consumed again = new SightingsConsumer(into(store))
                    .run(settings.kafka(), settings.sightingsTopic(), "pair-store-again", Duration.ofSeconds(5));
            assertThat(again.records()).isEqualTo(consumed.records());
            assertThat(again.objectsAdded()).isZero();
        }
    }

    /** A record the store's policy refuses (here a sighting without its sighting_of_ref) is counted and stores nothing of it. */
    @Test
    void aSightingsRecordTheStoreWouldRefuseStoresNothing() throws Exception {
        StreamSettings settings = settings("refused");
        Topics.ensure(settings.kafka(), settings.eventsTopic(), settings.sightingsTopic(), settings.indicatorsTopic(), 1);
        String valid = "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"identity--7a0e2c6b-1d2e-4c4f-9a5e-000000000070\","
                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"Sensor one\"}";
        String broken = "{\"type\":\"sighting\",\"spec_version\":\"2.1\",\"id\":\"sighting--7a0e2c6b-1d2e-4c4f-9a5e-000000000071\","
                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\"}";
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--7a0e2c6b-1d2e-4c4f-9a5e-000000000072\",\"objects\":[" + valid + "," + broken + "]}";
        settings.kafka().sendAll(settings.sightingsTopic(), List.of(
                new org.apache.kafka.clients.producer.ProducerRecord<String, String>(settings.sightingsTopic(), "k", bundle)).iterator());
        try (TestStore store = Backend.H2.open()) {
            SightingsConsumer.Consumed consumed = new SightingsConsumer(into(store))
                    .run(settings.kafka(), settings.sightingsTopic(), "refused-store", Duration.ofSeconds(5));
            assertThat(consumed.records()).isEqualTo(1);
            assertThat(consumed.unreadable()).isEqualTo(1);
            assertThat(store.store().current("identity--7a0e2c6b-1d2e-4c4f-9a5e-000000000070")).as("the record goes in whole or not at all").isEmpty();
        }
    }

    @Test
    void anInstanceKilledMidStreamLosesNothingAndRepeatsNothing() throws Exception {
        StreamSettings settings = settings("kill");
        long published = publish(settings);
        Map<String, String> expected = expected();
        long expectedSightings = expected.values().stream().mapToLong(value -> Long.parseLong(value.split(" ")[0])).sum();

        Process first = StreamProcesses.streamProcess(dir, settings, dir.resolve("kill-1"));
        Path log = dir.resolve("kill-1.log");
        await("the first instance to be half way", () -> StreamProcesses.eventsRead(log) > published / 3);
        first.destroyForcibly().waitFor(); // SIGKILL: no clean shutdown, its open transaction is left to be aborted
        long readBeforeKill = StreamProcesses.eventsRead(log);
        assertThat(readBeforeKill).as("killed mid-stream").isGreaterThan(published / 3).isLessThan(published);

        try (StreamInstance second = StreamInstance.start(settings, dir.resolve("kill-2").toString(), null)) {
            List<JsonNode> versions = new ArrayList<>();
            await("every match to be counted in a committed sighting", () -> {
                versions.addAll(committedSightings(settings.sightingsTopic()));
                return countedIn(versions) >= expectedSightings;
            });
            Thread.sleep(3000);
            versions.addAll(committedSightings(settings.sightingsTopic()));
            assertThat(countedIn(versions)).as("the latest versions count every match once").isEqualTo(expectedSightings);
            List<String> stamps = versions.stream().map(v -> v.path("id").asText() + "@" + v.path("modified").asText()).toList();
            assertThat(new HashSet<>(stamps)).as("no version twice").hasSize(stamps.size());
            assertThat(second.counters().events()).as("the second took over the killed one's partitions").isPositive();
        }
    }

    /** What the latest version of each sighting counts, summed. */
    private static long countedIn(List<JsonNode> versions) {
        Map<String, JsonNode> latest = new HashMap<>();
        for (JsonNode version : versions) {
            latest.merge(version.path("id").asText(), version,
                    (a, b) -> b.path("modified").asText().compareTo(a.path("modified").asText()) > 0 ? b : a);
        }
        return latest.values().stream().mapToLong(version -> version.path("count").asLong()).sum();
    }

    private static final Map<String, KafkaConsumer<String, String>> READERS = new HashMap<>();

    /** The sighting versions committed on the topic since the last call. */
    private static List<JsonNode> committedSightings(String topic) {
        KafkaConsumer<String, String> consumer = READERS.computeIfAbsent(topic, t -> {
            Properties properties = new Properties();
            properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + t);
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            KafkaConsumer<String, String> created = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
            created.subscribe(List.of(t));
            return created;
        });
        List<JsonNode> sightings = new ArrayList<>();
        consumer.poll(Duration.ofMillis(500)).forEach(record ->
                sightings.add(StixJson.parseObject(record.value(), "sighting").path("objects").get(0)));
        return sightings;
    }

    /** The knowledge store as the sightings' destination, as `sightline sightings consume` wires it. */
    private static SightingsConsumer.Destination into(TestStore store) {
        return records -> {
            org.sightline.store.intake.Intake.Outcome outcome = store.knowledge().intake().writeWhole(records, null);
            return new SightingsConsumer.Written(outcome.written().added(), outcome.written().unchanged(),
                    outcome.refused().stream().map(org.sightline.store.intake.Intake.Refusal::message).toList());
        };
    }

}
