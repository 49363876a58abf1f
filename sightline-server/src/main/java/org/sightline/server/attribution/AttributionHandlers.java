package org.sightline.server.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import org.sightline.intel.similarity.SimilarityService;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.server.http.Params;
import org.sightline.store.StixStore;

/** POST /api/v1/similar and /attribute: who is behind an intrusion, with a model per clearance. */
public final class AttributionHandlers {
    /** One model per clearance, each built from what that clearance sees: probabilities and reasons must not draw on hidden groups. */
    private final java.util.Map<org.sightline.stix.markings.Tlp, SimilarityService> similarity = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<org.sightline.stix.markings.Tlp, org.sightline.intel.intrusion.AttributionService> attribution =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final StixStore store;

    public AttributionHandlers(StixStore store) {
        this.store = store;
    }

    public void similar(Context ctx) {
        JsonNode body = HttpJson.body(ctx);
        List<String> techniques = new java.util.ArrayList<>();
        List<String> software = new java.util.ArrayList<>();
        body.path("techniques").forEach(t -> techniques.add(t.asText()));
        body.path("software").forEach(s -> software.add(s.asText()));
        org.sightline.stix.markings.Tlp clearance = Access.token(ctx).clearanceLevel();
        SimilarityService service = similarity.computeIfAbsent(clearance, level -> new SimilarityService(seen(ctx)));
        HttpJson.write(ctx, service.similar(techniques, software, body.path("top").asInt(10)));
    }

    /**
     * {"intrusion": ID or NAME} for a campaign, report or grouping in the store, or the intrusion
     * described: techniques, software, sectors, countries, from, to, indicators (values or patterns).
     */
    public void attribute(Context ctx) {
        JsonNode body = HttpJson.body(ctx);
        int top = body.path("top").asInt(10);
        org.sightline.stix.markings.Tlp clearance = Access.token(ctx).clearanceLevel();
        var service = attribution.computeIfAbsent(clearance, level -> new org.sightline.intel.intrusion.AttributionService(seen(ctx)));
        if (body.hasNonNull("intrusion")) {
            HttpJson.write(ctx, service.attribute(body.path("intrusion").asText(), top));
            return;
        }
        List<String> indicators = new java.util.ArrayList<>();
        body.path("indicators").forEach(i -> indicators.addAll(org.sightline.intel.intrusion.IndicatorValues.of(i.asText())));
        HttpJson.write(ctx, service.attribute(new org.sightline.intel.intrusion.Intrusion(null, "the intrusion described",
                Params.texts(body, "techniques"), Params.texts(body, "software"), Params.texts(body, "sectors"), Params.texts(body, "countries"),
                Params.day(body, "from"), Params.day(body, "to"), indicators, List.of()), top));
    }

    /** The store as this request's token may see it (its TLP clearance). */
    private StixStore seen(Context ctx) {
        return Access.seenBy(ctx, store);
    }
}
