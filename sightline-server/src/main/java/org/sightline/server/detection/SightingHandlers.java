package org.sightline.server.detection;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.server.http.Params;
import org.sightline.store.StixStore;

/** GET /api/v1/sightings and an analyst's false-positive verdict on one. */
public final class SightingHandlers {
    private final StixStore store;

    public SightingHandlers(StixStore store) {
        this.store = store;
    }

    /** GET /api/v1/sightings?limit= : the newest sightings with what and where, and the count per day. */
    public void sightings(Context ctx) {
        HttpJson.write(ctx, new org.sightline.intel.sightings.RecentSightings(seen(ctx)).newest(Params.count(ctx, "limit", 20, 1000)));
    }

    /**
     * POST /api/v1/sightings/{id}/false-positive {"reason":…} : marks a sighting the token may see a
     * false positive (a STIX opinion about it, see FalsePositives); its indicator's score drops.
     */
    public void markFalsePositive(Context ctx) {
        JsonNode body = HttpJson.writeBody(ctx);
        String id = ctx.pathParam("id");
        if (seen(ctx).current(id).isEmpty()) {
            throw new org.sightline.error.NotFoundException("no sighting " + id);
        }
        JsonNode reason = body.path("reason");
        var marking = org.sightline.intel.lifecycle.FalsePositives.mark(store, id, reason.isTextual() ? reason.asText() : null,
                java.time.Instant.now());
        ctx.status(marking.already() ? 200 : 201);
        HttpJson.write(ctx, marking);
    }

    /** The store as this request's token may see it (its TLP clearance). */
    private StixStore seen(Context ctx) {
        return Access.seenBy(ctx, store);
    }
}
