package org.sightline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.taxii.Credentials;
import org.sightline.ingest.taxii.TaxiiClient;
import org.sightline.ingest.taxii.TaxiiEndpoint;
import org.sightline.ingest.taxii.TaxiiPull;
import org.sightline.ingest.taxii.TaxiiPush;
import org.sightline.server.App;
import org.sightline.server.ServerOptions;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.StixStore;
import org.sightline.store.collections.CollectionFilter;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.feed.FeedEntry;
import org.sightline.store.feed.VersionFilter;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;
import org.sightline.store.tokens.Role;

/** Sightline's TAXII client against Sightline's own TAXII server, with a faulty network in between when asked. */
class TaxiiExchangeTest {
    private static final TaxiiClient.Backoff QUICK = new TaxiiClient.Backoff(4, Duration.ofMillis(10), Duration.ofMillis(50));

    private TestStore source;
    private TestStore target;
    private App server;
    private TaxiiCollection collection;
    private String token;
    private HttpServer proxy;
    private volatile IntPredicate fails = n -> false;

    @BeforeEach
    void start() {
        source = Backend.H2.open();
        new BundleImporter(source.knowledge().intake())
                .importPaths(List.of(SharedData.menuPassSubset()), ImportOptions.strict(), ImportProgress.NONE);
        server = new App(source.knowledge()).start(ServerOptions.loopback(0));
        collection = source.knowledge().collections().create("Everything", null, CollectionFilter.everything(), Role.READER, Role.ANALYST);
        token = source.knowledge().tokens().create("partner", Role.ANALYST, "red").secret();
        target = Backend.H2.open();
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.stop(0);
        }
        server.close();
        source.close();
        target.close();
    }

    private String root() {
        return "http://127.0.0.1:" + server.port() + "/taxii2/";
    }

    private TaxiiPull.Report pull(String url, Credentials credentials, int pageSize) {
        TaxiiClient client = new TaxiiClient(credentials, QUICK);
        return new TaxiiPull(target.knowledge().intake(), client).pull(TaxiiEndpoint.locate(client, url, collection.id()), null, pageSize);
    }

    private static Set<String> versions(StixStore store) {
        Set<String> versions = new HashSet<>();
        for (FeedEntry entry : store.feed(new VersionFilter(0, null, Set.of(), Set.of(), Set.of("all"), Set.of(), Set.of(),
                org.sightline.stix.markings.Tlp.RED, 1_000_000))) {
            versions.add(entry.id() + "@" + entry.version());
        }
        return versions;
    }

    @Test
    void aPullCopiesTheCollectionPageByPageAndTheNextPullOnlyWhatIsNew() throws Exception {
        TaxiiPull.Report first = pull(root(), Credentials.basic("partner", token), 100);
        assertThat(first.pages()).isGreaterThan(2);
        assertThat(versions(target.store())).isEqualTo(versions(source.store()));
        assertThat(first.added()).isEqualTo(first.received());

        TaxiiPull.Report nothingNew = pull(root(), Credentials.bearer(token), 100);
        assertThat(nothingNew.received()).isZero();
        assertThat(nothingNew.resumedAfter()).isEqualTo(first.position());

        String id = "indicator--3f1c7e9a-0d52-4c8e-9a11-7b6d2e5f4a01";
        source.store().write(writer -> {
            writer.put(org.sightline.stix.StixObject.parse("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id
                    + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
                    + "\"pattern\":\"[ipv4-addr:value = '198.51.100.9']\",\"pattern_type\":\"stix\",\"valid_from\":\"2024-01-01T00:00:00Z\"}"));
            return null;
        });
        TaxiiPull.Report onlyNew = pull(root(), Credentials.bearer(token), 100);
        assertThat(onlyNew.received()).isEqualTo(1);
        assertThat(target.store().current(id)).isPresent();
    }

    @Test
    void anInterruptedPullGoesOnWhereItStoppedWithoutLosingOrRepeatingAnything() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        // after the API root and four pages every request fails: the pull gives up part-way
        fails = n -> n > 6;
        startProxy(requests);
        assertThatThrownBy(() -> pull(proxyRoot(), Credentials.bearer(token), 50)).hasMessageContaining("failed 4 times");
        int stored = versions(target.store()).size();
        assertThat(stored).isEqualTo(4 * 50);

        fails = n -> false; // the network is back
        TaxiiPull.Report resumed = pull(proxyRoot(), Credentials.bearer(token), 50);
        assertThat(resumed.unchanged()).as("no page fetched twice").isZero();
        assertThat(resumed.received()).isEqualTo(versions(source.store()).size() - stored);
        assertThat(versions(target.store())).isEqualTo(versions(source.store()));
    }

    @Test
    void busyAndFailingAnswersAreRetriedWithBackOff() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        fails = n -> n == 3 || n == 4 || n == 7; // 429, 503, 429 on a few requests
        startProxy(requests);
        TaxiiPull.Report report = pull(proxyRoot(), Credentials.bearer(token), 50);
        assertThat(report.retries()).isEqualTo(3);
        assertThat(versions(target.store())).isEqualTo(versions(source.store()));
    }

    @Test
    void wrongCredentialsStopThePullWithTheServersReason() {
        assertThatThrownBy(() -> pull(root(), Credentials.bearer("sl_not-a-token"), 100))
                .hasMessageContaining("401").hasMessageContaining("--token");
        assertThat(versions(target.store())).isEmpty();
    }

    @Test
    void aPushPostsTheFileAndReportsWhatTheServerStored(@TempDir Path home) throws Exception {
        target.close();
        target = Backend.H2.open();
        TaxiiCollection inbox = source.knowledge().collections().create("Inbox", null,
                CollectionFilter.parse(List.of("type=attack-pattern")), Role.READER, Role.ANALYST);
        TaxiiClient client = new TaxiiClient(Credentials.bearer(token), QUICK);
        var objects = TaxiiPush.read(SharedData.menuPassSubset());
        TaxiiPush.Report report = new TaxiiPush(client).push(TaxiiEndpoint.locate(client, root(), inbox.id()), objects, 40);
        long patterns = objects.stream().filter(o -> o.path("type").asText().equals("attack-pattern")).count();
        assertThat(report.total()).isEqualTo(objects.size());
        assertThat(report.succeeded()).isEqualTo(patterns);
        assertThat(report.failed()).isEqualTo(objects.size() - patterns);
        assertThat(report.pending()).isZero();
        assertThat(report.envelopes()).isEqualTo((objects.size() + 39) / 40);

        // the same through the command line, as a user types it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Sightline.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true),
                "taxii", "push", root(), SharedData.menuPassSubset().toString(), "--collection", collection.id(), "--token", token,
                "--json", "--data-dir", home.toString());
        JsonNode pushed = StixJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(pushed.path("succeeded").asLong()).isEqualTo(objects.size());
        out.reset();
        exit = Sightline.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true),
                "taxii", "pull", root(), "--collection", collection.id(), "--user", "partner", "--password", token,
                "--json", "--data-dir", home.toString());
        assertThat(exit).isZero();
        JsonNode pulled = StixJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(pulled.path("received").asLong()).isEqualTo(versions(source.store()).size());
        assertThat(pulled.path("position").asText()).isNotBlank();
    }

    /** A proxy to the server that answers the requests the predicate picks with 429 or 503 instead. */
    private void startProxy(AtomicInteger requests) throws IOException {
        HttpClient forward = HttpClient.newHttpClient();
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            int n = requests.incrementAndGet();
            if (fails.test(n)) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                respond(exchange, n % 2 == 0 ? 503 : 429, "{\"title\":\"busy\"}");
                return;
            }
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + exchange.getRequestURI())).GET();
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Accept")) {
                        values.forEach(value -> request.header(name, value));
                    }
                });
                HttpResponse<String> answer = forward.send(request.build(), HttpResponse.BodyHandlers.ofString());
                answer.headers().map().forEach((name, values) -> {
                    if (name.startsWith("X-TAXII") || name.startsWith("x-taxii") || name.equalsIgnoreCase("Content-Type")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                String body = answer.body().replace("http://127.0.0.1:" + server.port(), "http://127.0.0.1:" + proxy.getAddress().getPort());
                respond(exchange, answer.statusCode(), body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(exchange, 502, "{}");
            }
        });
        proxy.start();
    }

    private String proxyRoot() {
        return "http://127.0.0.1:" + proxy.getAddress().getPort() + "/taxii2/";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
