package org.sightline.pattern.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sightline.pattern.parse.PatternParser;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;

/**
 * Patterns evaluated under STIX 2.0, where observed-data embeds its objects in a dictionary and
 * references between them are that dictionary's keys. The reference matcher's 2.0 suite is not in
 * ../shared, so the cases are made two ways: every case of its 2.1 suite rewritten in the 2.0 form
 * (the same pattern must give the same answer), and cases written here from its described 2.0
 * behaviour on Unicode: =, != and IN compare code points as they are, while LIKE and MATCHES compare
 * both sides in normalisation form C.
 */
class MatcherStix20Test {

    static Stream<Arguments> rewrittenCases() throws IOException {
        JsonNode suite = StixJson.mapper().readTree(SharedData.require("patterns/matcher-cases-v21.json").toFile());
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : suite.path("cases")) {
            cases.add(Arguments.of(Named.of(c.path("id").asText().replace("v21/", "v20-from-v21/"), c)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewrittenCases")
    void aTwoOneCaseRewrittenInTwoZeroFormGivesTheSameAnswer(JsonNode c) {
        List<JsonNode> documents = new ArrayList<>();
        c.path("observations").forEach(document -> documents.add(toTwoZero(document)));
        MatcherConformanceTest.assertAgrees(c, "2.0", documents);
    }

    /**
     * A 2.1 document (a bundle, or a list of objects) in 2.0's form: each observed-data holds the
     * objects its object_refs name under the keys "0", "1", …, their ids and spec_version gone, and
     * every reference from one to another rewritten to the other's key.
     */
    static JsonNode toTwoZero(JsonNode document) {
        List<JsonNode> objects = new ArrayList<>();
        if (document.path("type").asText().equals("bundle")) {
            document.path("objects").forEach(objects::add);
        } else if (document.isArray()) {
            document.forEach(objects::add);
        } else {
            objects.add(document);
        }
        Map<String, JsonNode> byId = new HashMap<>();
        objects.forEach(object -> byId.put(object.path("id").asText(), object));
        ArrayNode converted = StixJson.mapper().createArrayNode();
        for (JsonNode object : objects) {
            if (!object.path("type").asText().equals("observed-data")) {
                continue;
            }
            if (!object.has("object_refs")) { // already in the 2.0 form (the suite's own "combinatorial" cases)
                converted.add(object);
                continue;
            }
            ObjectNode data = object.deepCopy();
            data.remove("object_refs");
            data.remove("spec_version");
            Map<String, String> keys = new HashMap<>();
            for (JsonNode ref : object.get("object_refs")) {
                if (byId.containsKey(ref.asText())) {
                    keys.put(ref.asText(), Integer.toString(keys.size()));
                }
            }
            ObjectNode embedded = data.putObject("objects");
            keys.forEach((id, key) -> {
                ObjectNode sco = byId.get(id).deepCopy();
                sco.remove("id");
                sco.remove("spec_version");
                embedded.set(key, rewriteRefs(sco, keys));
            });
            converted.add(data);
        }
        return converted;
    }

    /** References (…_ref, …_refs, at any depth) to objects of the same observed-data, as their keys. */
    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> keys) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (name.endsWith("_ref") && value.isTextual() && keys.containsKey(value.asText())) {
                    object.put(name, keys.get(value.asText()));
                } else if (name.endsWith("_refs") && value.isArray()) {
                    ArrayNode refs = object.putArray(name);
                    value.forEach(ref -> refs.add(ref.isTextual() && keys.containsKey(ref.asText()) ? keys.get(ref.asText()) : ref.asText()));
                } else {
                    object.set(name, rewriteRefs(value, keys));
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewriteRefs(array.get(i), keys));
            }
        }
        return node;
    }

    // Unicode, as the STIX 2.0 reference matcher compares it.

    /** "d" with a dot above and one below, three ways: composed, decomposed, and a third order that NFC composes to the first. */
    private static final Map<String, String> DDOTS = Map.of("nfc", "\u1e0d\u0307", "nfd", "d\u0323\u0307", "alt", "\u1e0b\u0323");

    private static ObservationSet ddots() {
        ObjectNode data = StixJson.newObject();
        data.put("type", "observed-data");
        data.put("id", "observed-data--a1b2c3d4-0000-4000-8000-000000000001");
        data.put("first_observed", "2011-08-08T20:02:48Z");
        data.put("last_observed", "2011-08-08T20:02:48Z");
        data.put("number_observed", 1);
        ObjectNode test = data.putObject("objects").putObject("0");
        test.put("type", "test");
        ObjectNode values = test.putObject("ddots");
        DDOTS.forEach(values::put);
        return ObservationSet.of(List.of(data));
    }

    private static boolean matches(String pattern) {
        return PatternMatcher.match(PatternParser.parse(pattern, "2.0"), ddots()).matched();
    }

    @Test
    void equalityAndSetsCompareCodePointsWithoutNormalising() {
        for (var property : DDOTS.entrySet()) {
            for (var literal : DDOTS.entrySet()) {
                boolean same = property.getKey().equals(literal.getKey());
                String path = "test:ddots." + property.getKey();
                assertThat(matches("[" + path + " = '" + literal.getValue() + "']")).as(property.getKey() + " = " + literal.getKey()).isEqualTo(same);
                assertThat(matches("[" + path + " != '" + literal.getValue() + "']")).as(property.getKey() + " != " + literal.getKey()).isEqualTo(!same);
                assertThat(matches("[" + path + " IN ('" + literal.getValue() + "')]")).as(property.getKey() + " IN " + literal.getKey()).isEqualTo(same);
            }
        }
    }

    @Test
    void likeAndMatchesCompareBothSidesInNormalisationFormC() {
        for (var property : DDOTS.entrySet()) {
            for (var literal : DDOTS.entrySet()) {
                String path = "test:ddots." + property.getKey();
                assertThat(matches("[" + path + " LIKE '" + literal.getValue() + "']")).as(property.getKey() + " LIKE " + literal.getKey()).isTrue();
                assertThat(matches("[" + path + " MATCHES '^" + literal.getValue() + "$']")).as(property.getKey() + " MATCHES " + literal.getKey()).isTrue();
            }
        }
        // After normalisation the value is two characters: LIKE's _ is one character, MATCHES' . one code point.
        assertThat(matches("[test:ddots.nfd LIKE '__']")).isTrue();
        assertThat(matches("[test:ddots.nfd LIKE '___']")).isFalse();
        assertThat(matches("[test:ddots.alt MATCHES '^..$']")).isTrue();
    }

    @Test
    void twoZeroObservedDataReferToEmbeddedObjectsByKey() {
        ObjectNode data = (ObjectNode) StixJson.parseObject("{\"type\":\"observed-data\",\"id\":\"observed-data--a1b2c3d4-0000-4000-8000-000000000002\","
                + "\"first_observed\":\"2016-04-06T19:58:16Z\",\"last_observed\":\"2016-04-06T19:58:16Z\",\"number_observed\":1,"
                + "\"objects\":{\"0\":{\"type\":\"ipv4-addr\",\"value\":\"198.51.100.3\"},\"1\":{\"type\":\"ipv4-addr\",\"value\":\"203.0.113.9\"},"
                + "\"2\":{\"type\":\"network-traffic\",\"src_ref\":\"0\",\"dst_ref\":\"1\",\"dst_port\":443,\"protocols\":[\"tcp\"]}}}", "2.0 data");
        ObservationSet observations = ObservationSet.of(List.of(data));
        assertThat(PatternMatcher.match(PatternParser.parse("[network-traffic:dst_ref.value = '203.0.113.9' AND network-traffic:dst_port = 443]", "2.0"),
                observations).matched()).isTrue();
        assertThat(PatternMatcher.match(PatternParser.parse("[network-traffic:src_ref.value ISSUBSET '198.51.100.0/24']", "2.0"), observations).matched()).isTrue();
        assertThat(PatternMatcher.match(PatternParser.parse("[network-traffic:protocols[*] = 'udp']", "2.0"), observations).matched()).isFalse();
        assertThat(PatternMatcher.match(PatternParser.parse("[ipv4-addr:value = '198.51.100.3'] START '2016-04-06T19:00:00Z' STOP '2016-04-06T20:00:00Z'", "2.0"),
                observations).matched()).isTrue();
    }
}
