package org.sightline.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.NotFoundException;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.hunt.IndicatorHunt;
import org.sightline.ingest.hunt.LogArchive;
import org.sightline.ingest.sightings.LogMatching;
import org.sightline.stix.StixId;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = {"Measure a retro-hunt the way a user runs one: --days of Zeek DNS logs (--records-per-day each, made from the "
                + "real WRCCDC 2018 records in ../shared/data, re-timed across each day) kept in a fresh data directory, "
                + "--indicators new domain indicators imported (ten of them planted in the logs on different days), then "
                + "'hunt' of the new indicators over every kept log, sightings stored.",
                "The generated logs are cached in --cache and reused. Metrics: records_per_s, seconds, records, planted_found."})
public final class HuntBench implements Callable<Integer> {
    private static final int PLANTED = 10;
    private static final int PLANTED_RECORDS = 5;
    private static final Instant FIRST_DAY = Instant.parse("2026-10-01T00:00:00Z");

    @Option(names = "--days", defaultValue = "30", description = "Days of logs (default 30).")
    int days;

    @Option(names = "--records-per-day", defaultValue = "1600000", description = "DNS records per day (default 1,600,000).")
    int perDay;

    @Option(names = "--indicators", defaultValue = "1000", description = "New indicators to hunt (default 1000).")
    int indicators;

    @Option(names = "--threads", paramLabel = "N", description = "Files hunted at once (default: all cores).")
    Integer threads;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where the generated logs are kept between runs "
            + "(default: sightline-bench-hunt-DAYS-RECORDS in the temporary folder).")
    Path cache;

    @Option(names = "--logs", paramLabel = "FILE", description = "The Zeek DNS log the records are made from "
            + "(default ../shared/data/logs/zeek-wrccdc-2018/dns.log.gz).")
    Path sample;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output output = ((Sightline) spec.root().userObject()).output();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Path logs = cache != null ? cache : Path.of(System.getProperty("java.io.tmpdir"), "sightline-bench-hunt-" + days + "-" + perDay);
        List<LogMatching.FileSpan> spans = generate(logs, workers, output);
        Path scratch = Files.createTempDirectory("sightline-bench-hunt-");
        BenchReport report = BenchReport.start("hunt");
        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(scratch))) {
            LogArchive archive = LogArchive.of(scratch);
            spans.forEach(archive::keep);
            archive.markHuntedThrough(knowledge.store().lastSequence());
            new BundleImporter(knowledge.intake()).importStream(
                    new ByteArrayInputStream(StixJson.mapper().writeValueAsBytes(indicatorBundle())), "bench indicators", ImportOptions.strict());
            IndicatorHunt.Report hunt = new IndicatorHunt(knowledge.intake(), archive).newIndicators(List.of(), null, workers, true);
            long found = hunt.hunt().sightings().stream().filter(object -> object.path("type").asText().equals("sighting"))
                    .filter(object -> object.path("count").asLong() == PLANTED_RECORDS).count();
            var params = BenchReport.params("days", days, "records_per_day", perDay, "indicators", hunt.hunt().indicators(), "threads", workers);
            report.add("records_per_s", hunt.hunt().eventsPerSecond(), "records/s", params);
            report.add("seconds", hunt.hunt().seconds(), "s", params);
            report.add("records", hunt.hunt().events(), "records", params);
            report.add("planted_found", found, "sightings", BenchReport.params("planted", PLANTED));
            output.note(String.format(Locale.ROOT, "%,d records in %d logs hunted for %,d indicators in %.1f s (%,.0f records/s); %d of %d planted found",
                    hunt.hunt().events(), hunt.hunt().files(), hunt.hunt().indicators(), hunt.hunt().seconds(), hunt.hunt().eventsPerSecond(), found, PLANTED));
        } finally {
            BenchData.deleteRecursively(scratch);
        }
        report.print(output);
        return Sightline.OK;
    }

    /** The planted domains are among the indicators; the rest name nothing the logs hold. */
    private ObjectNode indicatorBundle() {
        ObjectNode bundle = StixJson.mapper().createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", StixId.random("bundle"));
        ArrayNode objects = bundle.putArray("objects");
        String now = StixTimestamp.format(Instant.now());
        for (int i = 0; i < indicators; i++) {
            String domain = i < PLANTED ? planted(i) : "unseen-" + i + ".bench.example";
            ObjectNode indicator = StixJson.newObject("indicator", StixId.deterministic("indicator", "bench-hunt-" + i), now);
            indicator.put("name", domain);
            indicator.put("pattern", "[domain-name:value = '" + domain + "']");
            indicator.put("pattern_type", "stix");
            indicator.put("valid_from", "2026-01-01T00:00:00Z");
            objects.add(indicator);
        }
        return bundle;
    }

    private static String planted(int i) {
        return "planted-" + i + ".bench.example";
    }

    /** One gzip Zeek DNS log per day, made once and reused: the real records in turn, each day's spread evenly over it. */
    private List<LogMatching.FileSpan> generate(Path folder, int workers, Output output) throws Exception {
        Sample sample = readSample();
        List<String[]> records = sample.records();
        List<String> header = sample.header();
        Files.createDirectories(folder);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<LogMatching.FileSpan>> days = new ArrayList<>();
            for (int day = 0; day < this.days; day++) {
                int d = day;
                days.add(pool.submit(() -> day(folder, d, records, header)));
            }
            List<LogMatching.FileSpan> spans = new ArrayList<>();
            for (Future<LogMatching.FileSpan> day : days) {
                spans.add(day.get());
            }
            return spans;
        } finally {
            pool.shutdownNow();
        }
    }

    private LogMatching.FileSpan day(Path folder, int day, List<String[]> records, List<String> header) throws IOException {
        Path file = folder.resolve(String.format(Locale.ROOT, "day-%02d", day)).resolve("dns.log.gz");
        long start = FIRST_DAY.getEpochSecond() + day * 86_400L;
        double step = 86_400.0 / perDay;
        Instant first = Instant.ofEpochSecond(start);
        Instant last = Instant.ofEpochMilli((long) ((start + (perDay - 1) * step) * 1000));
        LogMatching.FileSpan span = new LogMatching.FileSpan(file, perDay, first, last);
        if (Files.isRegularFile(file)) {
            return span;
        }
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling("dns.log.gz.partial");
        java.util.Map<Integer, Integer> plantAt = new java.util.HashMap<>(); // record number → planted domain
        for (int k = 0; k < PLANTED; k++) {
            if ((long) k * days / PLANTED == day) {
                for (int j = 0; j < PLANTED_RECORDS; j++) {
                    plantAt.put((int) ((j * 2L + 1) * perDay / (2L * PLANTED_RECORDS)) + k, k);
                }
            }
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
             Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            for (String line : header) {
                writer.write(line);
                writer.write('\n');
            }
            StringBuilder line = new StringBuilder(256);
            long startMicros = start * 1_000_000L;
            for (int i = 0; i < perDay; i++) {
                String[] record = records.get((int) ((day * 7_919L + i) % records.size()));
                long micros = startMicros + (long) (i * step * 1_000_000);
                String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
                line.setLength(0);
                line.append(micros / 1_000_000).append('.').append(fraction);
                Integer planted = plantAt.get(i);
                for (int field = 1; field < record.length; field++) {
                    line.append('\t').append(field == 9 && planted != null ? planted(planted) : record[field]);
                }
                line.append('\n');
                writer.append(line);
            }
            writer.write("#close\t2026-12-01-00-00-00\n");
        }
        Files.move(partial, file);
        return span;
    }

    private Path sample() {
        Path file = sample != null ? sample : BenchData.SHARED.resolve("logs/zeek-wrccdc-2018/dns.log.gz");
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no Zeek DNS log at " + file + "; pass --logs PATH to a Zeek TSV dns.log(.gz)");
        }
        return file;
    }

    /** The sample's header (its leading # lines, Zeek's #fields and #types among them) and its records, split at tabs. */
    private record Sample(List<String> header, List<String[]> records) {
    }

    private Sample readSample() throws IOException {
        List<String> header = new ArrayList<>();
        List<String[]> records = new ArrayList<>();
        try (BufferedReader reader = reader()) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    records.add(line.split("\t", -1));
                } else if (records.isEmpty()) {
                    header.add(line);
                }
            }
        }
        return new Sample(header, records);
    }

    private BufferedReader reader() throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(sample())), StandardCharsets.UTF_8));
    }
}
