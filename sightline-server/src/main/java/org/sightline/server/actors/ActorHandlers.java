package org.sightline.server.actors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.intel.actors.ActorDirectory;
import org.sightline.intel.actors.ActorResolution;
import org.sightline.server.auth.Access;
import org.sightline.server.http.ErrorResponses;
import org.sightline.server.http.HttpJson;
import org.sightline.server.http.Params;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;

/** GET /api/v1/actors: name resolution, an actor's card, timeline and dossier. */
public final class ActorHandlers {
    private final StixStore store;

    public ActorHandlers(StixStore store) {
        this.store = store;
    }

    public void actors(Context ctx) {
        ActorResolution resolution = new ActorDirectory(seen(ctx)).resolve(Params.required(ctx, "q"));
        // ?unknown=ok: "no such actor" is an answer, not an error (a search box asks before it searches)
        if (resolution.found() || "ok".equals(ctx.queryParam("unknown"))) {
            HttpJson.write(ctx, resolution);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(ErrorResponses.body("not_found",
                "no intrusion set, threat actor or campaign is named '" + resolution.query() + "'"));
        body.put("query", resolution.query());
        body.put("match", null);
        body.put("candidates", resolution.candidates());
        ErrorResponses.send(ctx, 404, body);
    }

    public void actorProfile(Context ctx) {
        StixStore store = seen(ctx);
        var profile = new org.sightline.intel.actors.ActorProfiles(store).profile(ctx.pathParam("id"));
        ObjectNode answer = StixJson.documentTree(profile);
        List<String> names = new java.util.ArrayList<>();
        answer.path("aliases").forEach(alias -> names.add(alias.path("name").asText()));
        answer.set("conflicting_names", StixJson.documentTree(new ActorDirectory(store).conflictingNames(answer.path("id").asText(), names)));
        ctx.contentType("application/json").result(StixJson.writePretty(answer));
    }

    /** The dossier on the actor, as of a date, in the format asked for (html by default). */
    public void actorDossier(Context ctx) {
        StixStore store = seen(ctx);
        ActorDirectory actors = new ActorDirectory(store);
        var card = actors.card(actors.actor(ctx.pathParam("id")));
        String format = ctx.queryParam("format");
        var chosen = org.sightline.intel.dossier.DossierFormat.parse(format == null ? "html" : format);
        java.time.Instant at = Params.asOf(ctx);
        var dossier = new org.sightline.intel.dossier.DossierBuilder(store).build(card.id(), at);
        ctx.contentType(chosen.mediaType()).result(chosen.render(dossier, store));
    }

    public void actorTimeline(Context ctx) {
        // An unknown id is a 404 from here, before the date is read.
        StixStore store = seen(ctx);
        ActorDirectory actors = new ActorDirectory(store);
        var card = actors.card(actors.actor(ctx.pathParam("id")));
        java.time.Instant at = Params.asOf(ctx);
        HttpJson.write(ctx, new org.sightline.intel.timeline.ActivityTimeline(store).of(card, at));
    }

    /** The store as this request's token may see it (its TLP clearance). */
    private StixStore seen(Context ctx) {
        return Access.seenBy(ctx, store);
    }
}
