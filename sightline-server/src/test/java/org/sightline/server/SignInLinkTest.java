package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.server.auth.SignInLinks;
import org.sightline.stix.json.StixJson;
import org.sightline.store.tokens.Role;

/** The demo's sign-in link: a one-time code traded for a new admin token, never a token in a URL. */
class SignInLinkTest {
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

    private static HttpResponse<String> trade(String code) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/signin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")));
    }

    @Test
    void aLinkSignsOneBrowserInOnceWithANewAdminToken() throws Exception {
        String code = server.app().signInLinks().issue();
        String link = SignInLinks.link("http://127.0.0.1:8080", code);
        assertThat(link).isEqualTo("http://127.0.0.1:8080/ui/#signin=" + code);

        HttpResponse<String> traded = trade(code);
        assertThat(traded.statusCode()).isEqualTo(200);
        JsonNode body = StixJson.mapper().readTree(traded.body());
        String secret = body.path("token").asText();
        assertThat(body.path("role").asText()).isEqualTo("admin");
        assertThat(link).doesNotContain(secret);
        assertThat(server.get("/api/v1/stats", secret).statusCode()).isEqualTo(200);
        assertThat(server.test().knowledge().tokens().authenticate(secret).orElseThrow().role()).isEqualTo(Role.ADMIN);

        HttpResponse<String> again = trade(code);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(StixJson.mapper().readTree(again.body()).path("error").path("message").asText())
                .contains("unknown, already used or expired");
    }

    @Test
    void aMadeUpCodeOrABodyThatIsNotJsonGetsNoToken() throws Exception {
        int before = server.test().knowledge().tokens().list().size();
        assertThat(trade("made-up-code").statusCode()).isEqualTo(401);
        HttpResponse<String> form = server.send(HttpRequest.newBuilder(server.uri("/api/v1/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("code=x")));
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(server.test().knowledge().tokens().list()).hasSize(before);
    }

    @Test
    void aCodeExpiresAfterItsLifetime() {
        Instant issued = Instant.parse("2026-12-02T12:00:00Z");
        MutableClock clock = new MutableClock(issued);
        SignInLinks links = new SignInLinks(server.test().knowledge().tokens(), clock);
        String code = links.issue();
        clock.now = issued.plus(SignInLinks.LIFETIME).plus(Duration.ofSeconds(1));
        assertThat(links.redeem(code)).isEmpty();
        String fresh = links.issue();
        assertThat(links.redeem(fresh)).isPresent();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
