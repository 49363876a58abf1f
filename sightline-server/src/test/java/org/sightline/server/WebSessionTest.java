package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.server.auth.WebSessions;
import org.sightline.stix.json.StixJson;
import org.sightline.store.tokens.Role;
import org.sightline.store.tokens.TokenStore;

/** The web session a page trades its token for, so that the browser's other tabs open signed in. */
class WebSessionTest {
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(loaded -> { });
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

    /** The cookie's "name=value" from a Set-Cookie answer. */
    private static String cookieOf(HttpResponse<String> response) {
        String header = response.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    private static HttpResponse<String> withCookie(String method, String path, String cookie, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("Cookie", cookie)
                .header("Content-Type", "application/json").method(method, method.equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (csrf != null) {
            request.header(WebSessions.CSRF_HEADER, csrf);
        }
        return server.send(request);
    }

    @Test
    void aTokenTradedForASessionSignsInEveryTabWritesNeedTheCsrfTokenAndRevokingTheTokenEndsIt() throws Exception {
        TokenStore.Issued analyst = server.test().knowledge().tokens().create("browser", Role.ANALYST, "amber");
        HttpResponse<String> started = server.post("/api/v1/session", analyst.secret(), "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String setCookie = started.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(WebSessions.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200");
        assertThat(setCookie).doesNotContain(analyst.secret());
        String csrf = json(started).path("csrf_token").asText();
        assertThat(csrf).hasSizeGreaterThan(20);
        String cookie = cookieOf(started);

        // A new tab: the cookie alone reads, and learns the CSRF token and who it is signed in as
        JsonNode session = json(withCookie("GET", "/api/v1/session", cookie, null));
        assertThat(session.path("csrf_token").asText()).isEqualTo(csrf);
        assertThat(session.path("role").asText()).isEqualTo("analyst");
        assertThat(withCookie("GET", "/api/v1/stats", cookie, null).statusCode()).isEqualTo(200);

        // A write with the cookie but without (or with a wrong) CSRF token is what a forged request looks like
        String indicator = "{\"type\":\"indicator\",\"pattern\":\"[domain-name:value = 'a.example']\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"2018-01-01T00:00:00Z\"}";
        HttpResponse<String> forged = server.send(HttpRequest.newBuilder(server.uri("/api/v1/objects")).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(indicator)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).path("error").path("message").asText()).contains("X-CSRF-Token");
        assertThat(withCookie("POST", "/api/v1/objects", cookie, csrf + "x").statusCode()).isEqualTo(403);
        HttpResponse<String> written = server.send(HttpRequest.newBuilder(server.uri("/api/v1/objects")).header("Cookie", cookie)
                .header(WebSessions.CSRF_HEADER, csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(indicator)));
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        // The session is only ever made from a token, not from another session
        assertThat(withCookie("POST", "/api/v1/session", cookie, csrf).statusCode()).isEqualTo(400);

        assertThat(server.test().knowledge().tokens().revoke(analyst.token().id())).isTrue();
        HttpResponse<String> afterRevoke = withCookie("GET", "/api/v1/stats", cookie, null);
        assertThat(afterRevoke.statusCode()).isEqualTo(401);
        assertThat(json(afterRevoke).path("error").path("message").asText()).contains("session has ended");
        assertThat(json(withCookie("GET", "/api/v1/session", cookie, null)).path("signed_in").asBoolean()).isFalse();
    }

    @Test
    void signingOutEndsTheSessionForEveryTabAndAnUnknownCookieIsRefused() throws Exception {
        String reader = server.token(Role.READER, "green");
        HttpResponse<String> started = server.post("/api/v1/session", reader, "");
        String cookie = cookieOf(started);
        String csrf = json(started).path("csrf_token").asText();
        assertThat(withCookie("DELETE", "/api/v1/session", cookie, null).statusCode()).as("signing out is a write").isEqualTo(403);
        HttpResponse<String> out = withCookie("DELETE", "/api/v1/session", cookie, csrf);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(withCookie("GET", "/api/v1/stats", cookie, null).statusCode()).isEqualTo(401);
        assertThat(withCookie("GET", "/api/v1/stats", WebSessions.COOKIE + "=made-up", null).statusCode()).isEqualTo(401);
        HttpResponse<String> none = server.send(HttpRequest.newBuilder(server.uri("/api/v1/session")));
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(json(none).path("signed_in").asBoolean()).isFalse();
        assertThat(json(none).has("csrf_token")).isFalse();
    }
}
