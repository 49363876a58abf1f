package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.stix.json.StixJson;
import org.sightline.store.testing.TestStore;
import org.sightline.store.tokens.Role;

/** Every endpoint but /health wants a token, and a token may do only what its role allows. */
class AccessTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestStore test;
    private static RunningServer server;
    private static App app;
    private static String reader;
    private static String analyst;

    @BeforeAll
    static void start() {
        server = RunningServer.start(loaded -> { });
        test = server.test();
        app = server.app();
        reader = test.knowledge().tokens().create("reader", Role.READER, "green").secret();
        analyst = test.knowledge().tokens().create("analyst", Role.ANALYST, "amber").secret();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return StixJson.mapper().readTree(response.body()).path("error");
    }

    @Test
    void healthIsOpenAndEverythingElseWantsAToken() throws Exception {
        assertThat(call("GET", "/health", null).statusCode()).isEqualTo(200);
        HttpResponse<String> missing = call("GET", "/api/v1/stats", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(error(missing).path("code").asText()).isEqualTo("unauthorized");
        assertThat(call("GET", "/api/v1/stats", "Bearer sl_not-a-token").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/stats", "Basic dXNlcjpwYXNz").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/stats", "Bearer " + reader).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenNobodyLearnsWhetherAnObjectExists() throws Exception {
        HttpResponse<String> absent = call("GET", "/api/v1/objects/intrusion-set--00000000-0000-4000-8000-000000000000", null);
        assertThat(absent.statusCode()).isEqualTo(401);
        assertThat(absent.body()).doesNotContain("intrusion-set--");
    }

    @Test
    void aReaderReadsButCannotWrite() throws Exception {
        HttpResponse<String> write = call("POST", "/api/v1/claims", "Bearer " + reader);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(error(write).path("message").asText()).contains("reader", "analyst");
        // an analyst passes the gate and meets the request's own checks instead
        assertThat(call("POST", "/api/v1/claims", "Bearer " + analyst).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/similar", "Bearer " + reader).statusCode()).isNotIn(401, 403);
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() throws Exception {
        var issued = test.knowledge().tokens().create("short-lived", Role.READER, "clear");
        assertThat(call("GET", "/api/v1/stats", "Bearer " + issued.secret()).statusCode()).isEqualTo(200);
        assertThat(test.knowledge().tokens().revoke(issued.token().id())).isTrue();
        assertThat(call("GET", "/api/v1/stats", "Bearer " + issued.secret()).statusCode()).isEqualTo(401);
        assertThat(test.knowledge().tokens().revoke(issued.token().id())).isFalse();
    }

    @Test
    void everyRequestIsAuditedWithTheTokenIdButNeverTheSecret() throws Exception {
        String since = org.sightline.stix.StixTimestamp.format(java.time.Instant.now().minusSeconds(1));
        call("GET", "/api/v1/stats?x=1", "Bearer " + reader);
        call("POST", "/api/v1/claims", "Bearer " + reader);
        call("POST", "/api/v1/claims", "Bearer " + analyst);
        call("GET", "/api/v1/stats", "Bearer sl_wrong");
        var entries = test.knowledge().audit().since(since, 100);
        assertThat(entries).extracting(e -> e.method() + " " + e.path() + " " + e.status() + " " + e.role())
                .contains("GET /api/v1/stats?x=1 200 reader", "POST /api/v1/claims 403 reader", "POST /api/v1/claims 400 analyst",
                        "GET /api/v1/stats 401 null");
        assertThat(entries).allSatisfy(e -> assertThat(e.remote()).isNotBlank());
        assertThat(entries.toString()).doesNotContain(reader).doesNotContain(analyst);
    }

    @Test
    void anOversizedRequestGetsAJson413WithTheLimit() throws Exception {
        byte[] body = new byte[(int) App.MAX_REQUEST_BYTES + 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/claims"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + analyst).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).path("message").asText()).contains("16 MB");
    }

    @Test
    void onlyAHashOfTheSecretIsStored() {
        var issued = test.knowledge().tokens().create("hashed", Role.ADMIN, "red");
        assertThat(issued.secret()).startsWith("sl_").hasSizeGreaterThan(40);
        assertThat(test.knowledge().tokens().list().toString()).doesNotContain(issued.secret());
        assertThat(issued.token().role().includes(Role.ANALYST)).isTrue();
        assertThat(Role.READER.includes(Role.ANALYST)).isFalse();
    }
}
