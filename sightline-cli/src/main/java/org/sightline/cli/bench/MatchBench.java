package org.sightline.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.ingest.logs.LogFormat;
import org.sightline.ingest.sightings.LogMatching;
import org.sightline.ingest.sightings.SightingRecorder;
import org.sightline.pattern.stream.Event;
import org.sightline.pattern.stream.EventBuilder;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.pattern.stream.StreamingMatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Measure the indexed matcher: events/s on one thread against 1,000, 100,000 and 1,000,000 "
                + "equality/IN indicators over a mix of ipv4, domain, url and file-hash observables (1%% of events hit); "
                + "compile time and heap per indicator count; end to end from the Zeek and EVE sample logs.",
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

    /** Parsing included: the Zeek dns and ssl logs, and the EVE log read ten times. */
    private void endToEnd(BenchReport report, Output output) throws Exception {
        Path dir = logs != null ? logs : BenchData.SHARED.resolve("logs");
        Path zeekDns = dir.resolve("zeek-wrccdc-2018/dns.log.gz");
        Path zeekSsl = dir.resolve("zeek-wrccdc-2018/ssl.log.gz");
        Path eve = dir.resolve("suricata-surevego/eve.json");
        if (!Files.exists(zeekDns) || !Files.exists(eve)) {
            output.note("no sample logs at " + dir + "; skipping the end-to-end figures");
            return;
        }
        IndicatorIndex index = IndicatorIndex.compile(indicators(100_000, new SplittableRandom(100_000)));
        for (int warm = 0; warm < 2; warm++) {
            LogMatching.run(index, List.of(zeekDns, zeekSsl), LogFormat.AUTO, null, new SightingRecorder(null));
        }
        LogMatching.Run zeek = LogMatching.run(index, List.of(zeekDns, zeekSsl), LogFormat.AUTO, null, new SightingRecorder(null));
        report.add("e2e_events_per_s", zeek.eventsPerSecond(), "events/s",
                Map.of("format", "zeek", "events", zeek.events(), "indicators", 100_000, "threads", 1));
        double zeekParse = parseOnly(List.of(zeekDns, zeekSsl));
        report.add("parse_events_per_s", zeekParse, "events/s", Map.of("format", "zeek", "events", zeek.events(), "threads", 1));
        List<Path> eveTimes = java.util.Collections.nCopies(20, eve);
        LogMatching.run(index, eveTimes, LogFormat.AUTO, null, new SightingRecorder(null));
        LogMatching.Run eveRun = LogMatching.run(index, eveTimes, LogFormat.AUTO, null, new SightingRecorder(null));
        report.add("e2e_events_per_s", eveRun.eventsPerSecond(), "events/s",
                Map.of("format", "eve", "events", eveRun.events(), "indicators", 100_000, "threads", 1));
        double eveParse = parseOnly(eveTimes);
        report.add("parse_events_per_s", eveParse, "events/s", Map.of("format", "eve", "events", eveRun.events(), "threads", 1));
        output.note(String.format("end to end: zeek %,.0f events/s (reading alone %,.0f), eve %,.0f events/s (reading alone %,.0f)",
                zeek.eventsPerSecond(), zeekParse, eveRun.eventsPerSecond(), eveParse));
    }

    /** The same files through the same reader with nothing matched: the ceiling for the end-to-end figure. */
    private static double parseOnly(List<Path> files) {
        org.sightline.ingest.logs.LogReader reader = new org.sightline.ingest.logs.LogReader(null);
        long[] seen = {0};
        for (int warm = 0; warm < 2; warm++) {
            files.forEach(file -> reader.read(file, LogFormat.AUTO, event -> seen[0]++));
        }
        seen[0] = 0;
        long start = System.nanoTime();
        files.forEach(file -> reader.read(file, LogFormat.AUTO, event -> seen[0]++));
        return seen[0] / ((System.nanoTime() - start) / 1e9);
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
