package org.sightline.server.claims;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sightline.intel.ach.AchBook;
import org.sightline.intel.ach.Consistency;
import org.sightline.intel.claims.ClaimTopics;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.server.http.Params;
import org.sightline.store.StixStore;

/** /api/v1/ach: the same analyses of competing hypotheses as `sightline ach`. */
public final class AchHandlers {
    private final StixStore store;

    public AchHandlers(StixStore store) {
        this.store = store;
    }

    public void list(Context ctx) {
        HttpJson.write(ctx, Map.of("analyses", new AchBook(seen(ctx)).all()));
    }

    public void show(Context ctx) {
        Instant at = Params.asOf(ctx);
        HttpJson.write(ctx, new AchBook(seen(ctx)).analyse(ctx.pathParam("id"), at));
    }

    /** {"about":…,"question":…,"hypotheses":[{"label":…,"claim":…}]} */
    public void create(Context ctx) {
        JsonNode body = HttpJson.writeBody(ctx);
        List<AchBook.NewHypothesis> hypotheses = new ArrayList<>();
        body.path("hypotheses").forEach(h -> hypotheses.add(new AchBook.NewHypothesis(
                h.isTextual() ? h.asText() : HttpJson.requiredText(h, "label"), h.isTextual() ? null : HttpJson.text(h, "claim"))));
        String about = ClaimTopics.idsAbout(seen(ctx), HttpJson.requiredText(body, "about"), "about").get(0);
        HttpJson.created(ctx, new AchBook(seen(ctx), HttpJson.marking(body)).create(about, HttpJson.requiredText(body, "question"), hypotheses));
    }

    /** {"evidence":…,"hypothesis":"H1","rating":"CC"} */
    public void rate(Context ctx) {
        JsonNode body = HttpJson.writeBody(ctx);
        HttpJson.write(ctx, new AchBook(seen(ctx)).rate(ctx.pathParam("id"), HttpJson.requiredText(body, "evidence"),
                HttpJson.requiredText(body, "hypothesis"), Consistency.parse(HttpJson.requiredText(body, "rating"))));
    }

    /** The store as this request's token may see it (its TLP clearance). */
    private StixStore seen(Context ctx) {
        return Access.seenBy(ctx, store);
    }
}
