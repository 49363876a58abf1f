package org.sightline.server.detection;

import io.javalin.http.Context;
import org.sightline.intel.lifecycle.IndicatorDecay;
import org.sightline.intel.lifecycle.IndicatorHistory;
import org.sightline.intel.lifecycle.IndicatorLifecycle;
import org.sightline.intel.lifecycle.IndicatorScore;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.server.http.Params;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;

/** GET /api/v1/indicators: every indicator with its score as it ages, and one indicator's history. */
public final class IndicatorHandlers {
    private final StixStore store;
    private final java.nio.file.Path dataDir;

    public IndicatorHandlers(StixStore store, java.nio.file.Path dataDir) {
        this.store = store;
        this.dataDir = dataDir;
    }

    /** GET /api/v1/indicators?status=&source=&as_of= : every indicator the token may see with its score as it ages, and why (as `indicators list`). */
    public void indicators(Context ctx) {
        java.time.Instant at = Params.asOf(ctx);
        IndicatorScore.Status only = Params.choice(ctx, "status", IndicatorScore.Status.class);
        String source = ctx.queryParam("source");
        var scores = IndicatorLifecycle.scores(seen(ctx), at, IndicatorDecay.of(dataDir))
                .stream().filter(score -> only == null || score.status() == only)
                .filter(score -> source == null || source.isBlank() || source.equals(score.source())).toList();
        HttpJson.write(ctx, java.util.Map.of("as_of", StixTimestamp.format(at), "indicators", scores));
    }

    /** GET /api/v1/indicators/{id}?as_of= : one indicator's score through time and the sightings that moved it. */
    public void indicatorHistory(Context ctx) {
        java.time.Instant at = Params.asOf(ctx);
        HttpJson.write(ctx, IndicatorHistory.of(seen(ctx), ctx.pathParam("id"), at,
                IndicatorDecay.of(dataDir)));
    }

    /** The store as this request's token may see it (its TLP clearance). */
    private StixStore seen(Context ctx) {
        return Access.seenBy(ctx, store);
    }
}
