package org.sightline.server.knowledge;

import io.javalin.http.Context;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;
import org.sightline.store.editing.ObjectEditor;

/** POST /api/v1/objects, …/{id}/versions and …/{id}/revoke: analysts' edits, each a new STIX version. */
public final class ObjectHandlers {
    private final StixStore store;

    public ObjectHandlers(StixStore store) {
        this.store = store;
    }

    private ObjectEditor editor(Context ctx) {
        return new ObjectEditor(Access.seenBy(ctx, store), Access.token(ctx).clearanceLevel());
    }

    public void create(Context ctx) {
        created(ctx, editor(ctx).create(HttpJson.writeBody(ctx)).json());
    }

    public void update(Context ctx) {
        created(ctx, editor(ctx).update(ctx.pathParam("id"), HttpJson.writeBody(ctx)).json());
    }

    public void revoke(Context ctx) {
        created(ctx, editor(ctx).revoke(ctx.pathParam("id")).json());
    }

    private static void created(Context ctx, com.fasterxml.jackson.databind.node.ObjectNode object) {
        ctx.status(201).contentType("application/json").result(StixJson.writePretty(object));
    }
}
