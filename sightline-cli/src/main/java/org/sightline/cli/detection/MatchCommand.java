package org.sightline.cli.detection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.cli.KeepOptions;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.events.indicators.Indicators;
import org.sightline.events.logs.JsonLinesMapping;
import org.sightline.events.logs.LogFormat;
import org.sightline.events.sightings.SightingRecorder;
import org.sightline.ingest.hunt.KeptLog;
import org.sightline.ingest.hunt.LogArchive;
import org.sightline.ingest.sightings.LogMatching;
import org.sightline.ingest.sightings.SightingImport;
import org.sightline.ingest.sightings.StoredIndicators;
import org.sightline.intel.lifecycle.IndicatorDecay;
import org.sightline.intel.lifecycle.IndicatorLifecycle;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixWriter;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match indicators (STIX patterns) against logs and write STIX 2.1 sightings.",
                "Logs: Zeek TSV or JSON (conn, dns, http, ssl, x509, files, smtp, notice), Suricata EVE JSON "
                        + "(alert, dns, http, tls, flow, fileinfo), JSON lines with --mapping, STIX observed-data. "
                        + "A malformed line is counted and reported with its file and line; the run goes on."})
public final class MatchCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    @Option(names = "--indicators", paramLabel = "FILE", description = "A STIX bundle holding the indicators.")
    Path indicatorsFile;

    @Option(names = "--from-store", description = "Use the indicators in the knowledge store that have not expired "
            + "(past valid_until, or decayed under 0.2 as 'indicators' scores them).")
    boolean fromStore;

    @Option(names = "--include-expired", description = "With --from-store: the expired indicators too (to replay old logs, say).")
    boolean includeExpired;

    @Option(names = "--events", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Log files (plain or gzip); - reads standard input.")
    List<Path> events;

    @Option(names = "--format", defaultValue = "auto", description = "auto (default), zeek, eve, jsonl or stix.")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE", description = "For JSON lines: which fields hold which observables.")
    Path mapping;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the sightings (with their observed-data) as a STIX bundle.")
    Path out;

    @Option(names = "--store", description = "Record the sightings in the knowledge store.")
    boolean store;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that read and match (default: all cores); "
            + "the sightings are the same whatever the number.")
    Integer threads;

    @Option(names = "--sighted-at", paramLabel = "IDENTITY", description = "Identity (or location) id for where_sighted_refs.")
    String sightedAt;

    @picocli.CommandLine.Mixin
    KeepOptions keeping;

    /** The store is opened (and the command audited) only for --from-store, --store or --keep: files in, files out need none. */
    @Override
    public Integer call() {
        return fromStore || store || keeping.keep() ? inKnowledgeBase(this::run) : run(null, output());
    }

    /** @param knowledge the store, or null when neither --from-store nor --store was given */
    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        if ((indicatorsFile == null) == !fromStore) {
            throw new InvalidInputException("name the indicators with exactly one of --indicators FILE and --from-store");
        }
        if (includeExpired && !fromStore) {
            throw new InvalidInputException("--include-expired goes with --from-store (a bundle's indicators are all matched)");
        }
        if (sightedAt != null && !sightedAt.startsWith("identity--") && !sightedAt.startsWith("location--")) {
            throw new InvalidInputException("--sighted-at must be an identity or location id, got '" + sightedAt + "'");
        }
        for (Path file : events) {
            if (!org.sightline.events.logs.LogReader.isStandardInput(file) && !Files.isRegularFile(file)) {
                throw new org.sightline.error.NotFoundException("no such log file: " + file);
            }
            if (keeping.keep() && org.sightline.events.logs.LogReader.isStandardInput(file)) {
                throw new InvalidInputException("--keep keeps files; standard input cannot be kept (save it to a file first)");
            }
        }
        Duration retention = keeping.keep() ? keeping.retention() : null;
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new InvalidInputException("--threads must be 1 or more, got " + workers);
        }
        List<Indicator> indicators = fromStore ? StoredIndicators.current(knowledge.store()) : Indicators.fromFile(indicatorsFile);
        int expired = 0;
        if (fromStore && !includeExpired) {
            java.util.Set<String> gone = IndicatorLifecycle.expired(knowledge.store(), Instant.now(), IndicatorDecay.of(knowledge.location().dataDir()));
            expired = (int) indicators.stream().filter(indicator -> gone.contains(indicator.id())).count();
            indicators = indicators.stream().filter(indicator -> !gone.contains(indicator.id())).toList();
        }
        IndicatorIndex index = IndicatorIndex.compile(indicators);
        SightingRecorder recorder = new SightingRecorder(sightedAt);
        LogMatching.Run run = LogMatching.run(index, events, LogFormat.parse(format),
                mapping == null ? null : JsonLinesMapping.read(mapping), recorder, workers);
        List<ObjectNode> sightings = recorder.stixObjects();
        if (out != null) {
            writeBundle(sightings, out);
        }
        long stored = store ? SightingImport.store(knowledge.intake(), sightings) : 0;
        List<KeptLog> kept = new java.util.ArrayList<>();
        int pruned = 0;
        if (retention != null) {
            LogArchive archive = LogArchive.of(knowledge.location().dataDir());
            run.files().forEach(span -> kept.add(archive.keep(span)));
            pruned = archive.prune(retention, Instant.now());
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("indicators", index.size());
        document.put("indicators_rejected", index.rejected());
        document.put("indicators_expired", expired);
        document.put("events", run.events());
        document.put("malformed", run.malformed());
        document.put("matched", run.matchedEvents());
        document.put("sightings", run.sightings());
        document.put("events_per_s", Math.round(run.eventsPerSecond()));
        document.put("threads", workers);
        document.put("seconds", Math.round(run.seconds() * 1000) / 1000.0);
        document.put("problems", run.problems());
        document.put("stored", stored);
        if (retention != null) {
            document.put("kept", kept.stream().map(log -> log.file().toString()).toList());
            document.put("pruned", pruned);
        }
        int prunedFiles = pruned;
        int leftOut = expired;
        output.answer(document, () -> {
            output.line(String.format("%,d events read, %,d malformed, %,d matched, %,d sightings, %,.0f events/s",
                    run.events(), run.malformed(), run.matchedEvents(), run.sightings(), run.eventsPerSecond()));
            run.problems().forEach(problem -> output.line("  malformed: " + problem));
            index.rejected().forEach(problem -> output.line("  indicator not compiled: " + problem));
            if (leftOut > 0) {
                output.line(String.format("  %,d expired indicators left out (--include-expired matches them too)", leftOut));
            }
            if (out != null) {
                output.line("sightings written to " + out);
            }
            if (retention != null) {
                output.line(String.format("%d logs kept for hunting in %s%s", kept.size(), LogArchive.of(knowledge.location().dataDir()).root(),
                        prunedFiles == 0 ? "" : String.format(", %d older than %d days deleted", prunedFiles, keeping.retentionDays())));
            }
        });
        return Sightline.OK;
    }

    private static void writeBundle(List<ObjectNode> objects, Path file) {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file));
             StixWriter writer = new StixWriter(stream, true)) {
            objects.forEach(object -> writer.write(new StixObject(object)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
