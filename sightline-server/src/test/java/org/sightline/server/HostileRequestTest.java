package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.stix.json.StixJson;
import org.sightline.store.tokens.AuditEntry;
import org.sightline.store.tokens.Role;

/**
 * Requests a hostile client sends: a token in the URL, a flood of bad credentials, a forged Host
 * header, a decompression bomb, a document nested a thousand deep, a file that is not JSON, a
 * partner token on the REST API. Each gets a 4xx naming the rule, and nothing is stored or logged
 * that should not be.
 */
class HostileRequestTest {
    private static RunningServer server;
    private static String analyst;

    @BeforeAll
    static void start() {
        server = RunningServer.start(loaded -> { });
        analyst = server.token(Role.ANALYST, "amber");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return StixJson.mapper().readTree(response.body()).path("error");
    }

    private static HttpResponse<String> upload(String filename, byte[] body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/import?filename=" + filename))
                .header("Authorization", "Bearer " + analyst).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void aTokenInTheQueryStringIsRefusedAndNeverLogged() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/stats?token=" + analyst)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("code").asText()).isEqualTo("credential_in_url");
        List<AuditEntry> audit = server.test().knowledge().audit().since(null, 1000);
        assertThat(audit).isNotEmpty().noneMatch(entry -> entry.path().contains(analyst));
        assertThat(audit).anyMatch(entry -> entry.path().equals("/api/v1/stats?token=***"));
    }

    @Test
    void aFloodOfBadCredentialsIsSlowedAndDoesNotFillTheAuditLog() throws Exception {
        // a server of its own: the flood uses up this address's allowance of refusals
        try (RunningServer flooded = RunningServer.start(loaded -> { })) {
            int refused = 0;
            int slowed = 0;
            for (int i = 0; i < 400; i++) {
                int status = flooded.send(HttpRequest.newBuilder(flooded.uri("/api/v1/stats")).header("Authorization", "Bearer wrong-" + i))
                        .statusCode();
                refused += status == 401 ? 1 : 0;
                slowed += status == 429 ? 1 : 0;
            }
            assertThat(refused + slowed).isEqualTo(400);
            assertThat(slowed).isPositive();
            assertThat(flooded.test().knowledge().audit().since(null, 100_000)).hasSize(refused);
        }
    }

    @Test
    void taxiiDiscoveryNamesTheServersOwnAddressNotTheHostHeader() throws Exception {
        // Java's HTTP client will not send a forged Host header; a socket will
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.app().port())) {
            socket.getOutputStream().write(("GET /taxii2/ HTTP/1.1\r\nHost: evil.example\r\nAccept: application/taxii+json;version=2.1\r\n"
                    + "Authorization: Bearer " + analyst + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 200").doesNotContain("evil.example")
                .contains("http://127.0.0.1:" + server.app().port() + "/taxii2/api/");
        assertThat(new ServerOptions("0.0.0.0", 8080, null, "https://cti.example.org/").baseUrl(8080)).isEqualTo("https://cti.example.org");
    }

    @Test
    void aDecompressionBombIsRefusedNamingTheLimit() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write('[');
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 100; i++) { // 100 MiB of white space, a few hundred KB packed
                gzip.write(spaces);
            }
            gzip.write(']');
        }
        long before = server.test().store().stats().versions();
        HttpResponse<String> response = upload("bomb.json.gz", packed.toByteArray());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(error(response).path("message").asText()).contains("decompression bomb", "times its compressed size");
        assertThat(server.test().store().stats().versions()).isEqualTo(before);
    }

    @Test
    void aDocumentNestedAThousandDeepIsRefusedOnTheWayIn() throws Exception {
        String deep = "{\"type\":\"bundle\",\"id\":\"bundle--0a0b0c0d-0000-4000-8000-000000000001\",\"objects\":[{\"type\":\"note\","
                + "\"spec_version\":\"2.1\",\"id\":\"note--0a0b0c0d-0000-4000-8000-000000000002\",\"created\":\"2024-01-01T00:00:00.000Z\","
                + "\"modified\":\"2024-01-01T00:00:00.000Z\",\"content\":\"x\",\"object_refs\":[\"note--0a0b0c0d-0000-4000-8000-000000000002\"],"
                + "\"x_deep\":" + "[".repeat(1000) + "]".repeat(1000) + "}]}";
        HttpResponse<String> imported = upload("deep.json", deep.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).isEqualTo(422);
        assertThat(error(imported).path("message").asText()).contains("nests at most 64 levels");
        HttpResponse<String> posted = server.post("/api/v1/objects", analyst, "{\"type\":\"note\",\"x_deep\":"
                + "[".repeat(1000) + "]".repeat(1000) + "}");
        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(server.test().store().current("note--0a0b0c0d-0000-4000-8000-000000000002")).isEmpty();
    }

    @Test
    void aFileThatIsNotJsonIsA400NamingIt() throws Exception {
        for (String body : List.of("{\"type\": ", "not json at all", "{\"response\": [")) {
            HttpResponse<String> response = upload("broken.json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("broken.json").doesNotContain("/tmp/");
        }
        HttpResponse<String> truncated = upload("cut.json.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2});
        assertThat(truncated.statusCode()).isEqualTo(400);
        HttpResponse<String> unsure = server.send(HttpRequest.newBuilder(server.uri("/api/v1/import?filename=a.json&skip_invalid=maybe"))
                .header("Authorization", "Bearer " + analyst).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(unsure.statusCode()).isEqualTo(400);
        assertThat(error(unsure).path("message").asText()).contains("skip_invalid must be true or false, not 'maybe'");
    }

    @Test
    void aParameterOutOfItsRangeIsA400NamingItAsTheApiDoes() throws Exception {
        for (var asked : Map.of("/api/v1/sensor-exports/zeek-intel?min_score=2", "'min_score' is a score (see GET /api/v1/indicators) from 0 to 1, not '2'",
                "/api/v1/sensor-exports/zeek-intel?min_confidence=7.5", "'min_confidence' is a STIX confidence from 0 to 100, not '7.5'",
                "/api/v1/sightings?limit=0", "'limit' must be between 1 and 1000, got 0",
                "/api/v1/indicators?status=sleeping", "'status' is active, expired, pending, revoked, not 'sleeping'",
                "/api/v1/exposure?as_of=yesterday", "'as_of' must be a date (2018-12-21) or a timestamp").entrySet()) {
            HttpResponse<String> response = server.get(asked.getKey(), analyst);
            assertThat(response.statusCode()).as(asked.getKey()).isEqualTo(400);
            assertThat(error(response).path("message").asText()).as(asked.getKey()).contains(asked.getValue());
        }
    }

    @Test
    void aPartnerTokenLimitedToCollectionsReadsNothingThroughTheRestApi() throws Exception {
        String partner = server.test().knowledge().tokens().create("partner", Role.READER, "green", List.of("collection-x")).secret();
        for (String path : List.of("/api/v1/stats", "/api/v1/search?q=apt", "/api/v1/claims", "/api/v1/exposure")) {
            HttpResponse<String> response = server.get(path, partner);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(error(response).path("message").asText()).contains("limited to the TAXII collections");
        }
    }
}
