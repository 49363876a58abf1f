package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.TestStore;

/** The HTTP API on a real server over loopback, with the menuPass/APT3 slice of ATT&CK loaded. */
class AppTest {
    private static final String MENUPASS = "intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f";
    private static TestStore test;
    private static RunningServer server;
    private static App app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String token;

    @BeforeAll
    static void start() {
        server = RunningServer.start(loaded -> {
            new BundleImporter(loaded.knowledge().intake())
                    .importPaths(List.of(SharedData.menuPassSubset()), ImportOptions.strict(), ImportProgress.NONE);
        });
        test = server.test();
        app = server.app();
        token = server.token(org.sightline.store.tokens.Role.READER);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Answer(int status, JsonNode body, String contentType) {
    }

    private static Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), StixJson.mapper().readTree(response.body()),
                response.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void healthAnswers() throws Exception {
        Answer health = get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void actorsResolveAnyNameToTheSameJsonAsTheCommandLine() throws Exception {
        Answer answer = get("/api/v1/actors?q=stone%20panda");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode match = answer.body().path("match");
        assertThat(match.path("id").asText()).isEqualTo(MENUPASS);
        assertThat(match.path("external_id").asText()).isEqualTo("G0045");
        assertThat(match.path("techniques").asInt()).isGreaterThan(30);
        assertThat(match.path("aliases").toString()).contains("APT10");
        assertThat(answer.body().path("candidates").get(0).path("score").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void anActorsFullCardIsServedById() throws Exception {
        Answer card = get("/api/v1/actors/" + MENUPASS);
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body().path("external_id").asText()).isEqualTo("G0045");
        assertThat(card.body().path("techniques_by_tactic").size()).isGreaterThan(3);
        assertThat(get("/api/v1/actors/intrusion-set--00000000-0000-4000-8000-000000000000").status()).isEqualTo(404);
        Answer timeline = get("/api/v1/actors/" + MENUPASS + "/timeline?as_of=2025-01-01");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body().path("events").size()).isGreaterThan(0);
        assertThat(get("/api/v1/actors/" + MENUPASS + "/timeline?as_of=yesterday").status()).isEqualTo(400);
    }

    @Test
    void anUnknownActorIsA404WithCandidates() throws Exception {
        Answer answer = get("/api/v1/actors?q=Stone%20Pandemonium");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("error").path("code").asText()).isEqualTo("not_found");
        assertThat(answer.body().path("candidates").get(0).path("id").asText()).isEqualTo(MENUPASS);
    }

    @Test
    void objectsByIdAndTheirVersions() throws Exception {
        Answer object = get("/api/v1/objects/" + MENUPASS);
        assertThat(object.status()).isEqualTo(200);
        assertThat(object.body().path("name").asText()).isEqualTo("menuPass");
        assertThat(get("/api/v1/objects/" + MENUPASS + "/versions").body().path("versions").size()).isEqualTo(1);

        Answer missing = get("/api/v1/objects/intrusion-set--00000000-0000-4000-8000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("error").path("message").asText()).contains("no object intrusion-set--00000000");
    }

    @Test
    void searchAndStats() throws Exception {
        Answer search = get("/api/v1/search?q=menupass&type=intrusion-set&limit=5");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().path("hits").get(0).path("id").asText()).isEqualTo(MENUPASS);
        assertThat(search.body().path("truncated").asBoolean()).isFalse();
        // an external id, in any case, is an exact answer beside the ranked hits; a cut list says so
        JsonNode exact = get("/api/v1/search?q=g0045").body().path("exact");
        assertThat(exact).hasSize(1);
        assertThat(exact.get(0).path("id").asText()).isEqualTo(MENUPASS);
        assertThat(get("/api/v1/search?q=menupass&limit=1").body().path("truncated").asBoolean()).isTrue();
        assertThat(get("/api/v1/search?q=menupass").body().path("exact")).isEmpty();

        Answer stats = get("/api/v1/stats");
        assertThat(stats.body().path("objects_by_type").path("intrusion-set").asInt()).isEqualTo(2);
        assertThat(stats.body().path("relationships").asInt()).isGreaterThan(100);
    }

    @Test
    void badInputIsA400WithAJsonError() throws Exception {
        Answer noQuery = get("/api/v1/search");
        assertThat(noQuery.status()).isEqualTo(400);
        assertThat(noQuery.body().path("error").path("message").asText()).contains("'q' is required");
        assertThat(get("/api/v1/search?q=x&limit=0").status()).isEqualTo(400);
        assertThat(get("/api/v1/search?q=x&limit=ten").body().path("error").path("message").asText()).contains("whole number");
    }

    private static Answer post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), StixJson.mapper().readTree(response.body()),
                response.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void patternsAreValidatedWithPositionsForErrors() throws Exception {
        Answer valid = post("/api/v1/patterns/validate", "{\"pattern\":\"[ipv4-addr:value = '198.51.100.1']\"}");
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.body().path("valid").asBoolean()).isTrue();

        Answer invalid = post("/api/v1/patterns/validate", "{\"pattern\":\"[file:size = ]\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("error").path("kind").asText()).isEqualTo("parse_error");
        assertThat(invalid.body().path("position").path("column").asInt()).isEqualTo(13);

        assertThat(post("/api/v1/patterns/validate", "not json").status()).isEqualTo(400);
        assertThat(post("/api/v1/patterns/validate", "{}").body().path("error").path("message").asText()).contains("pattern");
    }

    @Test
    void aPatternIsMatchedAgainstPostedObservations() throws Exception {
        String observations = "[{\"type\":\"observed-data\",\"id\":\"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf\","
                + "\"first_observed\":\"2018-08-31T10:00:00Z\",\"last_observed\":\"2018-08-31T10:00:00Z\",\"number_observed\":1,"
                + "\"object_refs\":[\"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd\"]},"
                + "{\"type\":\"ipv4-addr\",\"id\":\"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd\",\"value\":\"198.51.100.7\"}]";
        Answer match = post("/api/v1/patterns/match", "{\"pattern\":\"[ipv4-addr:value ISSUBSET '198.51.100.0/24']\","
                + "\"stix_version\":\"2.1\",\"observations\":" + observations + "}");
        assertThat(match.status()).isEqualTo(200);
        assertThat(match.body().path("matched").asBoolean()).isTrue();
        assertThat(match.body().path("bindings").get(0).get(0).asText()).isEqualTo("observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf");

        Answer noMatch = post("/api/v1/patterns/match", "{\"pattern\":\"[ipv4-addr:value = '10.0.0.1']\",\"observations\":" + observations + "}");
        assertThat(noMatch.body().path("matched").asBoolean()).isFalse();

        Answer matcherError = post("/api/v1/patterns/match", "{\"pattern\":\"[ipv4-addr:value ISSUBSET '1.2.3.4/99']\",\"observations\":" + observations + "}");
        assertThat(matcherError.status()).isEqualTo(400);
        assertThat(matcherError.body().path("error").path("kind").asText()).isEqualTo("matcher_error");

        Answer parseError = post("/api/v1/patterns/match", "{\"pattern\":\"[ipv4-addr:value = ]\",\"observations\":[]}");
        assertThat(parseError.status()).isEqualTo(400);
        assertThat(parseError.body().path("error").path("kind").asText()).isEqualTo("parse_error");
    }

    /** {@code count} observed-data objects of one domain name, a second apart, as a JSON list. */
    private static String domains(int count) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            String time = String.format("2024-01-01T00:%02d:%02d.000Z", i / 60, i % 60);
            list.append(i == 0 ? "" : ",").append("{\"type\":\"observed-data\",\"spec_version\":\"2.1\",\"id\":\"observed-data--")
                    .append(String.format("%08d", i)).append("-0000-4000-8000-000000000000\",\"created\":\"").append(time)
                    .append("\",\"modified\":\"").append(time).append("\",\"first_observed\":\"").append(time)
                    .append("\",\"last_observed\":\"").append(time).append("\",\"number_observed\":1,")
                    .append("\"objects\":{\"0\":{\"type\":\"domain-name\",\"value\":\"").append("a".repeat(30)).append("\"}}}");
        }
        return list.append("]").toString();
    }

    @Test
    void aPatternThatWouldHoldTheServerIsStoppedWithA422NamingTheLimit() throws Exception {
        Answer regex = post("/api/v1/patterns/match", "{\"pattern\":\"[domain-name:value MATCHES '(.*a){31}']\",\"observations\":"
                + domains(1) + "}");
        assertThat(regex.status()).isEqualTo(422);
        assertThat(regex.body().path("error").path("code").asText()).isEqualTo("limit_exceeded");
        assertThat(regex.body().path("error").path("message").asText()).contains("longer than 2000 ms");

        Answer repeats = post("/api/v1/patterns/match", "{\"pattern\":\"([domain-name:value LIKE 'a%'] REPEATS 10 TIMES) AND "
                + "[domain-name:value = 'never.example']\",\"observations\":" + domains(100) + "}");
        assertThat(repeats.status()).isEqualTo(422);
        assertThat(repeats.body().path("error").path("message").asText()).contains("more than 1000000 candidate bindings");

        assertThat(get("/health").status()).as("the server still answers").isEqualTo(200);
    }

    @Test
    void anUnknownRouteIsA404WithAJsonError() throws Exception {
        Answer answer = get("/api/v1/nothing-here");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("error").path("code").asText()).isEqualTo("not_found");
    }
}
