package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.stix.json.StixJson;

/** The OpenAPI document describes every route, no more, and the docs page works without the network. */
class OpenApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDocumentDescribesExactlyTheRoutes() throws Exception {
        HttpResponse<String> response = get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = StixJson.mapper().readTree(response.body());
        assertThat(document.path("openapi").asText()).startsWith("3.");
        Set<String> described = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> served = new TreeSet<>();
        server.app().routes().forEach(route -> served.add(route.method() + " " + route.path()));
        assertThat(described).isEqualTo(served);
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void theDocsPageLoadsSwaggerUiFromTheJar() throws Exception {
        HttpResponse<String> page = get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/api/openapi.json", "swagger-ui-bundle.js").doesNotContain("/unknown/");
        String script = page.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        assertThat(get(script).statusCode()).isEqualTo(200);
    }
}
