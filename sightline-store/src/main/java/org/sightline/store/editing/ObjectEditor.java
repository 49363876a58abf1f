package org.sightline.store.editing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sightline.error.ConflictException;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.stix.StixId;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.StixTypes;
import org.sightline.stix.Versions;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;
import org.sightline.store.clearance.ClearedStore;
import org.sightline.store.intake.Intake;

/**
 * An analyst's edits to STIX objects, the STIX way: a new object, a new version of one (STIX 2.1
 * §3.6: same id and created, later modified), or a revocation, which is a last version with
 * {@code revoked: true}. Nothing is overwritten; every version stays readable. Each write is
 * validated, and nobody writes an object marked above what they may read back.
 */
public final class ObjectEditor {
    private final StixStore store;
    private final Tlp clearance;

    /** An editor on the store as its user sees it, cleared to that user's level. */
    public ObjectEditor(StixStore store, Tlp clearance) {
        this.store = store;
        this.clearance = clearance;
    }

    /** Stores a new object; a missing id, spec_version, created or modified is filled in. */
    public StixObject create(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("type").isTextual()) {
            throw new InvalidInputException("a new object is a JSON object with a STIX \"type\"");
        }
        ObjectNode object = ((ObjectNode) body).deepCopy();
        String type = object.get("type").asText();
        if (!object.has("id")) {
            object.put("id", StixId.random(type));
        }
        String id = object.get("id").asText();
        if (store instanceof ClearedStore cleared && cleared.hides(id)) {
            throw new NotFoundException("no object " + id + " that this token may write");
        }
        if (store.current(id).isPresent()) {
            throw new ConflictException(id + " exists already; send changes to /api/v1/objects/" + id + "/versions");
        }
        if (!object.has("spec_version")) {
            object.put("spec_version", "2.1");
        }
        if (!StixTypes.isObservable(type)) {
            String now = StixTimestamp.format(Instant.now());
            if (!object.has("created")) {
                object.put("created", now);
            }
            if (!object.has("modified")) {
                object.put("modified", object.get("created").asText());
            }
        }
        return write(object);
    }

    /**
     * A new version with the changes applied: each field of {@code changes} replaces the current
     * value, a null removes it. modified becomes now (or 1 ms after the current version).
     */
    public StixObject update(String id, JsonNode changes) {
        if (changes == null || !changes.isObject() || changes.isEmpty()) {
            throw new InvalidInputException("send the properties to change as a JSON object (null removes one)");
        }
        ObjectNode next = Versions.next(asStored(id), version -> {
            Iterator<Map.Entry<String, JsonNode>> fields = changes.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("modified")) {
                    continue; // the store's clock decides, so that versions stay in order
                }
                if (field.getValue().isNull()) {
                    version.remove(field.getKey());
                } else {
                    version.set(field.getKey(), field.getValue());
                }
            }
        });
        return write(next);
    }

    /** Revokes the object: a last version saying it is no longer to be used. */
    public StixObject revoke(String id) {
        return write(Versions.revoke(asStored(id)));
    }

    /**
     * The current version as stored, not as the writer is shown it: a new version starts from it, so
     * a reference the writer may not see is kept, not dropped by the edit.
     */
    private StixObject asStored(String id) {
        return (store instanceof ClearedStore cleared ? cleared.currentAsStored(id) : store.current(id))
                .orElseThrow(() -> new NotFoundException("no object " + id + " in the knowledge store"));
    }

    private StixObject write(ObjectNode object) {
        Intake.of(store).writeAll(List.of(object), object.path("id").asText(), clearance);
        return store.current(object.path("id").asText()).filter(shown -> shown.modified() == null
                || shown.modified().equals(object.path("modified").asText())).orElse(new StixObject(object));
    }
}
