package org.sightline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.cli.stream.SightingsCommand;
import org.sightline.ingest.taxii.Credentials;
import org.sightline.ingest.taxii.TaxiiClient;
import org.sightline.ingest.taxii.TaxiiEndpoint;
import org.sightline.ingest.taxii.TaxiiPull;
import org.sightline.server.App;
import org.sightline.server.ServerOptions;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StoreLocation;
import org.sightline.store.collections.CollectionFilter;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.tokens.Role;
import org.sightline.stream.kafka.SightingsConsumer;

/**
 * Every way objects come in — `sightline import`, the web upload (POST /api/v1/import), TAXII POST,
 * TAXII pull and the Kafka sightings consumer's destination — goes through the store's one intake:
 * each takes the same STIX 2.0 object (and stores it upgraded to 2.1), and each refuses the same
 * invalid object with the same reasons, storing nothing of it. Before, TAXII POST validated
 * without upgrading, the Kafka consumer validated nothing, and clearance refusals were worded
 * three ways.
 */
class EveryWayInTest {
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String BROKEN_ID = "indicator--6b1f3c57-64b2-4d1b-9b6e-0c3f2d8a1e01";

    @TempDir
    Path dataDir;

    /** A STIX 2.0 identity: no spec_version. Each way gets its own id, so each acceptance is its own. */
    private static ObjectNode stix20(int way) {
        return StixJson.parseObject("{\"type\":\"identity\",\"id\":\"identity--6b1f3c57-64b2-4d1b-9b6e-0c3f2d8a1f0" + way + "\","
                + "\"created\":\"2016-04-06T20:03:00.000Z\",\"modified\":\"2016-04-06T20:03:00.000Z\","
                + "\"name\":\"Partner CERT " + way + "\",\"identity_class\":\"organization\"}", "test");
    }

    /** An indicator whose pattern does not parse, and which has no valid_from. */
    private static ObjectNode broken() {
        return StixJson.parseObject("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + BROKEN_ID + "\","
                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
                + "\"pattern\":\"[ipv4-addr:value = ]\",\"pattern_type\":\"stix\"}", "test");
    }

    private static String bundle(ObjectNode object) {
        return "{\"type\":\"bundle\",\"id\":\"bundle--6b1f3c57-64b2-4d1b-9b6e-0c3f2d8a1e99\",\"objects\":[" + StixJson.write(object) + "]}";
    }

    @Test
    void everyWayInTakesAndRefusesTheSameObjectsForTheSameReasons() throws Exception {
        List<String> reasons;
        // 1. the command line
        Path good = Files.writeString(dataDir.resolve("good.json"), bundle(stix20(1)));
        Path bad = Files.writeString(dataDir.resolve("bad.json"), bundle(broken()));
        Path store = dataDir.resolve("store");
        assertThat(cli(store, "import", good.toString()).exit).isZero();
        Cli refused = cli(store, "import", bad.toString());
        assertThat(refused.exit).isNotZero();

        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(store))) {
            reasons = knowledge.intake().check(broken(), "x", null).errors();
            assertThat(reasons).as("the policy's reasons").hasSizeGreaterThanOrEqualTo(2)
                    .anyMatch(reason -> reason.contains("pattern")).anyMatch(reason -> reason.contains("valid_from"));
            assertThat(refused.err + refused.out).as("import").contains(reasons);
            assertStoredUpgraded(knowledge, 1);

            try (App server = new App(knowledge).start(ServerOptions.loopback(0))) {
                String base = "http://127.0.0.1:" + server.port();
                String token = knowledge.tokens().create("every way in", Role.ANALYST, "red").secret();
                HttpClient http = HttpClient.newHttpClient();

                // 2. the web upload
                HttpResponse<String> uploaded = http.send(post(base + "/api/v1/import?filename=good.json", token, "application/json",
                        bundle(stix20(2))), HttpResponse.BodyHandlers.ofString());
                assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
                assertStoredUpgraded(knowledge, 2);
                HttpResponse<String> upRefused = http.send(post(base + "/api/v1/import?filename=bad.json", token, "application/json",
                        bundle(broken())), HttpResponse.BodyHandlers.ofString());
                assertThat(upRefused.statusCode()).isEqualTo(400);
                assertThat(upRefused.body()).as("upload").contains(reasons);

                // 3. TAXII POST
                TaxiiCollection collection = knowledge.collections().create("Inbox", null, CollectionFilter.everything(),
                        Role.READER, Role.ANALYST);
                String objects = base + "/taxii2/api/collections/" + collection.id() + "/objects/";
                JsonNode posted = completed(http, base, token, http.send(post(objects, token, TAXII,
                        "{\"objects\":[" + StixJson.write(stix20(3)) + "," + StixJson.write(broken()) + "]}"),
                        HttpResponse.BodyHandlers.ofString()));
                assertThat(posted.path("success_count").asInt()).isEqualTo(1);
                assertThat(posted.path("failures").get(0).path("id").asText()).isEqualTo(BROKEN_ID);
                assertThat(posted.path("failures").get(0).path("message").asText()).as("TAXII POST").contains(reasons);
                assertStoredUpgraded(knowledge, 3);
            }

            // 4. TAXII pull, from a server that hands out both objects
            HttpServer remote = remote(List.of(stix20(4), broken()));
            try {
                TaxiiClient client = new TaxiiClient(Credentials.none(), new TaxiiClient.Backoff(1, Duration.ofMillis(10), Duration.ofMillis(10)));
                TaxiiPull.Report pulled = new TaxiiPull(knowledge.intake(), client).pull(
                        TaxiiEndpoint.locate(client, "http://127.0.0.1:" + remote.getAddress().getPort() + "/api-root/", "c1"), null, 100);
                assertThat(pulled.added()).isEqualTo(1);
                assertThat(pulled.rejected()).isEqualTo(1);
                assertThat(String.join("\n", pulled.rejections())).as("TAXII pull").contains(reasons);
                assertStoredUpgraded(knowledge, 4);
            } finally {
                remote.stop(0);
            }

            // 5. the Kafka sightings consumer's destination, as `sightline sightings consume` wires it
            SightingsConsumer.Destination kafka = SightingsCommand.destination(knowledge);
            assertThat(kafka.write(Map.of("sightings@0:1", List.of(stix20(5)))).added()).isEqualTo(1);
            assertStoredUpgraded(knowledge, 5);
            SightingsConsumer.Written record = kafka.write(Map.of("sightings@0:2", List.of(broken())));
            assertThat(record.added()).isZero();
            assertThat(String.join("\n", record.refused())).as("Kafka").contains(reasons).contains("sightings@0:2");

            assertThat(knowledge.store().current(BROKEN_ID)).as("no way in stored the invalid object").isEmpty();
        }
    }

    private static void assertStoredUpgraded(KnowledgeBase knowledge, int way) {
        StixObject stored = knowledge.store().current(stix20(way).path("id").asText()).orElseThrow(
                () -> new AssertionError("way " + way + " did not store the STIX 2.0 object"));
        assertThat(stored.text("spec_version")).as("way " + way + " upgraded it").isEqualTo("2.1");
    }

    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(Path store, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = store.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = Sightline.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), all);
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static HttpRequest post(String url, String token, String type, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Content-Type", type)
                .header("Accept", type.equals(TAXII) ? TAXII : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The submission's status once the server has stored what it could. */
    private static JsonNode completed(HttpClient http, String base, String token, HttpResponse<String> accepted) throws Exception {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = StixJson.mapper().readTree(accepted.body()).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base + "/taxii2/api/status/" + id + "/"))
                    .header("Authorization", "Bearer " + token).header("Accept", TAXII).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = StixJson.mapper().readTree(status.body());
            if ("complete".equals(body.path("status").asText())) {
                return body;
            }
            assertThat(System.nanoTime()).as("the submission completes").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** A TAXII 2.1 API root whose one collection holds the given objects, on one page. */
    private static HttpServer remote(List<ObjectNode> objects) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api-root/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = path.endsWith("/objects/")
                    ? "{\"more\":false,\"objects\":[" + String.join(",", objects.stream().map(StixJson::write).toList()) + "]}"
                    : "{\"title\":\"Remote\",\"versions\":[\"" + TAXII + "\"],\"max_content_length\":10485760}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", TAXII);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
