package org.sightline.server.exposure;

import io.javalin.http.Context;
import org.sightline.intel.claims.NamedObjects;
import org.sightline.intel.exposure.ExposureModel;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.server.http.Params;
import org.sightline.store.StixStore;

/** GET /api/v1/exposure: which actors can reach an organisation through its suppliers. */
public final class ExposureHandlers {
    private final StixStore store;

    public ExposureHandlers(StixStore store) {
        this.store = store;
    }

    /** GET /api/v1/exposure?org=&top=&as_of= */
    public void exposure(Context ctx) {
        String named = ctx.queryParam("org");
        int count = Params.count(ctx, "top", 10, 1000);
        java.time.Instant at = Params.asOf(ctx); // every parameter read before any work, so each is named when wrong
        StixStore seen = Access.seenBy(ctx, store);
        String organisation = ExposureModel.organisation(seen, named == null ? null : NamedObjects.resolve(seen, named, "org"));
        HttpJson.write(ctx, new ExposureModel(seen).rank(organisation, count, at));
    }
}
