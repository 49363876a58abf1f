package org.sightline.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.sightline.error.ConflictException;
import org.sightline.error.InvalidInputException;

/**
 * The one way to make a new version of a STIX object (STIX 2.1 §3.6): a copy of the current version
 * with the changes applied, its {@code modified} strictly later than the current one's, and the
 * properties that identify the object ({@link #FIXED}) unchanged. A revoked object gets no further
 * version (§3.6.2), and an object without {@code modified} (an SCO) has no versions at all. Every
 * writer that versions an object (the object editor, claims, ACH, suppliers, actor links, list
 * updates) goes through here, so none of them can version a revoked claim or move a {@code created}.
 */
public final class Versions {
    /** What may not change between versions of one object. */
    public static final Set<String> FIXED = Set.of("id", "type", "created", "spec_version", "created_by_ref");

    private Versions() {
    }

    /** The next version with the changes applied, modified now (or 1 ms after the current version). */
    public static ObjectNode next(StixObject current, Consumer<ObjectNode> changes) {
        return next(current, null, changes);
    }

    /**
     * The next version with the changes applied, modified at the date given when that is after the
     * current version (a list's publication date, say), else 1 ms after it; null means now.
     */
    public static ObjectNode next(StixObject current, Instant at, Consumer<ObjectNode> changes) {
        requireVersionable(current);
        ObjectNode next = current.json().deepCopy();
        changes.accept(next);
        for (String name : FIXED) {
            if (!Objects.equals(current.json().get(name), next.get(name))) {
                throw new InvalidInputException("'" + name + "' cannot change between versions of an object (STIX 2.1 §3.6); "
                        + "create a new object instead");
            }
        }
        next.put("modified", modifiedAfter(current.modified(), at));
        return next;
    }

    /**
     * The next version saying what {@code proposed} says: its properties replace the current ones,
     * the fixed ones kept from the current version.
     */
    public static ObjectNode replacing(StixObject current, ObjectNode proposed, Instant at) {
        return next(current, at, next -> {
            next.removeAll();
            next.setAll(proposed.deepCopy());
            for (String name : FIXED) {
                JsonNode kept = current.json().get(name);
                if (kept == null) {
                    next.remove(name);
                } else {
                    next.set(name, kept);
                }
            }
        });
    }

    /** The last version: the object revoked. */
    public static ObjectNode revoke(StixObject current) {
        return next(current, next -> next.put("revoked", true));
    }

    /** Refuses an object that can have no next version, naming why. */
    public static void requireVersionable(StixObject current) {
        if (current.revoked()) {
            throw new ConflictException(current.id() + " is revoked; a revoked object gets no further versions (STIX 2.1 §3.6.2)");
        }
        if (current.modified() == null) {
            throw new InvalidInputException(current.id() + " is a " + current.type() + ", which has no versions in STIX 2.1; "
                    + "describe the change in a new object");
        }
    }

    private static String modifiedAfter(String previous, Instant at) {
        if (at == null) {
            return StixTimestamp.nextVersion(previous);
        }
        Instant after = StixTimestamp.parse(previous).plusMillis(1);
        return StixTimestamp.format(at.isBefore(after) ? after : at);
    }
}
