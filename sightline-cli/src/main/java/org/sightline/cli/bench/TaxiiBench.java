package org.sightline.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.server.App;
import org.sightline.server.ServerOptions;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StoreLocation;
import org.sightline.store.collections.CollectionFilter;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.tokens.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "taxii", mixinStandardHelpOptions = true,
        description = {"Fill a fresh embedded store with a collection of generated indicators, start the server, and time "
                + "TAXII 2.1 pages fetched by concurrent clients, each with its own token, clearance and kept-alive connection, "
                + "over loopback HTTP (read whole, not decoded, as wrk does); "
                + "then time envelopes POSTed until their status is complete.",
                "Metrics: page_p99_ms (params page, collection, clients), post_objects_per_s."})
public final class TaxiiBench implements Callable<Integer> {
    @Option(names = "--collection", defaultValue = "100000", description = "Objects in the collection (default 100000).")
    int collectionSize;

    @Option(names = "--page", defaultValue = "1000", description = "Objects per page (default 1000).")
    int page;

    @Option(names = "--clients", defaultValue = "50", description = "Concurrent clients (default 50).")
    int clients;

    @Option(names = "--requests", defaultValue = "200", description = "Pages each client fetches, after a warm-up (default 200).")
    int requests;

    @Option(names = "--post", defaultValue = "20000", description = "Objects to POST, in envelopes of --page (default 20000).")
    int posted;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output output = ((Sightline) spec.root().userObject()).output();
        BenchReport report = BenchReport.start("taxii");
        Path dataDir = Files.createTempDirectory("sightline-bench-taxii-");
        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(dataDir))) {
            long start = System.nanoTime();
            fill(knowledge, 0, collectionSize);
            output.note(String.format("stored %,d indicators in %.1f s", collectionSize, (System.nanoTime() - start) / 1e9));
            knowledge.index().sync(knowledge.store()); // else the server's first index sync competes with the clients
            TaxiiCollection collection = knowledge.collections().create("bench", null, CollectionFilter.everything(), Role.READER, Role.ANALYST);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                tokens.add(knowledge.tokens().create("bench client " + i, Role.ANALYST, "green").secret());
            }
            try (App app = new App(knowledge).start(new ServerOptions("127.0.0.1", 0))) {
                String objectsPath = "/taxii2/api/collections/" + collection.id() + "/objects/";
                String objects = "http://127.0.0.1:" + app.port() + objectsPath;
                List<String> cursors = cursors(objects, tokens.get(0));
                output.note(cursors.size() + " pages of " + page + "; warming up");
                fetch(app.port(), objectsPath, cursors, tokens, Math.max(2, requests / 4), true);
                for (boolean gzip : List.of(true, false)) {
                    long[] nanos = fetch(app.port(), objectsPath, cursors, tokens, requests, gzip);
                    Arrays.sort(nanos);
                    double p99 = nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6;
                    double p50 = nanos[nanos.length / 2] / 1e6;
                    report.add("page_p99_ms", p99, "ms", BenchReport.params("page", page, "collection", collectionSize, "clients", clients,
                            "encoding", gzip ? "gzip" : "identity", "requests", nanos.length, "p50_ms", Math.round(p50 * 100) / 100.0));
                    output.note(String.format("pages (%s): p50 %.1f ms, p99 %.1f ms over %,d requests", gzip ? "gzip" : "identity",
                            p50, p99, nanos.length));
                }
                double perSecond = post(objects, tokens.get(0), "http://127.0.0.1:" + app.port() + "/taxii2/api/status/");
                report.add("post_objects_per_s", perSecond, "objects/s", BenchReport.params("objects", posted, "envelope", page, "store", "h2"));
            }
        } finally {
            BenchData.deleteRecursively(dataDir);
        }
        report.print(output);
        return Sightline.OK;
    }

    /** Indicators as a threat feed has them: a domain, an address or a file hash, named, described, TLP:GREEN or CLEAR. */
    public static String indicator(int n) {
        String id = String.format("indicator--%08x-%04x-4%03x-8%03x-%012x", n, n % 65536, n % 4096, (n / 7) % 4096, (long) n * 2654435761L % 0xFFFFFFFFFFFFL);
        String pattern = switch (n % 3) {
            case 0 -> "[domain-name:value = 'c2-" + n + ".update-service.example']";
            case 1 -> "[ipv4-addr:value = '10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255) + "']";
            default -> "[file:hashes.'SHA-256' = '" + String.format("%064x", (long) n * 31 + 7) + "']";
        };
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2024-01-01T00:00:00.000Z\","
                + "\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"Feed indicator " + n + "\",\"description\":\"Seen in "
                + "phishing infrastructure reported by a partner CERT; block at the perimeter and hunt for past connections.\","
                + "\"indicator_types\":[\"malicious-activity\"],\"pattern\":\"" + pattern + "\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"2024-01-01T00:00:00Z\",\"labels\":[\"phishing\"],\"object_marking_refs\":[\""
                + (n % 2 == 0 ? Tlp.GREEN : Tlp.CLEAR).markingId() + "\"]}";
    }

    private static void fill(KnowledgeBase knowledge, int from, int to) {
        List<ObjectNode> indicators = new java.util.ArrayList<>();
        for (int n = from; n < to; n++) {
            indicators.add(StixObject.parse(indicator(n)).json());
        }
        knowledge.intake().writeAll(indicators, "the benchmark's indicators", null);
    }

    /** Every page's next cursor, by paging through once. */
    private List<String> cursors(String objects, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> cursors = new ArrayList<>(List.of(""));
        while (true) {
            JsonNode envelope = StixJson.mapper().readTree(get(http, objects + "?limit=" + page + cursors.get(cursors.size() - 1), token));
            if (!envelope.path("more").asBoolean()) {
                return cursors;
            }
            cursors.add("&next=" + envelope.path("next").asText());
        }
    }

    /** Each client fetches random pages on its own kept-alive connection; returns every request's time. */
    private long[] fetch(int port, String objectsPath, List<String> cursors, List<String> tokens, int perClient, boolean gzip)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Authorization", "Bearer " + tokens.get(c));
                headers.put("Accept", "application/taxii+json;version=2.1");
                if (gzip) {
                    headers.put("Accept-Encoding", "gzip"); // as TAXII clients on Python requests send it
                }
                Random random = new Random(c);
                results.add(pool.submit(() -> {
                    long[] nanos = new long[perClient];
                    try (LoopbackHttpClient http = new LoopbackHttpClient("127.0.0.1", port)) {
                        for (int i = 0; i < perClient; i++) {
                            String path = objectsPath + "?limit=" + page + cursors.get(random.nextInt(cursors.size()));
                            long start = System.nanoTime();
                            int status = http.get(path, headers);
                            nanos[i] = System.nanoTime() - start;
                            if (status != 200) {
                                throw new IllegalStateException(path + " answered " + status);
                            }
                        }
                    }
                    return nanos;
                }));
            }
            long[] all = new long[clients * perClient];
            for (int c = 0; c < clients; c++) {
                System.arraycopy(results.get(c).get(), 0, all, c * perClient, perClient);
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** POSTs new indicators in envelopes, then waits for every status to be complete; objects stored per second. */
    private double post(String objects, String token, String statusBase) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> statuses = new ArrayList<>();
        long start = System.nanoTime();
        for (int from = collectionSize; from < collectionSize + posted; from += page) {
            StringBuilder envelope = new StringBuilder("{\"objects\":[");
            for (int n = from; n < Math.min(from + page, collectionSize + posted); n++) {
                envelope.append(n == from ? "" : ",").append(indicator(n));
            }
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(objects))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/taxii+json;version=2.1")
                    .header("Content-Type", "application/taxii+json;version=2.1")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope.append("]}").toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("POST answered " + accepted.statusCode() + ": " + accepted.body());
            }
            statuses.add(StixJson.mapper().readTree(accepted.body()).path("id").asText());
        }
        long succeeded = 0;
        for (String id : statuses) {
            while (true) {
                JsonNode status = StixJson.mapper().readTree(get(http, statusBase + id + "/", token));
                if (status.path("status").asText().equals("complete")) {
                    succeeded += status.path("success_count").asLong();
                    break;
                }
                Thread.sleep(5);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (succeeded != posted) {
            throw new IllegalStateException("only " + succeeded + " of " + posted + " posted objects were stored");
        }
        return posted / seconds;
    }

    private static String get(HttpClient http, String uri, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/taxii+json;version=2.1").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

}
