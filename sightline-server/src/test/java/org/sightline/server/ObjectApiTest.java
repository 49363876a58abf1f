package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.tokens.Role;

/** Analysts create, version and revoke objects over REST; each change is a new STIX version, checked and audited. */
class ObjectApiTest {
    private static RunningServer server;
    private static String analyst;
    private static String reader;

    @BeforeAll
    static void start() {
        server = RunningServer.start(loaded -> { });
        analyst = server.test().knowledge().tokens().create("analyst", Role.ANALYST, "amber").secret();
        reader = server.test().knowledge().tokens().create("reader", Role.READER, "red").secret();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }



    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return StixJson.mapper().readTree(response.body());
    }

    @Test
    void anAnalystMarksASightingAFalsePositiveAndItsIndicatorLosesScore() throws Exception {
        HttpResponse<String> indicator = server.post("/api/v1/objects", analyst, "{\"type\":\"indicator\",\"name\":\"scanner\","
                + "\"pattern\":\"[ipv4-addr:value = '198.51.100.77']\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-01-01T00:00:00Z\"}");
        assertThat(indicator.statusCode()).as(indicator.body()).isEqualTo(201);
        String indicatorId = json(indicator).path("id").asText();
        HttpResponse<String> sighting = server.post("/api/v1/objects", analyst, "{\"type\":\"sighting\",\"sighting_of_ref\":\"" + indicatorId
                + "\",\"last_seen\":\"" + org.sightline.stix.StixTimestamp.format(java.time.Instant.now()) + "\"}");
        assertThat(sighting.statusCode()).as(sighting.body()).isEqualTo(201);
        String sightingId = json(sighting).path("id").asText();
        String path = "/api/v1/sightings/" + sightingId + "/false-positive";

        assertThat(server.post(path, reader, "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> marked = server.post(path, analyst, "{\"reason\":\"our own vulnerability scanner\"}");
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(201);
        assertThat(json(marked).path("indicator_id").asText()).isEqualTo(indicatorId);
        assertThat(json(marked).path("reason").asText()).isEqualTo("False positive: our own vulnerability scanner");
        assertThat(json(server.post(path, analyst, "{}")).path("already").asBoolean()).isTrue();
        JsonNode scores = json(server.get("/api/v1/indicators", analyst)).path("indicators");
        JsonNode scored = null;
        for (JsonNode score : scores) {
            scored = score.path("id").asText().equals(indicatorId) ? score : scored;
        }
        assertThat(scored.path("false_positives").asInt()).isEqualTo(1);
        assertThat(scored.path("why").asText()).contains("marked false positive");

        HttpResponse<String> notASighting = server.post("/api/v1/sightings/" + indicatorId + "/false-positive", analyst, "{}");
        assertThat(notASighting.statusCode()).isEqualTo(400);
        assertThat(json(notASighting).path("error").path("message").asText()).contains("a false positive is a sighting");
        assertThat(server.post("/api/v1/sightings/sighting--00000000-0000-4000-8000-0000000000ff/false-positive", analyst, "{}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anObjectIsCreatedThenVersionedThenRevokedAndEveryVersionStays() throws Exception {
        HttpResponse<String> created = server.post("/api/v1/objects", analyst,
                "{\"type\":\"malware\",\"name\":\"PlugX\",\"is_family\":true,\"description\":\"RAT used by menuPass\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode first = json(created);
        String id = first.path("id").asText();
        assertThat(id).startsWith("malware--");
        assertThat(first.path("modified").asText()).isEqualTo(first.path("created").asText());
        assertThat(server.post("/api/v1/objects", analyst, first.toString()).statusCode()).isEqualTo(409);

        HttpResponse<String> updated = server.post("/api/v1/objects/" + id + "/versions", analyst,
                "{\"description\":null,\"aliases\":[\"Korplug\",\"Sogu\"]}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(201);
        JsonNode second = json(updated);
        assertThat(second.path("created").asText()).isEqualTo(first.path("created").asText());
        assertThat(second.path("modified").asText()).isGreaterThan(first.path("modified").asText());
        assertThat(second.has("description")).isFalse();
        assertThat(second.path("aliases")).hasSize(2);

        HttpResponse<String> retyped = server.post("/api/v1/objects/" + id + "/versions", analyst, "{\"type\":\"tool\"}");
        assertThat(retyped.statusCode()).isEqualTo(400);
        assertThat(json(retyped).path("error").path("message").asText()).contains("'type' cannot change");

        assertThat(server.post("/api/v1/objects/" + id + "/revoke", analyst, "").statusCode()).isEqualTo(201);
        assertThat(json(server.get("/api/v1/objects/" + id, analyst)).path("revoked").asBoolean()).isTrue();
        assertThat(json(server.get("/api/v1/objects/" + id + "/versions", analyst)).path("versions")).hasSize(3);
        assertThat(server.post("/api/v1/objects/" + id + "/revoke", analyst, "").statusCode()).isEqualTo(409);
    }

    @Test
    void badOrForbiddenWritesAreRefusedAndChangeNothing() throws Exception {
        var before = new java.util.TreeMap<>(server.test().store().countsByType());
        before.remove("extension-definition"); // the first write of the server's life also stores Sightline's definitions
        assertThat(server.post("/api/v1/objects", reader, "{\"type\":\"malware\",\"name\":\"X\",\"is_family\":true}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> invalid = server.post("/api/v1/objects", analyst, "{\"type\":\"indicator\",\"pattern_type\":\"stix\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("error").path("message").asText()).contains("is required for indicator");
        HttpResponse<String> unparsable = server.post("/api/v1/objects", analyst, "{\"type\":\"indicator\",\"pattern_type\":\"stix\","
                + "\"pattern\":\"[ipv4-addr:value = '203.0.113.9'\",\"valid_from\":\"2024-01-01T00:00:00Z\"}");
        assertThat(unparsable.statusCode()).isEqualTo(400);
        assertThat(json(unparsable).path("error").path("message").asText()).contains("'pattern' is not a valid STIX 2.1 pattern", "line 1:");
        HttpResponse<String> tooSecret = server.post("/api/v1/objects", analyst, "{\"type\":\"malware\",\"name\":\"Y\",\"is_family\":true,"
                + "\"object_marking_refs\":[\"" + Tlp.RED.markingId() + "\"]}");
        assertThat(tooSecret.statusCode()).isEqualTo(400);
        assertThat(json(tooSecret).path("error").path("message").asText()).contains("above this token's clearance");
        HttpResponse<String> observable = server.post("/api/v1/objects", analyst, "{\"type\":\"domain-name\",\"id\":"
                + "\"domain-name--3c1d0c0e-6a1e-5c5a-9d2b-1e2f3a4b5c6d\",\"value\":\"a.example\"}");
        assertThat(observable.statusCode()).as(observable.body()).isEqualTo(201);
        assertThat(server.post("/api/v1/objects/domain-name--3c1d0c0e-6a1e-5c5a-9d2b-1e2f3a4b5c6d/versions", analyst, "{\"value\":\"b.example\"}")
                .statusCode()).isEqualTo(400);
        assertThat(server.post("/api/v1/objects/malware--00000000-0000-4000-8000-000000000000/versions", analyst, "{\"name\":\"Z\"}")
                .statusCode()).isEqualTo(404);
        var after = new java.util.TreeMap<>(server.test().store().countsByType());
        after.remove("extension-definition");
        before.merge("domain-name", 1L, Long::sum);
        assertThat(after).isEqualTo(before); // only the observable
    }
}
