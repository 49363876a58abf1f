package org.sightline.server.screening;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.EnumMap;
import java.util.Map;
import org.sightline.error.InvalidInputException;
import org.sightline.intel.screening.Screening;
import org.sightline.intel.screening.ScreeningService;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;
import org.sightline.store.clearance.ClearedStore;

/**
 * POST /api/v1/screen: a name ({"name", "type", "country", "birth_date", "identifier", "threshold"})
 * or the whole knowledge base ({"all": true, "threshold"}) screened against the lists, as
 * `sightline screen` does. A token screens against, and sees, only what its clearance allows; each
 * clearance keeps its own index, rebuilt when the store changes.
 */
public final class ScreeningHandlers {
    private final StixStore store;
    private final Map<Tlp, ScreeningService> services = new EnumMap<>(Tlp.class);

    public ScreeningHandlers(StixStore store) {
        this.store = store;
    }

    public void screen(Context ctx) {
        JsonNode body = HttpJson.body(ctx);
        double threshold = threshold(body.path("threshold"));
        ScreeningService service = service(Access.token(ctx).clearanceLevel());
        if (body.path("all").asBoolean(false)) {
            HttpJson.write(ctx, service.screenAll(threshold));
            return;
        }
        Screening.Query query = new Screening.Query(HttpJson.requiredText(body, "name"), ScreeningService.kind(HttpJson.text(body, "type")),
                HttpJson.text(body, "country"), HttpJson.text(body, "birth_date"), HttpJson.text(body, "identifier"));
        HttpJson.write(ctx, service.screen(query, threshold));
    }

    private synchronized ScreeningService service(Tlp clearance) {
        return services.computeIfAbsent(clearance, level -> new ScreeningService(ClearedStore.of(store, level)));
    }

    private static double threshold(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return 0.8;
        }
        if (!value.isNumber()) {
            throw new InvalidInputException("'threshold' must be a number between 0 and 1, not " + value);
        }
        return value.asDouble();
    }
}
