package org.sightline.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.NotFoundException;
import org.sightline.events.indicators.Indicators;
import org.sightline.events.logs.LogFormat;
import org.sightline.events.sightings.SightingRecorder;
import org.sightline.ingest.sightings.LogMatching;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.stix.StixId;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.json.StixReader;
import org.sightline.stream.StreamInstance;
import org.sightline.stream.kafka.EventPublisher;
import org.sightline.stream.kafka.IndicatorPublisher;
import org.sightline.stream.kafka.Topics;
import org.sightline.stream.topology.StreamSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Measure the matching stream on a Kafka cluster (tools/kafka-broker/broker start gives a local one): the Zeek "
                + "DNS and Suricata EVE samples (53,881 events, sent --repeat times) against 10,000 indicators: read by a topology that only counts "
                + "(mode kafka-read-only: Kafka's own floor), then through 1 and 2 instances of the matching topology with one stream thread each "
                + "and 1 instance with a thread per core (in this process, exactly-once), against 'sightline match' on the same events in one process, "
                + "each timed alone (events are published while the instances are paused; publishing is its own figure); "
                + "then the time from producing an event to a sighting counting it being committed, at a steady rate (the stream "
                + "sends its tallies every second, so this includes up to a second of waiting).",
                "Metrics: events_per_s (params instances, threads, mode stream|match), publish_events_per_s, latency_p50_ms, latency_p99_ms."})
public final class StreamBench implements Callable<Integer> {
    @Mixin
    org.sightline.cli.stream.KafkaOptions kafka;

    @Option(names = "--repeat", defaultValue = "6",
            description = "Times the samples are sent (default 6, about 320,000 events: a pass of a few seconds, long enough to measure).")
    int repeat;

    @Option(names = "--indicators", defaultValue = "10000", description = "Indicators (default 10000; 60 of them hit the samples).")
    int indicatorCount;

    @Option(names = "--rate", defaultValue = "2000", description = "Events per second while measuring latency (default 2000).")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "15", description = "How long to measure latency (default 15).")
    int latencySeconds;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the events topic (default 4).")
    int partitions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output output = ((Sightline) spec.root().userObject()).output();
        Path scratch = Files.createTempDirectory("sightline-bench-stream-");
        BenchReport report = BenchReport.start("stream");
        try {
            List<Path> samples = List.of(shared("logs/zeek-wrccdc-2018/dns.json.gz"), shared("logs/suricata-surevego/eve.json"));
            List<ObjectNode> indicators = indicators(samples);
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                files.addAll(samples);
            }
            List<Indicator> compiled = indicators.stream().map(json -> Indicators.of(json).orElseThrow()).toList();

            LogMatching.run(IndicatorIndex.compile(compiled), files, LogFormat.AUTO, null, new SightingRecorder(null)); // warm-up
            SightingRecorder recorder = new SightingRecorder(null);
            LogMatching.Run batch = LogMatching.run(IndicatorIndex.compile(compiled), files, LogFormat.AUTO, null, recorder);
            long matches = recorder.stixObjects().stream().filter(object -> object.path("type").asText().equals("sighting"))
                    .mapToLong(sighting -> sighting.path("count").asLong()).sum();
            report.add("events_per_s", batch.eventsPerSecond(), "events/s", BenchReport.params("mode", "match", "instances", 1, "threads", 1,
                    "events", batch.events(), "indicators", compiled.size(), "matches", matches));

            // One pass unreported first, as 'match' had its warm-up: the stream's own code is compiled by then.
            streamPass(false, 1, 1, files, indicators, matches, scratch, null);
            // Kafka alone first: the same events read exactly-once by a processor that only counts.
            streamPass(true, 1, 1, files, indicators, matches, scratch, report);
            // Scaling out: one and two instances of one thread each; then one instance on every core.
            for (int instances : new int[] {1, 2}) {
                streamPass(false, instances, 1, files, indicators, matches, scratch, report);
            }
            int cores = Runtime.getRuntime().availableProcessors();
            if (cores > 1) {
                streamPass(false, 1, cores, files, indicators, matches, scratch, report);
            }
        } finally {
            BenchData.deleteRecursively(scratch);
        }
        report.print(output);
        return Sightline.OK;
    }

    /**
     * The events through {@code instances} instances of a new application, each with {@code threads}
     * stream threads, matching or ({@code readingOnly}) only counting; figures added to {@code report} unless null.
     */
    private void streamPass(boolean readingOnly, int instances, int threads, List<Path> files, List<ObjectNode> indicators, long matches, Path scratch, BenchReport report)
            throws Exception {
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        StreamSettings settings = new StreamSettings(kafka.connection(), run + "-events", run + "-sightings", run + "-indicators",
                LogFormat.AUTO, run, null).withThreads(threads);
        Topics.ensure(kafka.connection(), settings.eventsTopic(), settings.sightingsTopic(), settings.indicatorsTopic(), partitions);
        IndicatorPublisher.publish(kafka.connection(), settings.indicatorsTopic(), indicators);
        List<StreamInstance> running = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                String stateDir = scratch.resolve(run + "-" + i).toString();
                running.add(readingOnly ? StreamInstance.readingOnly(settings, stateDir) : StreamInstance.start(settings, stateDir, null));
            }
            // Timing starts once every instance runs with its share of the tasks: joining and rebalancing are not throughput.
            int tasks = readingOnly ? partitions : partitions * 2; // the matcher's and the aggregator's, one per partition each
            await(() -> running.stream().allMatch(instance -> instance.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING
                    && instance.activeTasks() > 0) && running.stream().mapToInt(StreamInstance::activeTasks).sum() == tasks, 120);
            Thread.sleep(3000); // the global indicator store read
            // The events wait in the topic while the instances are paused, so what is timed is the stream
            // alone, as 'match' is timed alone on files already written; publishing is timed on its own.
            running.forEach(StreamInstance::pause);
            LongSupplier read = () -> running.stream().mapToLong(instance -> instance.counters().events()).sum();
            long publishStart = System.nanoTime();
            long published = EventPublisher.publish(kafka.connection(), settings.eventsTopic(), files);
            double publishing = (System.nanoTime() - publishStart) / 1e9;
            long start = System.nanoTime();
            running.forEach(StreamInstance::resume);
            await(() -> read.getAsLong() >= published, 600);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (readingOnly) {
                report.add("events_per_s", published / seconds, "events/s", BenchReport.params("mode", "kafka-read-only",
                        "instances", instances, "threads", threads, "events", published, "partitions", partitions));
                return;
            }
            await(() -> running.stream().mapToLong(instance -> instance.counters().matches()).sum() >= matches, 60);
            if (report == null) {
                return;
            }
            long found = running.stream().mapToLong(instance -> instance.counters().matches()).sum();
            long versions = running.stream().mapToLong(instance -> instance.counters().sightings()).sum();
            report.add("events_per_s", published / seconds, "events/s", BenchReport.params("mode", "stream",
                    "instances", instances, "threads", threads, "events", published, "partitions", partitions, "indicators", indicators.size(), "matches", found,
                    "sighting_versions", versions));
            report.add("publish_events_per_s", published / publishing, "events/s", BenchReport.params("instances", instances,
                    "events", published, "partitions", partitions));
            if (instances == 2) { // two instances caught up
                latency(settings, files, report, instances);
            }
        } finally {
            running.forEach(StreamInstance::close);
        }
    }

    /**
     * Events produced at a steady rate while the instances keep up. Each sighting version sent is
     * stamped with the produce time of the oldest event it counts, so its latency (the time a
     * read_committed consumer receives it minus that stamp) is the longest any of its events waited.
     */
    private void latency(StreamSettings settings, List<Path> files, BenchReport report, int instances) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(StixReader.open(files.get(1)), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank()).forEach(lines::add);
        }
        Properties consumerProperties = settings.kafka().consumer(settings.applicationId() + "-latency");
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        Properties producerProperties = settings.kafka().producer();
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        List<Long> latencies = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties);
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties)) {
            consumer.subscribe(List.of(settings.sightingsTopic()));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.poll(Duration.ofMillis(100));
            long total = (long) rate * latencySeconds;
            long start = System.nanoTime();
            for (long sent = 0; sent < total; sent++) {
                String line = lines.get((int) (sent % lines.size()));
                producer.send(new ProducerRecord<>(settings.eventsTopic(), null, System.currentTimeMillis(), EventPublisher.key(line), line));
                long due = start + sent * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    collect(consumer, latencies, Duration.ZERO);
                }
            }
            producer.flush();
            long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < drain) {
                collect(consumer, latencies, Duration.ofMillis(200));
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        var params = BenchReport.params("instances", instances, "rate_events_per_s", rate, "sightings", sorted.length, "seconds", latencySeconds);
        report.add("latency_p50_ms", percentile(sorted, 0.50), "ms", params);
        report.add("latency_p99_ms", percentile(sorted, 0.99), "ms", params);
    }

    private static void collect(KafkaConsumer<String, String> consumer, List<Long> latencies, Duration wait) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, String> record : consumer.poll(wait)) {
            latencies.add(now - record.timestamp());
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** 60 indicators on values the samples hold (their busiest domains and addresses), the rest on values they do not. */
    private List<ObjectNode> indicators(List<Path> files) throws Exception {
        java.util.Set<String> patterns = new java.util.LinkedHashSet<>(Arrays.asList("[domain-name:value = 'security.debian.org']",
                "[domain-name:value = 'dpvctowv9b08b.cloudfront.net']", "[ipv4-addr:value = '172.21.3.254']",
                "[domain-name:value = 'ise.wrccdc.org']", "[domain-name:value = 'wpad.wrccdc.org']", "[domain-name:value LIKE '%.cpp.edu']"));
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(StixReader.open(files.get(0)), StandardCharsets.UTF_8))) {
            reader.lines().limit(20_000).forEach(line -> {
                String query = StixJson.parseObject(line, "dns").path("query").asText("");
                if (!query.isEmpty() && !query.contains("'")) {
                    seen.merge(query, 1, Integer::sum);
                }
            });
        }
        seen.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(54)
                .forEach(entry -> patterns.add("[domain-name:value = '" + entry.getKey() + "']"));
        java.util.SplittableRandom random = new java.util.SplittableRandom(20181220);
        while (patterns.size() < indicatorCount) {
            patterns.add(random.nextBoolean() ? "[domain-name:value = 'x" + Long.toHexString(random.nextLong()) + ".example']"
                    : "[ipv4-addr:value = '198.18." + random.nextInt(256) + "." + random.nextInt(256) + "']");
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (String pattern : patterns) {
            ObjectNode indicator = StixJson.newObject("indicator", StixId.deterministic("indicator", pattern), "2017-01-01T00:00:00.000Z");
            indicator.put("pattern", pattern);
            indicator.put("pattern_type", "stix");
            indicator.put("valid_from", "2017-01-01T00:00:00Z");
            objects.add(indicator);
        }
        return objects;
    }

    private static Path shared(String relative) {
        Path path = BenchData.SHARED.resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new NotFoundException("no sample log at " + path + "; run the benchmark from the repository root, beside ../shared/data");
        }
        return path;
    }

    private static void await(java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stream did not finish within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }
}
