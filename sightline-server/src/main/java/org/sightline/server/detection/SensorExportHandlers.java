package org.sightline.server.detection;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.ingest.sensors.SensorFiles;
import org.sightline.ingest.sensors.SensorFormat;
import org.sightline.ingest.sensors.SensorIndicators;
import org.sightline.intel.lifecycle.IndicatorDecay;
import org.sightline.intel.lifecycle.IndicatorLifecycle;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.server.http.Params;
import org.sightline.store.StixStore;
import org.sightline.store.clearance.ClearedStore;

/**
 * GET /api/v1/sensor-exports/{format}: the active indicators the token's clearance allows, as a
 * sensor loads them (see `sightline export-sensor`). Without {@code file} the answer is JSON with
 * every file and what was left out; with {@code file=NAME} it is that one file as plain text, for a
 * sensor to pull on a schedule.
 */
public final class SensorExportHandlers {
    private final StixStore store;
    private final java.nio.file.Path dataDirectory;

    public SensorExportHandlers(StixStore store, java.nio.file.Path dataDirectory) {
        this.store = store;
        this.dataDirectory = dataDirectory;
    }

    public void export(Context ctx) {
        SensorFormat format = SensorFormat.parse(ctx.pathParam("format"));
        Double confidence = Params.between(ctx, "min_confidence", 100, true, "a STIX confidence");
        Integer minConfidence = confidence == null ? null : confidence.intValue();
        Double minScore = Params.between(ctx, "min_score", 1, false, "a score (see GET /api/v1/indicators)");
        StixStore cleared = ClearedStore.of(store, Access.token(ctx).clearanceLevel());
        Instant now = Instant.now();
        java.util.function.Predicate<String> keep = IndicatorLifecycle.forSensors(cleared, now, IndicatorDecay.of(dataDirectory), minScore,
                "true".equals(ctx.queryParam("include_expired")));
        SensorFiles files = format.render(SensorIndicators.of(cleared, now, minConfidence, keep), ctx.scheme() + "://" + ctx.host());
        String file = ctx.queryParam("file");
        if (file != null) {
            String content = files.files().get(file);
            if (content == null) {
                throw new NotFoundException("the " + format.text() + " export has no file '" + file + "'; it has " + files.files().keySet());
            }
            ctx.contentType(file.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8").result(content);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("format", files.format());
        answer.put("indicators", files.indicators());
        answer.put("values", files.values());
        answer.put("files", files.files());
        answer.put("not_exported", files.left());
        HttpJson.write(ctx, answer);
    }
}
