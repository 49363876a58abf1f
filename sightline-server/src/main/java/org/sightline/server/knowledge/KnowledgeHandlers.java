package org.sightline.server.knowledge;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.NotFoundException;
import org.sightline.intel.graph.ObjectLinks;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.server.http.Params;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StixStore;
import org.sightline.store.search.SearchHit;

/** GET /health, /api/v1/stats, objects and their versions, search and the graph: reading the store. */
public final class KnowledgeHandlers {
    private final KnowledgeBase knowledge;
    private final StixStore store;

    public KnowledgeHandlers(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
        this.store = knowledge.store();
    }

    public void health(Context ctx) {
        knowledge.store().lastSequence(); // proves the store answers
        HttpJson.write(ctx, Map.of("status", "ok"));
    }

    public void stats(Context ctx) {
        HttpJson.write(ctx, seen(ctx).stats());
    }

    public void object(Context ctx) {
        String id = ctx.pathParam("id");
        String version = ctx.queryParam("version");
        StixStore store = seen(ctx);
        StixObject object = (version == null ? store.current(id) : store.version(id, version))
                .orElseThrow(() -> new NotFoundException("no object " + id
                        + (version == null ? "" : " with version " + version) + " in the knowledge store"));
        ctx.contentType("application/json").result(StixJson.writePretty(object.json()));
    }

    /** GET /api/v1/objects/{id}/links: the object with its marking, relationships both ways and what points at it, as its page shows them. */
    public void links(Context ctx) {
        HttpJson.write(ctx, new ObjectLinks(seen(ctx)).of(ctx.pathParam("id")));
    }

    public void versions(Context ctx) {
        String id = ctx.pathParam("id");
        List<?> versions = seen(ctx).versions(id);
        if (versions.isEmpty()) {
            throw new NotFoundException("no object " + id + " in the knowledge store");
        }
        HttpJson.write(ctx, Map.of("id", id, "versions", versions));
    }

    public void search(Context ctx) {
        String text = Params.required(ctx, "q");
        Set<String> types = new LinkedHashSet<>(ctx.queryParams("type"));
        int limit = Params.count(ctx, "limit", 20, 1000);
        List<SearchHit> found = knowledge.search(text, types, limit);
        // the index knows every object; keep the hits this token may see and that still exist
        java.util.Set<String> visible = seen(ctx).currentObjects(found.stream().map(SearchHit::id).toList()).stream()
                .map(StixObject::id).collect(java.util.stream.Collectors.toSet());
        List<SearchHit> hits = found.stream().filter(hit -> visible.contains(hit.id())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", text);
        body.put("exact", exactExternalIds(seen(ctx), text));
        body.put("hits", hits);
        // the index had more than the limit asked for: the reader is told the list is cut, not left to guess
        body.put("truncated", found.size() >= limit);
        HttpJson.write(ctx, body);
    }

    /** Current objects whose external id is exactly the text ("T1566", "g0045", "CVE-2021-26855"), which a search box opens at once. */
    private static List<Map<String, Object>> exactExternalIds(StixStore store, String text) {
        String wanted = text.trim();
        Set<String> ids = new LinkedHashSet<>();
        for (String form : new LinkedHashSet<>(List.of(wanted, wanted.toUpperCase(java.util.Locale.ROOT)))) {
            store.findByExternalId(form).forEach(ref -> ids.add(ref.objectId()));
        }
        List<Map<String, Object>> exact = new java.util.ArrayList<>();
        for (StixObject object : store.currentObjects(ids)) {
            if (object.revoked()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", object.id());
            row.put("type", object.type());
            row.put("name", object.name());
            exact.add(row);
        }
        return exact;
    }

    /** GET /api/v1/graph/{id}?depth=&max=&type= : the neighbourhood to draw. */
    public void graph(Context ctx) {
        int depth = Params.number(ctx, "depth", 1);
        int max = Params.number(ctx, "max", 300);
        Set<String> types = new LinkedHashSet<>(ctx.queryParams("type"));
        HttpJson.write(ctx, new org.sightline.intel.graph.Neighbourhood(seen(ctx)).around(ctx.pathParam("id"), depth, max, types));
    }

    /** The store as this request's token may see it (its TLP clearance). */
    private StixStore seen(Context ctx) {
        return Access.seenBy(ctx, store);
    }
}
