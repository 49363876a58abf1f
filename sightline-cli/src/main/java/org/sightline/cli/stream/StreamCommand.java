package org.sightline.cli.stream;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.events.indicators.Indicators;
import org.sightline.events.logs.LogFormat;
import org.sightline.ingest.sightings.StoredIndicators;
import org.sightline.pattern.stream.Indicator;
import org.sightline.store.KnowledgeBase;
import org.sightline.stream.StreamInstance;
import org.sightline.stream.kafka.Topics;
import org.sightline.stream.topology.StreamSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Run the indexed matcher as a Kafka Streams application until stopped (Ctrl-C): events from --events-topic, "
                + "one sighting per indicator per --window of event time (per Suricata sensor) to --sightings-topic (keyed by "
                + "indicator), a new STIX version of it each --flush-every while its window fills; the indicators from the compacted "
                + "--indicators-topic (see 'indicators publish'), so that a new or revoked indicator reaches every instance without "
                + "a restart. Instances with the same --application-id share the partitions; processing is exactly-once.",
                "Key the events topic by source address ('events publish' does) so an indicator spanning several observations "
                        + "of one host sees them in one partition."})
public final class StreamCommand extends KnowledgeCommand {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--events-topic", required = true, paramLabel = "T")
    String eventsTopic;

    @Option(names = "--sightings-topic", required = true, paramLabel = "S")
    String sightingsTopic;

    @Option(names = "--indicators-topic", paramLabel = "I", description = "The compacted indicators topic. Without it: the indicators of --indicators FILE or the store, fixed.")
    String indicatorsTopic;

    @Option(names = "--indicators", paramLabel = "FILE", description = "Without --indicators-topic: a STIX bundle of indicators (default: the store's).")
    Path indicatorsFile;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|zeek-json|eve|stix", description = "The events' format (auto: each record's own).")
    String format;

    @Option(names = "--application-id", defaultValue = "sightline-matcher", paramLabel = "ID")
    String applicationId;

    @Option(names = "--sighted-at", paramLabel = "IDENTITY", description = "Identity (or location) id for where_sighted_refs.")
    String sightedAt;

    @Option(names = "--window", defaultValue = "PT1H", paramLabel = "DURATION",
            description = "The window of event time one sighting counts, ISO-8601 (default PT1H: an hour).")
    java.time.Duration window;

    @Option(names = "--flush-every", defaultValue = "PT1S", paramLabel = "DURATION",
            description = "How often each partition sends what it counted, ISO-8601 (default PT1S); each send is a new version of the sightings it changed.")
    java.time.Duration flushEvery;

    @Option(names = "--threads", paramLabel = "N",
            description = "Stream threads in this instance (default: one per core, as 'match'); each takes a share of the partitions, so more than the events topic has partitions stay idle.")
    Integer threads;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "Create the topics that are missing, the events and sightings topics with N partitions.")
    int partitions;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        StreamSettings settings;
        try {
            settings = new StreamSettings(kafka.connection(), eventsTopic, sightingsTopic, indicatorsTopic, format(format),
                    applicationId, sightedAt, window, flushEvery, threads != null ? threads : Runtime.getRuntime().availableProcessors());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (partitions > 0) {
            Topics.ensure(kafka.connection(), eventsTopic, sightingsTopic, indicatorsTopic, partitions);
        }
        Supplier<List<Indicator>> fixed = null;
        if (indicatorsTopic == null) {
            List<Indicator> indicators = indicatorsFile != null ? Indicators.fromFile(indicatorsFile) : StoredIndicators.current(knowledge.store());
            if (indicators.isEmpty()) {
                throw new InvalidInputException("no indicators to match: give --indicators-topic, --indicators FILE, or import indicators first");
            }
            fixed = () -> indicators;
        }
        Path state = global().location().dataDir().resolve("streams").resolve(applicationId);
        CountDownLatch stopped = new CountDownLatch(1);
        try (StreamInstance instance = StreamInstance.start(settings, state.toString(), fixed)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.close();
                stopped.countDown();
            }));
            output.err().println("streaming " + eventsTopic + " -> " + sightingsTopic + " as " + applicationId + " (Ctrl-C stops)");
            while (stopped.getCount() > 0) {
                stopped.await(10, java.util.concurrent.TimeUnit.SECONDS);
                output.err().println(String.format(Locale.ROOT, "%s: %,d events, %,d unreadable, %,d matches, %,d sighting versions, %,d indicators", instance.state(),
                        instance.counters().events(), instance.counters().malformed(), instance.counters().matches(), instance.counters().sightings(),
                        instance.counters().indicators()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Sightline.OK;
    }

    static LogFormat format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "auto" -> LogFormat.AUTO;
            case "zeek", "zeek-json" -> LogFormat.ZEEK;
            case "eve" -> LogFormat.EVE;
            case "stix" -> LogFormat.STIX;
            default -> throw new InvalidInputException("--format must be auto, zeek-json, eve or stix; got '" + name + "'");
        };
    }
}
