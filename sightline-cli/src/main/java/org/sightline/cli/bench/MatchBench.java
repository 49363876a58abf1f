package org.sightline.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.events.logs.LogFormat;
import org.sightline.events.sightings.SightingRecorder;
import org.sightline.ingest.sightings.LogMatching;
import org.sightline.pattern.stream.Event;
import org.sightline.pattern.stream.EventBuilder;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.pattern.stream.StreamingMatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Measure the indexed matcher: events/s on one thread against 1,000, 100,000 and 1,000,000 "
                + "equality/IN indicators over a mix of ipv4, domain, url and file-hash observables (1%% of events hit); "
                + "compile time and heap per indicator count; end to end from the Zeek (JSON and TSV) and EVE sample logs, "
                + "reading alone and reading with matching, on one thread and on all cores.",
                "Metrics: events_per_s, compile_seconds, heap_mb, e2e_events_per_s, parse_events_per_s (the same files read "
                        + "with nothing matched). Give the JVM 2 GB "
                        + "(JAVA_OPTS=-Xmx2g) for a million indicators."})
public final class MatchBench implements Callable<Integer> {
    @Option(names = "--indicators", split = ",", defaultValue = "1000,100000,1000000",
            description = "Indicator counts to measure (default 1000,100000,1000000).")
    List<Integer> counts;

    @Option(names = "--seconds", defaultValue = "3", description = "Measured seconds per indicator count (default 3).")
    double seconds;

    @Option(names = "--logs", paramLabel = "DIR", description = "Folder of the shared sample logs (default ../shared/data/logs).")
    Path logs;

    @Spec
    CommandSpec spec;

    private static final int EVENTS = 200_000;

    @Override
    public Integer call() throws Exception {
        Sightline root = (Sightline) spec.root().userObject();
        Output output = root.output();
        BenchReport report = BenchReport.start("match");
        List<Event> events = null;
        for (int count : counts) {
            SplittableRandom random = new SplittableRandom(count);
            List<Indicator> indicators = indicators(count, random);
            System.gc();
            long heapBefore = usedHeap();
            long start = System.nanoTime();
            IndicatorIndex index = IndicatorIndex.compile(indicators);
            double compileSeconds = (System.nanoTime() - start) / 1e9;
            indicators = null;
            System.gc();
            double heapMb = Math.max(0, usedHeap() - heapBefore) / 1048576.0;
            events = this.events(index, new SplittableRandom(7));
            double perSecond = throughput(index, events);
            Map<String, Object> params = Map.of("indicators", count, "threads", 1);
            report.add("events_per_s", perSecond, "events/s", params);
            report.add("compile_seconds", compileSeconds, "s", Map.of("indicators", count));
            report.add("heap_mb", heapMb, "MB", Map.of("indicators", count));
            output.note(String.format("%,d indicators: compiled in %.2f s, %.0f MB; %,.0f events/s", count, compileSeconds,
                    heapMb, perSecond));
        }
        endToEnd(report, output);
        singleEvaluation(report, output);
        report.print(output);
        return Sightline.OK;
    }

    /** A realistic feed: mostly single values, some IN lists, across addresses, domains, URLs and hashes. */
    private static List<Indicator> indicators(int count, SplittableRandom random) {
        List<Indicator> indicators = new ArrayList<>(count);
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            String pattern = switch (i % 5) {
                case 0 -> "[ipv4-addr:value = '" + ip(i) + "']";
                case 1 -> "[domain-name:value = '" + domain(i) + "']";
                case 2 -> "[url:value = 'http://" + domain(i) + "/p/" + i + "']";
                case 3 -> "[file:hashes.'SHA-256' = '" + sha256(i) + "']";
                default -> "[ipv4-addr:value IN ('" + ip(i) + "', '" + ip(i + count) + "', '" + ip(i + 2 * count) + "')]";
            };
            indicators.add(new Indicator("indicator--" + new java.util.UUID(i, count).toString(), pattern, from, null));
        }
        return indicators;
    }

    /** Events with traffic, DNS, HTTP and file observables; one in a hundred carries an indicator's value. */
    private List<Event> events(IndicatorIndex index, SplittableRandom random) {
        List<Event> events = new ArrayList<>(EVENTS);
        Instant time = Instant.parse("2024-06-01T00:00:00Z");
        int indicatorCount = index.size();
        for (int i = 0; i < EVENTS; i++) {
            boolean hit = random.nextInt(100) == 0;
            int n = hit ? random.nextInt(indicatorCount) : indicatorCount * 4 + random.nextInt(1 << 24);
            EventBuilder event = new EventBuilder(time.plusMillis(i), "bench", i);
            switch (i % 4) {
                case 0 -> event.traffic(event.ip(ip(n)), event.ip(ip(n + 7)), 40000 + (i & 1023), 443, "tcp");
                case 1 -> event.domain(domain(n));
                case 2 -> {
                    event.domain(domain(n));
                    event.url("http://" + domain(n) + "/p/" + n);
                }
                default -> event.file(Map.of("SHA-256", sha256(n)), null);
            }
            events.add(event.build());
        }
        return events;
    }

    private double throughput(IndicatorIndex index, List<Event> events) {
        StreamingMatcher matcher = new StreamingMatcher(index, java.time.Duration.ofHours(1));
        long matches = 0;
        for (Event event : events) {
            matches += matcher.accept(event).size(); // warm-up pass
        }
        long processed = 0;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            for (Event event : events) {
                matches += matcher.accept(event).size();
            }
            processed += events.size();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (matches == 0) {
            throw new IllegalStateException("the benchmark produced no matches; the workload is broken");
        }
        return processed / elapsed;
    }

    /** Passes measured per figure after a warm-up pass; the median is reported (this machine's passes vary by a third). */
    private static final int PASSES = 5;

    /**
     * Parsing included, on the same bytes for both figures: each sample log is made into one plain
     * file of about 100 MB (the Zeek JSON DNS log 4 times, the Zeek TSV DNS log twice, the EVE log
     * 400 times), then read with nothing matched (parse_events_per_s) and read and matched against
     * 100,000 indicators (e2e_events_per_s), on one thread and on all cores.
     */
    private void endToEnd(BenchReport report, Output output) throws Exception {
        Path dir = logs != null ? logs : BenchData.SHARED.resolve("logs");
        Path zeekJson = dir.resolve("zeek-wrccdc-2018/dns.json.gz");
        Path zeekTsv = dir.resolve("zeek-wrccdc-2018/dns.log.gz");
        Path eve = dir.resolve("suricata-surevego/eve.json");
        if (!Files.exists(zeekJson) || !Files.exists(zeekTsv) || !Files.exists(eve)) {
            output.note("no sample logs at " + dir + "; skipping the end-to-end figures");
            return;
        }
        IndicatorIndex index = IndicatorIndex.compile(indicators(100_000, new SplittableRandom(100_000)));
        Path scratch = Files.createTempDirectory("sightline-bench-match");
        try {
            int cores = Runtime.getRuntime().availableProcessors();
            List<Integer> threadCounts = cores > 1 ? List.of(1, cores) : List.of(1);
            for (Map.Entry<String, Path> log : Map.of("zeek-json", repeated(zeekJson, 4, scratch.resolve("dns.json")),
                    "zeek-tsv", repeated(zeekTsv, 2, scratch.resolve("dns.log")),
                    "eve", repeated(eve, 400, scratch.resolve("eve.json"))).entrySet()) {
                for (int threads : threadCounts) {
                    Path file = log.getValue();
                    LogMatching.Run[] last = new LogMatching.Run[1];
                    double e2e = median(() -> {
                        last[0] = LogMatching.run(index, List.of(file), LogFormat.AUTO, null, new SightingRecorder(null), threads);
                        return last[0].eventsPerSecond();
                    });
                    double parse = median(() -> parseOnly(file, threads));
                    report.add("e2e_events_per_s", e2e, "events/s", Map.of("format", log.getKey(), "events", last[0].events(),
                            "indicators", 100_000, "threads", threads));
                    report.add("parse_events_per_s", parse, "events/s", Map.of("format", log.getKey(), "events", last[0].events(),
                            "threads", threads));
                    output.note(String.format("%s, %d thread%s: %,.0f events/s end to end, %,.0f reading alone (%.2f)", log.getKey(),
                            threads, threads == 1 ? "" : "s", e2e, parse, e2e / parse));
                }
            }
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(scratch);
        }
    }

    /** A plain file holding the (gzip) sample {@code times} over: the bytes every pass reads. */
    private static Path repeated(Path sample, int times, Path into) throws java.io.IOException {
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(into), 1 << 16)) {
            for (int i = 0; i < times; i++) {
                try (var in = org.sightline.stix.json.StixReader.open(sample)) {
                    in.transferTo(out);
                }
            }
        }
        return into;
    }

    /** The median of PASSES measurements after one warm-up. */
    private static double median(java.util.function.DoubleSupplier pass) {
        pass.getAsDouble();
        double[] figures = new double[PASSES];
        for (int i = 0; i < PASSES; i++) {
            figures[i] = pass.getAsDouble();
        }
        java.util.Arrays.sort(figures);
        return figures[PASSES / 2];
    }

    /** The same file through the same reader with nothing matched: the ceiling for the end-to-end figure. */
    private static double parseOnly(Path file, int threads) {
        long start = System.nanoTime();
        long events = new org.sightline.events.logs.LogReader(null).read(file, LogFormat.AUTO, threads, () -> event -> null,
                (event, nothing) -> { }).events();
        return events / ((System.nanoTime() - start) / 1e9);
    }

    /** The exact evaluator alone: one pattern against one case's observations, over the reference suite. */
    private void singleEvaluation(BenchReport report, Output output) throws Exception {
        Path dir = logs != null ? logs.getParent() : BenchData.SHARED; // the cases sit beside the logs folder
        Path cases = dir.resolve("patterns/matcher-cases-v21.json");
        if (!Files.exists(cases)) {
            return;
        }
        List<org.sightline.pattern.ast.Pattern> patterns = new ArrayList<>();
        List<org.sightline.pattern.match.ObservationSet> observations = new ArrayList<>();
        for (var c : org.sightline.stix.json.StixJson.mapper().readTree(cases.toFile()).path("cases")) {
            String expected = c.path("expected").asText();
            if (!expected.equals("match") && !expected.equals("no_match")) {
                continue;
            }
            List<com.fasterxml.jackson.databind.JsonNode> documents = new ArrayList<>();
            c.path("observations").forEach(documents::add);
            patterns.add(org.sightline.pattern.parse.PatternParser.parse(c.path("pattern").asText()));
            observations.add(org.sightline.pattern.match.ObservationSet.of(documents));
        }
        long evaluations = 0;
        long deadline = System.nanoTime() + (long) (Math.min(seconds, 2) * 1e9);
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < patterns.size(); i++) {
                org.sightline.pattern.match.PatternMatcher.match(patterns.get(i), observations.get(i));
            }
            evaluations += patterns.size();
        }
        double micros = (System.nanoTime() - start) / 1e3 / evaluations;
        report.add("single_evaluation_us", micros, "us", Map.of("cases", patterns.size()));
        output.note(String.format("one pattern against one case's observations: %.1f us on average", micros));
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String ip(long n) {
        return ((n >>> 24) & 0xff) + "." + ((n >>> 16) & 0xff) + "." + ((n >>> 8) & 0xff) + "." + (n & 0xff);
    }

    private static String domain(long n) {
        return "h" + Long.toString(n, 36) + ".example-" + (n % 97) + ".com";
    }

    private static String sha256(long n) {
        byte[] bytes = new byte[32];
        new SplittableRandom(n).nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
