package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.demo.DemoData;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.tokens.Role;

/** POST /api/v1/screen over the demo's indictment list, and a private list entry only a TLP:RED token may see. */
class ScreeningApiTest {
    private static final String PRIVATE_ENTRY = "identity--5e0c1f7a-7c1e-4d0e-9a55-000000000001";
    private static RunningServer server;
    private static String green;
    private static String red;

    @BeforeAll
    static void start() {
        server = RunningServer.start(loaded -> {
            DemoData.load(new BundleImporter(loaded.knowledge().intake()));
            loaded.store().write(writer -> {
                writer.put(StixObject.parse("{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"" + PRIVATE_ENTRY + "\","
                        + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"Gao Qiang\","
                        + "\"identity_class\":\"individual\",\"object_marking_refs\":[\"" + Tlp.RED.markingId() + "\"],"
                        + "\"x_sightline_list_entry\":{\"list\":\"partner watch list\",\"entry\":\"7\",\"kind\":\"individual\",\"aliases\":[]}}"));
                return null;
            });
        });
        green = server.token(Role.READER, "green");
        red = server.token(Role.READER, "red");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return StixJson.parseObject(response.body(), "response");
    }

    @Test
    void aSpellingOfAnIndictedNameFindsTheIndictmentWithItsReasons() throws Exception {
        HttpResponse<String> response = server.post("/api/v1/screen", green, "{\"name\":\"ZHANG Shi-long\",\"type\":\"person\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode match = json(response).path("matches").get(0);
        assertThat(match.path("name").asText()).isEqualTo("Zhang Shilong");
        assertThat(match.path("list").asText()).isEqualTo("us_doj_indictments");
        assertThat(match.path("score").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(match.path("reasons").get(0).asText()).contains("split or hyphenated differently");
        assertThat(match.path("programs").get(0).asText()).contains("United States v. Zhu Hua and Zhang Shilong");
    }

    @Test
    void aListEntryMarkedRedIsScreenedOnlyForATokenClearedForRed() throws Exception {
        assertThat(json(server.post("/api/v1/screen", red, "{\"name\":\"Gao Qiang\"}")).path("matches").toString()).contains(PRIVATE_ENTRY);
        assertThat(json(server.post("/api/v1/screen", green, "{\"name\":\"Gao Qiang\"}")).path("matches").toString()).doesNotContain(PRIVATE_ENTRY);

        JsonNode all = json(server.post("/api/v1/screen", red, "{\"all\":true}"));
        assertThat(all.path("flagged").toString()).contains("\"name\":\"Gao Qiang\"", "\"name\":\"Zhu Hua\"");
        assertThat(json(server.post("/api/v1/screen", green, "{\"all\":true}")).path("flagged").toString())
                .contains("\"name\":\"Zhu Hua\"").doesNotContain(PRIVATE_ENTRY);
    }

    @Test
    void badRequestsGetAJsonErrorThatSaysWhat() throws Exception {
        HttpResponse<String> noName = server.post("/api/v1/screen", green, "{\"type\":\"person\"}");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("needs 'name'");
        assertThat(server.post("/api/v1/screen", green, "{\"name\":\"x y\",\"type\":\"vessel\"}").body()).contains("person or organization");
        assertThat(server.post("/api/v1/screen", green, "{\"name\":\"x y\",\"threshold\":\"high\"}").body()).contains("'threshold' must be a number");
        assertThat(server.post("/api/v1/screen", green, "{\"name\":\"x y\",\"threshold\":2}").statusCode()).isEqualTo(400);
        assertThat(server.post("/api/v1/screen", "not-a-token", "{\"name\":\"x y\"}").statusCode()).isEqualTo(401);
    }
}
