package org.sightline.events.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sightline.stix.json.StixJson;

/** The field reader the Zeek and EVE adapters use instead of a general JSON parser. */
class FlatJsonTest {
    private final FlatJson eve = FlatJson.LOG_FIELDS;
    private final FlatJson zeek = FlatJson.LOG_FIELDS;

    /** The record's filled slots, by field name. */
    private static Map<String, Object> read(FlatJson reader, String json) throws FlatJson.NotAnObjectException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        LogRecord record = reader.read(bytes, 0, bytes.length);
        Map<String, Object> fields = new java.util.HashMap<>();
        List<String> names = LogRecord.names();
        for (int slot = 0; slot < names.size(); slot++) {
            if (record.has(slot)) {
                fields.put(names.get(slot), record.get(slot));
            }
        }
        return fields;
    }

    @Test
    void readsWantedFieldsOfNestedObjectsAndArraysOfObjectsAndSkipsTheRest() throws Exception {
        Map<String, Object> record = read(eve, "{\"timestamp\":\"2017-01-30T16:12:26.985026+0100\",\"flow_id\":123,"
                + "\"event_type\":\"dns\",\"src_port\":53,\"extra\":{\"rrname\":\"not this\",\"deep\":[[1,{\"a\":null}]]},"
                + "\"dns\":{\"rrname\":\"a.example\",\"answers\":[{\"rrname\":\"a.example\",\"rdata\":\"10.0.0.1\"},"
                + "{\"rdata\":\"b.example\"}],\"flags\":\"8180\"},\"tls\":{\"sni\":null}}");
        assertThat(record).containsOnlyKeys("timestamp", "event_type", "src_port", "dns.rrname", "dns.answers.rdata");
        assertThat(record.get("src_port")).isEqualTo("53");
        assertThat(record.get("dns.rrname")).isEqualTo("a.example");
        assertThat(record.get("dns.answers.rdata")).isEqualTo(List.of("10.0.0.1", "b.example"));
    }

    @Test
    void zeekKeysWithDotsArrayValuesEscapesAndUnicodeAreRead() throws Exception {
        Map<String, Object> record = read(zeek, "{\"_path\":\"dns\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":41772,"
                + "\"query\":\"caf\\u00e9.\\\"q\\\".example\",\"answers\":[\"x.example\",\"10.0.0.2\"],\"AA\":false,"
                + "\"TTLs\":[2230.0,4.1e4],\"host\":\"m\u00fcnchen.example\"}");
        assertThat(record.get("id.orig_h")).isEqualTo("10.0.0.1");
        assertThat(record.get("id.orig_p")).isEqualTo("41772");
        assertThat(record.get("query")).isEqualTo("caf\u00e9.\"q\".example");
        assertThat(record.get("answers")).isEqualTo(List.of("x.example", "10.0.0.2"));
        assertThat(record.get("host")).isEqualTo("m\u00fcnchen.example");
        assertThat(read(zeek, "{\"answers\":[]}").get("answers")).isEqualTo(List.of());
    }

    @Test
    void brokenLinesAreRefusedWithWhatAndWhere() {
        assertThatThrownBy(() -> read(zeek, "{\"ts\":\"2018-03-24T17:15:20Z\",\"uid\":")).hasMessage("not valid JSON: the line ends inside a value at column 36");
        assertThatThrownBy(() -> read(zeek, "{\"ts\":1 \"uid\":2}")).hasMessageStartingWith("not valid JSON: expected ',' or '}' at column 9");
        assertThatThrownBy(() -> read(zeek, "{\"ts\":\"a\\qb\"}")).hasMessageStartingWith("not valid JSON: unknown escape \\q");
        assertThatThrownBy(() -> read(zeek, "{\"ts\":01}")).hasMessageStartingWith("not valid JSON: expected ',' or '}'");
        assertThatThrownBy(() -> read(zeek, "{\"ts\":-}")).hasMessageStartingWith("not valid JSON: a number needs digits");
        assertThatThrownBy(() -> read(zeek, "{\"ts\":tru}")).hasMessageStartingWith("not valid JSON: unexpected character");
        assertThatThrownBy(() -> read(zeek, "{\"ts\":\"a\tb\"}")).hasMessageStartingWith("not valid JSON: a control character inside a string");
        assertThatThrownBy(() -> read(zeek, "{} {}")).hasMessageStartingWith("not valid JSON: more than one JSON value on the line");
        assertThatThrownBy(() -> read(zeek, "[1,2]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> read(zeek, "null")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> read(zeek, "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"))
                .hasMessageStartingWith("not valid JSON: nested deeper than 64 levels");
    }

    /** Random records, some broken: whatever Jackson accepts as one object, this reads the same; whatever it refuses, this refuses. */
    @Test
    void agreesWithJacksonOnRandomRecordsAndTheirMutations() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        String[] pieces = {"{", "}", "[", "]", ",", ":", "\"ts\"", "\"query\"", "\"answers\"", "\"x\"", "1", "-2.5e3", "true",
                "null", "\"a\\\"b\"", "\"\\u00e9\"", " ", "0", "\"id.orig_h\""};
        int agreed = 0;
        for (int n = 0; n < 20_000; n++) {
            String json = n % 2 == 0 ? validRecord(random) : mutate(validRecord(random), random, pieces);
            boolean jacksonObject;
            JsonNode tree = null;
            try {
                tree = StixJson.mapper().readerFor(JsonNode.class)
                        .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(json);
                jacksonObject = tree != null && tree.isObject();
            } catch (Exception e) {
                jacksonObject = false;
            }
            Map<String, Object> ours;
            try {
                ours = read(zeek, json);
            } catch (FlatJson.NotAnObjectException e) {
                ours = null;
            }
            assertThat(ours != null).as(json).isEqualTo(jacksonObject);
            if (ours != null && tree.path("query").isTextual()) {
                assertThat(ours.get("query")).as(json).isEqualTo(tree.get("query").asText());
                agreed++;
            }
        }
        assertThat(agreed).isGreaterThan(1000);
    }

    private static String validRecord(SplittableRandom random) {
        return "{\"ts\":" + random.nextInt(1_000_000) + ".5,\"query\":\"h" + random.nextInt(1000) + "\\u00e9.example\","
                + "\"answers\":[\"10.0.0." + random.nextInt(255) + "\"],\"nested\":{\"x\":[1,{\"y\":null}]},\"AA\":true}";
    }

    private static String mutate(String json, SplittableRandom random, String[] pieces) {
        StringBuilder text = new StringBuilder(json);
        for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
            int at = random.nextInt(text.length());
            if (random.nextBoolean()) {
                text.deleteCharAt(at);
            } else {
                text.insert(at, pieces[random.nextInt(pieces.length)]);
            }
        }
        return text.toString();
    }

    @Test
    void wantedKeysAreFoundWhateverElseTheRecordHolds() throws Exception {
        Map<String, Object> record = read(zeek, "{\"ui\":1,\"uri\":2,\"uid\":3,\"udi\":4,\"tls\":{\"sni\":5,\"snx\":6},"
                + "\"\\u0075id\":7,\"hostname\":8}");
        assertThat(record).containsEntry("uri", "2").containsEntry("uid", "7").containsEntry("tls.sni", "5").hasSize(3);
    }
}
