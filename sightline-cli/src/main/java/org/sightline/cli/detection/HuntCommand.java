package org.sightline.cli.detection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.events.indicators.Indicators;
import org.sightline.ingest.hunt.IndicatorHunt;
import org.sightline.ingest.hunt.KeptLog;
import org.sightline.ingest.hunt.LogArchive;
import org.sightline.ingest.hunt.RetroHunt;
import org.sightline.ingest.sightings.StoredIndicators;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = {"Run indicators over the logs already seen: those 'match --keep' kept, and the folders of Zeek or EVE logs "
                + "named with --logs. The sightings are stored with first_seen when the events happened, marked as found by a "
                + "retro-hunt. By default only the indicators written to the store since the last such hunt are run, so a hunt "
                + "after each import costs what the import brought."})
public final class HuntCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    @Option(names = "--indicators", defaultValue = "new", paramLabel = "new|all|FILE",
            description = "new (default): written since the last hunt of new ones; all: every indicator in the store; or a STIX bundle.")
    String indicators;

    @Option(names = "--since", paramLabel = "DATE", description = "Only events from this date or timestamp on (default: every kept event).")
    String since;

    @Option(names = "--logs", paramLabel = "DIR", description = "A folder of Zeek or EVE logs (plain or gzip) to hunt too (repeatable).")
    List<Path> folders = List.of();

    @Option(names = "--threads", paramLabel = "N", description = "Files read at once (default: all cores).")
    Integer threads;

    @Option(names = "--dry-run", description = "Report what would be found; store nothing and leave the mark of new indicators.")
    boolean dryRun;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new InvalidInputException("--threads must be 1 or more, got " + workers);
        }
        Instant from = since == null ? null : StixTimestamp.parseUserDate(since, "--since");
        List<KeptLog> pointed = new ArrayList<>();
        folders.forEach(folder -> pointed.addAll(LogArchive.folder(folder)));
        LogArchive archive = LogArchive.of(knowledge.location().dataDir());
        IndicatorHunt hunt = new IndicatorHunt(knowledge.intake(), archive);
        IndicatorHunt.Report report = switch (indicators) {
            case "new" -> hunt.newIndicators(pointed, from, workers, !dryRun);
            case "all" -> hunt.hunt(StoredIndicators.current(knowledge.store()), pointed, from, workers, !dryRun);
            default -> {
                Path file = Path.of(indicators);
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInputException("--indicators is new, all or a STIX bundle file; no such file: " + indicators);
                }
                yield hunt.hunt(Indicators.fromFile(file), pointed, from, workers, !dryRun);
            }
        };
        RetroHunt.Result result = report.hunt();
        Map<String, Object> document = report.document(from, dryRun);
        output.answer(document, () -> {
            if (result.indicators() == 0) {
                output.line("no indicators to hunt" + ("new".equals(indicators) ? " (none written since the last hunt; --indicators all runs every one)" : ""));
                return;
            }
            if (result.files() == 0) {
                output.line("no logs to hunt in: keep some with 'sightline match --keep', or name a folder with --logs");
                return;
            }
            output.line(String.format("%,d indicators over %,d logs (%,d records, %,.0f records/s): %,d sightings found retrospectively%s",
                    result.indicators(), result.files(), result.events(), result.eventsPerSecond(), result.sightingCount(),
                    dryRun ? " (dry run: nothing stored)" : ", " + report.stored() + " objects stored"));
            report.found().forEach(found -> output.line(String.format("  %s: %s seen %,d times, %s to %s", found.get("id"),
                    found.get("sighting_of_ref"), (Long) found.get("count"), found.get("first_seen"), found.get("last_seen"))));
            result.problems().forEach(problem -> output.line("  malformed: " + problem));
        });
        return Sightline.OK;
    }
}
