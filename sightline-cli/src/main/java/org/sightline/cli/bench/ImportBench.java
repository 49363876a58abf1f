package org.sightline.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.server.App;
import org.sightline.server.ServerOptions;
import org.sightline.stix.StixTypes;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StixStore;
import org.sightline.store.StoreLocation;
import org.sightline.store.jdbc.ScratchSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import the ATT&CK Enterprise bundle into a fresh embedded store (and into a fresh schema of a "
                + "PostgreSQL database with --postgres), then time 'actor NAME' answered by the running server.",
                "Metrics: objects_per_s (params store), actor_p99_ms. Run with JAVA_OPTS=-Xmx512m for the 512 MB figure."})
public final class ImportBench implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "BUNDLE",
            description = "Bundle to import (default: ../shared/data/attack/enterprise-attack-18.1.json.gz).")
    Path file;

    @Option(names = "--postgres", paramLabel = "JDBC-URL",
            description = "Also measure PostgreSQL: a throw-away schema is created in this database and dropped after.")
    String postgres;

    @Option(names = "--requests", defaultValue = "5000", description = "Actor look-ups to time (default 5000).")
    int requests;

    @Option(names = "--warmup", defaultValue = "2",
            description = "Imports into throw-away stores before the measured one, so the JIT has compiled the import path (default 2).")
    int warmup;

    @Spec
    CommandSpec spec;

    @ParentCommand
    BenchCommand parent;

    @Override
    public Integer call() throws Exception {
        Sightline root = (Sightline) spec.root().userObject();
        Output output = root.output();
        Path bundle = BenchData.attackBundle(file);
        BenchReport report = BenchReport.start("import");
        long maxHeapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        for (int i = 0; i < warmup; i++) {
            Path scratch = Files.createTempDirectory("sightline-bench-warmup-");
            try (KnowledgeBase throwAway = KnowledgeBase.open(StoreLocation.embedded(scratch))) {
                ImportReport warm = BenchData.importInto(throwAway, bundle);
                output.note(String.format("warm-up %d: %,d objects in %.2f s", i + 1, warm.imported(), warm.seconds()));
            } finally {
                BenchData.deleteRecursively(scratch);
            }
        }
        Path dataDir = Files.createTempDirectory("sightline-bench-");
        try (KnowledgeBase h2 = KnowledgeBase.open(StoreLocation.embedded(dataDir))) {
            ImportReport imported = BenchData.importInto(h2, bundle);
            report.add("objects_per_s", imported.imported() / imported.seconds(), "objects/s",
                    BenchReport.params("store", "h2", "objects", imported.imported(), "seconds", round(imported.seconds()),
                            "max_heap_mb", maxHeapMb, "warmup", warmup));
            output.note(String.format("h2: %,d objects in %.2f s", imported.imported(), imported.seconds()));
            if (postgres != null) {
                measurePostgres(bundle, root, report, maxHeapMb, output);
            }
            double p99 = actorP99(h2);
            report.add("actor_p99_ms", p99, "ms", BenchReport.params("requests", requests, "store", "h2"));
            output.note(String.format("actor look-ups over HTTP: p99 %.2f ms", p99));
        } finally {
            BenchData.deleteRecursively(dataDir);
        }
        report.print(output);
        return Sightline.OK;
    }

    private void measurePostgres(Path bundle, Sightline root, BenchReport report, long maxHeapMb, Output output)
            throws IOException {
        StoreLocation base = root.location();
        ScratchSchema schema = ScratchSchema.create(postgres, base.user(), base.password(), "sightline_bench");
        Path indexDir = Files.createTempDirectory("sightline-bench-pg-");
        try (KnowledgeBase pg = KnowledgeBase.open(schema.location(indexDir))) {
            ImportReport imported = BenchData.importInto(pg, bundle);
            report.add("objects_per_s", imported.imported() / imported.seconds(), "objects/s",
                    BenchReport.params("store", "postgresql", "objects", imported.imported(), "seconds", round(imported.seconds()),
                            "max_heap_mb", maxHeapMb));
            output.note(String.format("postgresql: %,d objects in %.2f s", imported.imported(), imported.seconds()));
        } finally {
            schema.close();
            BenchData.deleteRecursively(indexDir);
        }
    }

    /** Times actor look-ups through the real HTTP server, cycling through every actor name and alias. */
    private double actorP99(KnowledgeBase knowledge) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (StixStore.NameMatch match : knowledge.store().allNames(StixTypes.ACTOR_TYPES)) {
            names.add(match.name());
        }
        if (names.isEmpty()) {
            names.add("APT10");
        }
        // A real reader token: the look-ups pay for authentication as every client does.
        String token = knowledge.tokens().create("bench import", org.sightline.store.tokens.Role.READER, "green").secret();
        try (App app = new App(knowledge).start(new ServerOptions("127.0.0.1", 0))) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port() + "/api/v1/actors?q=";
            for (int i = 0; i < Math.min(1000, requests); i++) {
                get(client, base, names.get(i % names.size()), token);
            }
            long[] nanos = new long[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                get(client, base, names.get(i % names.size()), token);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            return nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6;
        }
    }

    private static void get(HttpClient client, String base, String name, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("actor look-up of '" + name + "' answered " + response.statusCode());
        }
    }


    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
