package org.sightline.server.detection;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.hunt.IndicatorHunt;
import org.sightline.ingest.hunt.LogArchive;
import org.sightline.ingest.sightings.StoredIndicators;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StixStore;

/**
 * GET /api/v1/hunts: the logs kept for hunting; POST /api/v1/hunts: a hunt over them, as `sightline
 * hunt` runs one, of the indicators the token's clearance allows. Only a token that sees everything
 * moves the mark of new indicators, so a hunt with a narrower view leaves the rest for the next.
 */
public final class HuntHandlers {
    private final KnowledgeBase knowledge;

    public HuntHandlers(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    private LogArchive archive() {
        return LogArchive.of(knowledge.location().dataDir());
    }

    public void logs(Context ctx) {
        LogArchive archive = archive();
        List<Map<String, Object>> logs = archive.kept().stream().map(log -> {
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("file", archive.root().relativize(log.file()).toString());
            kept.put("source", log.source());
            kept.put("events", log.events());
            kept.put("first_event", log.first() == null ? null : StixTimestamp.format(log.first()));
            kept.put("last_event", log.last() == null ? null : StixTimestamp.format(log.last()));
            kept.put("kept_at", log.keptAt() == null ? null : StixTimestamp.format(log.keptAt()));
            return kept;
        }).toList();
        HttpJson.write(ctx, Map.of("logs", logs, "hunted_through", archive.huntedThrough(), "store_sequence", knowledge.store().lastSequence()));
    }

    public void hunt(Context ctx) {
        JsonNode body = HttpJson.writeBody(ctx);
        String which = body.path("indicators").asText("new");
        Instant since = body.path("since").isTextual() ? StixTimestamp.parseUserDate(body.path("since").asText(), "since") : null;
        boolean dryRun = body.path("dry_run").asBoolean(false);
        Tlp clearance = Access.token(ctx).clearanceLevel();
        StixStore visible = Access.seenBy(ctx, knowledge.store());
        IndicatorHunt hunt = new IndicatorHunt(knowledge.intake(), archive());
        int threads = Runtime.getRuntime().availableProcessors();
        IndicatorHunt.Report report = switch (which) {
            case "new" -> hunt.newIndicators(visible, List.of(), since, threads, !dryRun, !dryRun && clearance == Tlp.RED);
            case "all" -> hunt.hunt(StoredIndicators.current(visible), List.of(), since, threads, !dryRun);
            default -> throw new InvalidInputException("indicators is \"new\" or \"all\", not '" + which + "'");
        };
        HttpJson.write(ctx, report.document(since, dryRun));
    }
}
