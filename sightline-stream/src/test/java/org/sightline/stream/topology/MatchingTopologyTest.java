package org.sightline.stream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.events.logs.LogFormat;
import org.sightline.events.logs.LogReader;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.pattern.stream.StreamingMatcher;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;
import org.sightline.stream.kafka.KafkaConnection;

/** The topology on Kafka's test driver: Suricata's EVE sample through it, indicators arriving and withdrawn while it runs. */
class MatchingTopologyTest {
    private static final String DEBIAN = "indicator--0f6f6c2a-8c43-4c39-9d7e-000000000001";
    private static final String CLOUDFRONT = "indicator--0f6f6c2a-8c43-4c39-9d7e-000000000002";
    private static final StreamSettings SETTINGS = new StreamSettings(KafkaConnection.of("unused:9092"), "events", "sightings", "indicators", LogFormat.EVE,
            "sightline-test", null);

    @TempDir
    Path state;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> indicators;
    private TestInputTopic<String, String> events;
    private TestOutputTopic<String, String> sightings;
    private final StreamCounters counters = new StreamCounters();
    private List<String> eve;

    @BeforeEach
    void start() throws Exception {
        driver = driver(counters, state);
        indicators = driver.createInputTopic("indicators", new StringSerializer(), new StringSerializer());
        events = driver.createInputTopic("events", new StringSerializer(), new StringSerializer());
        sightings = driver.createOutputTopic("sightings", new StringDeserializer(), new StringDeserializer());
        eve = Files.readAllLines(SharedData.require("logs/suricata-surevego/eve.json"));
    }

    private static TopologyTestDriver driver(StreamCounters counters, Path state) {
        Properties properties = MatchingTopology.properties(SETTINGS, state.toString());
        return new TopologyTestDriver(MatchingTopology.build(SETTINGS, new IndicatorCatalog(), null, counters), properties);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static String indicator(String id, String pattern) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2017-01-01T00:00:00.000Z\","
                + "\"modified\":\"2017-01-01T00:00:00.000Z\",\"pattern\":\"" + pattern + "\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"2017-01-01T00:00:00Z\"}";
    }

    /** What `sightline match` finds in the same file: the matcher run over the file's events. */
    private static long matchesInFile(Path file, Indicator... indicators) {
        StreamingMatcher matcher = new StreamingMatcher(IndicatorIndex.compile(List.of(indicators)), Duration.ofHours(1));
        long[] count = {0};
        new LogReader(null).read(file, LogFormat.EVE, event -> count[0] += matcher.accept(event).size());
        return count[0];
    }

    /** Lets the matchers send their tallies, as a second passing does. */
    private void flush() {
        driver.advanceWallClockTime(SETTINGS.flushEvery().plusMillis(1));
    }

    /** The last version of each sighting sent, by id. */
    private static Map<String, JsonNode> latest(List<TestRecord<String, String>> records) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (TestRecord<String, String> record : records) {
            JsonNode sighting = StixJson.parseObject(record.value(), "sighting bundle").path("objects").get(0);
            JsonNode before = byId.get(sighting.path("id").asText());
            if (before == null || sighting.path("modified").asText().compareTo(before.path("modified").asText()) > 0) {
                byId.put(sighting.path("id").asText(), sighting);
            }
        }
        return byId;
    }

    @Test
    void theMatchesOfAFileComeOutAsOneSightingPerIndicatorAndWindowThatCountsThemAll() {
        String pattern = "[domain-name:value = 'security.debian.org']";
        indicators.pipeInput(DEBIAN, indicator(DEBIAN, pattern));
        eve.forEach(line -> events.pipeInput("172.17.0.2", line));
        flush();
        List<TestRecord<String, String>> out = sightings.readRecordsToList();
        long expected = matchesInFile(SharedData.require("logs/suricata-surevego/eve.json"), new Indicator(DEBIAN, pattern, null, null));
        assertThat(expected).isGreaterThan(1);
        assertThat(out).hasSize(1); // one window, one flush: one version
        assertThat(out).allSatisfy(record -> assertThat(record.key()).isEqualTo(DEBIAN));
        JsonNode bundle = StixJson.parseObject(out.get(0).value(), "sighting bundle");
        assertThat(bundle.path("type").asText()).isEqualTo("bundle");
        JsonNode sighting = bundle.path("objects").get(0);
        assertThat(sighting.path("type").asText()).isEqualTo("sighting");
        assertThat(sighting.path("sighting_of_ref").asText()).isEqualTo(DEBIAN);
        assertThat(sighting.path("count").asLong()).isEqualTo(expected);
        assertThat(sighting.path("observed_data_refs")).hasSize((int) Math.min(10, expected));
        assertThat(sighting.has("x_sightline_observed")).isFalse();
        assertThat(bundle.toString()).contains("\"type\":\"observed-data\"", "security.debian.org");
        assertThat(counters.events()).isEqualTo(eve.size());
        assertThat(counters.matches()).isEqualTo(expected);
    }

    @Test
    void aWindowFilledOverSeveralFlushesIsOneSightingInVersionsThatCountOnward() {
        indicators.pipeInput(DEBIAN, indicator(DEBIAN, "[domain-name:value = 'security.debian.org']"));
        int half = 0;
        while (!eve.get(half++).contains("\"rrname\":\"security.debian.org\"")) { // just after the first match: the rest come in the second flush
        }
        eve.subList(0, half).forEach(line -> events.pipeInput("k", line));
        flush();
        eve.subList(half, eve.size()).forEach(line -> events.pipeInput("k", line));
        flush();
        List<TestRecord<String, String>> out = sightings.readRecordsToList();
        assertThat(out).hasSize(2);
        JsonNode first = StixJson.parseObject(out.get(0).value(), "first").path("objects").get(0);
        JsonNode second = StixJson.parseObject(out.get(1).value(), "second").path("objects").get(0);
        assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(second.path("created").asText()).isEqualTo(first.path("created").asText());
        assertThat(second.path("modified").asText()).isGreaterThan(first.path("modified").asText());
        assertThat(second.path("count").asLong()).isGreaterThan(first.path("count").asLong()).isEqualTo(counters.matches());
        assertThat(second.path("first_seen").asText()).isLessThanOrEqualTo(first.path("first_seen").asText()); // EVE lines are not all in time order
    }

    @Test
    void anIndicatorAddedOrWithdrawnWhileRunningTakesEffectWithoutARestart() {
        List<String> dns = eve.stream().filter(line -> line.contains("\"event_type\":\"dns\"")).toList();
        indicators.pipeInput(DEBIAN, indicator(DEBIAN, "[domain-name:value = 'security.debian.org']"));
        dns.forEach(line -> events.pipeInput("k", line));
        flush();
        assertThat(keys(sightings.readRecordsToList())).isNotEmpty().containsOnly(DEBIAN);

        indicators.pipeInput(CLOUDFRONT, indicator(CLOUDFRONT, "[domain-name:value = 'dpvctowv9b08b.cloudfront.net']"));
        indicators.pipeInput(DEBIAN, (String) null); // withdrawn: a tombstone on the compacted topic
        dns.forEach(line -> events.pipeInput("k", line));
        flush();
        assertThat(keys(sightings.readRecordsToList())).isNotEmpty().containsOnly(CLOUDFRONT);
        assertThat(counters.indicators()).isEqualTo(1);
    }

    @Test
    void anUnreadableEventIsCountedAndTheStreamGoesOn() {
        indicators.pipeInput(DEBIAN, indicator(DEBIAN, "[domain-name:value = 'security.debian.org']"));
        events.pipeInput("k", "{\"event_type\":\"dns\", broken");
        eve.forEach(line -> events.pipeInput("k", line));
        flush();
        assertThat(counters.malformed()).isEqualTo(1);
        assertThat(sightings.readRecordsToList()).isNotEmpty();
    }

    @Test
    void aMatchReportedAgainForTheSameEventIsTheSameSighting() {
        indicators.pipeInput(DEBIAN, indicator(DEBIAN, "[domain-name:value = 'security.debian.org']"));
        String line = eve.stream().filter(l -> l.contains("\"rrname\":\"security.debian.org\"")).findFirst().orElseThrow();
        events.pipeInput("k", line);
        flush();
        String first = sightings.readValue();
        // The same record at the same offset (as after a crash before commit) gives the same objects, byte for byte.
        try (TopologyTestDriver again = driver(new StreamCounters(), state.resolve("again"))) {
            again.createInputTopic("indicators", new StringSerializer(), new StringSerializer())
                    .pipeInput(DEBIAN, indicator(DEBIAN, "[domain-name:value = 'security.debian.org']"));
            again.createInputTopic("events", new StringSerializer(), new StringSerializer()).pipeInput("k", line);
            again.advanceWallClockTime(SETTINGS.flushEvery().plusMillis(1));
            assertThat(again.createOutputTopic("sightings", new StringDeserializer(), new StringDeserializer()).readValue()).isEqualTo(first);
        }
    }

    private static List<String> keys(List<TestRecord<String, String>> records) {
        List<String> keys = new ArrayList<>();
        records.forEach(record -> keys.add(record.key()));
        return keys;
    }

    @Test
    void aPartitionStopsSendingObservedDataOnceItsWindowHasAllItKeeps() {
        indicators.pipeInput(DEBIAN, indicator(DEBIAN, "[domain-name:value = 'security.debian.org']"));
        TestOutputTopic<String, String> deltas = driver.createOutputTopic("sightline-test-window-tallies-repartition",
                new StringDeserializer(), new StringDeserializer());
        String match = eve.stream().filter(line -> line.contains("\"rrname\":\"security.debian.org\"")).findFirst().orElseThrow();
        int[] perFlush = {4, 4, 4, 4};
        for (int matches : perFlush) {
            for (int i = 0; i < matches; i++) {
                events.pipeInput("k", match);
            }
            flush();
        }
        List<Integer> observedPerDelta = deltas.readValuesToList().stream()
                .map(delta -> StixJson.parseObject(delta, "delta").path("observed").size()).toList();
        assertThat(observedPerDelta).containsExactly(4, 4, 2, 0); // ten in all, then counts alone
        JsonNode last = latest(sightings.readRecordsToList()).values().iterator().next();
        assertThat(last.path("count").asLong()).isEqualTo(16);
        assertThat(last.path("observed_data_refs")).hasSize(10);
    }
}
