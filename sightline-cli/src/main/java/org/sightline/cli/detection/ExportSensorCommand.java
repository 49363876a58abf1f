package org.sightline.cli.detection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.ingest.sensors.SensorFiles;
import org.sightline.ingest.sensors.SensorFormat;
import org.sightline.ingest.sensors.SensorIndicators;
import org.sightline.intel.lifecycle.IndicatorDecay;
import org.sightline.intel.lifecycle.IndicatorLifecycle;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.clearance.ClearedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export-sensor", mixinStandardHelpOptions = true,
        description = {"Write the active indicators (not revoked, valid now, not decayed under 0.2) as files a sensor loads: zeek-intel (a Zeek Intel "
                + "framework file), suricata-dataset (datasets and file-hash lists with the rules that use them), suricata-rules "
                + "(one rule per value, metadata:sightline_id naming the indicator) or simple-stix (single-comparison patterns).",
                "Patterns that are no alternative of single values (AND, FOLLOWEDBY, qualifiers, LIKE, MATCHES …), and values a "
                        + "format has no place for, are listed in " + ExportSensorCommand.LEFT_FILE + " with the reason."})
public final class ExportSensorCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    static final String LEFT_FILE = "sightline-not-exported.tsv";

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "zeek-intel, suricata-dataset, suricata-rules or simple-stix.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the files into (made if missing).")
    Path out;

    @Option(names = "--min-confidence", paramLabel = "0..100", description = "Only indicators with at least this STIX confidence.")
    Integer minConfidence;

    @Option(names = "--min-score", paramLabel = "0..1",
            description = "Only indicators whose score as they age (see 'indicators list') is at least this; expired ones never go.")
    Double minScore;

    @Option(names = "--include-expired", description = "Send the indicators that have decayed under 0.2 too (by default they leave "
            + "the sensors as they leave 'match'; past valid_until or revoked never go).")
    boolean includeExpired;

    @Option(names = "--clearance", defaultValue = "red", paramLabel = "TLP",
            description = "Leave out indicators marked above this TLP level: clear, green, amber, amber+strict, red (default red).")
    String clearance;

    @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8080", paramLabel = "URL",
            description = "Where the sensor's analysts reach Sightline, for the links back to each indicator (default http://127.0.0.1:8080).")
    String baseUrl;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        SensorFormat chosen = SensorFormat.parse(format);
        var store = ClearedStore.of(knowledge.store(), Tlp.parse(clearance));
        Instant now = Instant.now();
        Predicate<String> keep = IndicatorLifecycle.forSensors(store, now, IndicatorDecay.of(knowledge.location().dataDir()), minScore,
                includeExpired);
        SensorIndicators indicators = SensorIndicators.of(store, now, minConfidence, keep);
        SensorFiles files = chosen.render(indicators, baseUrl.replaceAll("/+$", ""));
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(out);
            for (Map.Entry<String, String> file : files.files().entrySet()) {
                Files.writeString(out.resolve(file.getKey()), file.getValue());
                written.add(file.getKey());
            }
            StringBuilder left = new StringBuilder("indicator\tpattern\twhy\n");
            files.left().forEach(l -> left.append(l.indicatorId()).append('\t').append(l.pattern().replaceAll("\\s+", " ")).append('\t')
                    .append(l.why()).append('\n'));
            Files.writeString(out.resolve(LEFT_FILE), left.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + out + ": " + e.getMessage(), e);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", files.format());
        document.put("out", out.toAbsolutePath().toString());
        document.put("files", written);
        document.put("indicators", files.indicators());
        document.put("values", files.values());
        document.put("not_exported", files.left());
        output.answer(document, () -> {
            output.line(String.format("%s: %d values of %d indicators written to %s (%s)", files.format(), files.values(), files.indicators(),
                    out, String.join(", ", written)));
            if (!files.left().isEmpty()) {
                output.line(files.left().size() + " indicators or values not exported, each with the reason, in " + out.resolve(LEFT_FILE));
            }
        });
        return Sightline.OK;
    }
}
