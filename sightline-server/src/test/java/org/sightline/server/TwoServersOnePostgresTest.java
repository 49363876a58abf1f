package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sightline.stix.json.StixJson;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StoreLocation;
import org.sightline.store.collections.CollectionFilter;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;
import org.sightline.store.tokens.Role;

/**
 * Two servers, each with its own data directory, sharing one PostgreSQL database: what is written
 * through one is read through the other, tokens and collections made on one work on both, and a
 * TAXII client paging through the second while both take writes sees every object once.
 */
class TwoServersOnePostgresTest {
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void writesOnOneAreReadOnTheOtherAndTaxiiPagesNeitherSkipNorRepeat() throws Exception {
        try (TestStore first = Backend.POSTGRESQL.open()) {
            StoreLocation shared = first.knowledge().location();
            Path secondDir = Files.createTempDirectory("sightline-second-node-");
            try (KnowledgeBase second = KnowledgeBase.open(new StoreLocation(secondDir, shared.jdbcUrl(), shared.user(), shared.password()));
                 App one = new App(first.knowledge()).start(ServerOptions.loopback(0));
                 App two = new App(second).start(ServerOptions.loopback(0))) {
                String analyst = first.knowledge().tokens().create("analyst", Role.ANALYST, "red").secret();
                TaxiiCollection everything = first.knowledge().collections().create("Everything", null, CollectionFilter.everything(),
                        Role.READER, Role.ANALYST);

                // A token and a collection made on the first node answer on the second.
                String objects = "/taxii2/api/collections/" + everything.id() + "/objects/";
                assertThat(get(two, objects + "?limit=1", analyst).statusCode()).isEqualTo(200);

                // An object created through the first is read through the second.
                HttpResponse<String> created = send(one, HttpRequest.newBuilder().header("Authorization", "Bearer " + analyst)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(indicator(0))), "/api/v1/objects");
                assertThat(created.statusCode()).isEqualTo(201);
                HttpResponse<String> read = get(two, "/api/v1/objects/" + id(0), analyst);
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(StixJson.mapper().readTree(read.body()).path("id").asText()).isEqualTo(id(0));

                // Both nodes take writes while a client pages through the second.
                ExecutorService writers = Executors.newFixedThreadPool(2);
                List<Future<?>> posts = List.of(writers.submit(() -> post(one, objects, analyst, 1)), writers.submit(() -> post(two, objects, analyst, 2)));
                Set<String> seen = new HashSet<>();
                String next = null;
                String addedAfter = null;
                while (true) {
                    boolean done = posts.stream().allMatch(Future::isDone);
                    HttpResponse<String> response = get(two, objects + "?limit=15" + (next == null ? "" : "&next=" + next)
                            + (addedAfter == null ? "" : "&added_after=" + addedAfter), analyst);
                    JsonNode page = StixJson.mapper().readTree(response.body());
                    for (JsonNode object : page.path("objects")) {
                        assertThat(seen.add(object.path("id").asText())).as("repeated %s", object.path("id").asText()).isTrue();
                    }
                    if (page.path("more").asBoolean()) {
                        next = page.path("next").asText();
                        continue;
                    }
                    if (done) {
                        break;
                    }
                    next = null;
                    addedAfter = response.headers().firstValue("X-TAXII-Date-Added-Last").orElse(addedAfter);
                    Thread.sleep(30);
                }
                for (Future<?> post : posts) {
                    post.get();
                }
                writers.shutdown();
                Set<String> all = new HashSet<>();
                StixJson.mapper().readTree(get(one, objects + "?limit=10000", analyst).body()).path("objects")
                        .forEach(object -> all.add(object.path("id").asText()));
                assertThat(seen).isEqualTo(all); // every object once, whichever node it was written through
                assertThat(all.stream().filter(id -> id.startsWith("indicator--6b1d2c3e"))).hasSize(1 + 2 * 60);
            }
        }
    }

    /** 60 indicators through one node's TAXII endpoint, 20 to an envelope, each awaited until stored. */
    private static Void post(App node, String objects, String token, int writer) throws Exception {
        for (int batch = 0; batch < 3; batch++) {
            StringBuilder envelope = new StringBuilder("{\"objects\":[");
            for (int i = 0; i < 20; i++) {
                envelope.append(i == 0 ? "" : ",").append(indicator(writer * 1000 + batch * 20 + i));
            }
            HttpResponse<String> accepted = send(node, HttpRequest.newBuilder().header("Accept", TAXII).header("Authorization", "Bearer " + token)
                    .header("Content-Type", TAXII).POST(HttpRequest.BodyPublishers.ofString(envelope.append("]}").toString())), objects);
            String status = StixJson.mapper().readTree(accepted.body()).path("id").asText();
            for (int tries = 0; tries < 500; tries++) {
                if (StixJson.mapper().readTree(get(node, "/taxii2/api/status/" + status + "/", token).body()).path("status").asText().equals("complete")) {
                    break;
                }
                Thread.sleep(10);
            }
        }
        return null;
    }

    private static String id(int number) {
        return String.format("indicator--6b1d2c3e-4f5a-4b6c-8d7e-%012d", number);
    }

    private static String indicator(int number) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id(number) + "\",\"created\":\"2024-01-01T00:00:00.000Z\","
                + "\"modified\":\"2024-01-01T00:00:00.000Z\",\"pattern\":\"[domain-name:value = 'n" + number + ".example']\","
                + "\"pattern_type\":\"stix\",\"valid_from\":\"2024-01-01T00:00:00Z\"}";
    }

    private static HttpResponse<String> get(App node, String path, String token) throws Exception {
        return send(node, HttpRequest.newBuilder().header("Accept", path.startsWith("/taxii2") ? TAXII : "application/json")
                .header("Authorization", "Bearer " + token), path);
    }

    private static HttpResponse<String> send(App node, HttpRequest.Builder request, String path) throws Exception {
        return HTTP.send(request.uri(URI.create("http://127.0.0.1:" + node.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
