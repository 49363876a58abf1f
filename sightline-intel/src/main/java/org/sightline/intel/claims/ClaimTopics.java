package org.sightline.intel.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.error.NotFoundException;
import org.sightline.intel.actors.ActorDirectory;
import org.sightline.intel.actors.ActorResolution;
import org.sightline.stix.StixId;
import org.sightline.store.StixStore;

/**
 * What "claims about X" means: for an actor name, the actor and every object linked to it as the
 * same actor (the demo's APT10 and ATT&CK's menuPass); otherwise the one object with that name or id.
 * Also the one JSON row shape of a claim that the CLI and the API print.
 */
public final class ClaimTopics {
    private ClaimTopics() {
    }

    /** {@code label}: how the caller's user named the input, "--about" on the command line, "about" in the API. */
    public static List<String> idsAbout(StixStore store, String about, String label) {
        String trimmed = about.trim();
        if (StixId.isValid(trimmed) && org.sightline.stix.StixTypes.ACTOR_TYPES.contains(org.sightline.stix.StixTypes.typeOf(trimmed))
                && store.current(trimmed).isPresent()) {
            // An actor's id means the actor: every object linked to it as the same actor too.
            ActorDirectory directory = new ActorDirectory(store);
            List<String> ids = new ArrayList<>(List.of(trimmed));
            ids.addAll(directory.card(directory.actor(trimmed)).linkedObjects());
            return ids;
        }
        if (!StixId.isValid(trimmed)) {
            ActorResolution actor;
            try {
                actor = new ActorDirectory(store).resolve(about);
            } catch (org.sightline.error.InvalidInputException notAName) {
                actor = null;
            }
            if (actor != null && actor.found()) {
                List<String> ids = new ArrayList<>(List.of(actor.match().id()));
                ids.addAll(actor.match().linkedObjects());
                return ids;
            }
        }
        try {
            return List.of(NamedObjects.resolve(store, about, label));
        } catch (NotFoundException e) {
            throw new NotFoundException(label + ": no actor or other object is named '" + about + "'");
        }
    }

    /** {"id","type","source":{"id","name"},"target":{"id","name"},"status"} and, once settled, who settled it and when. */
    public static Map<String, Object> row(Claim claim) {
        return row(claim, null);
    }

    /** The claim as it stood on the date (null: now): a claim confirmed later was still open then. */
    public static Map<String, Object> row(Claim claim, java.time.Instant asOf) {
        boolean settledLater = claim.resolvedOn() != null && asOf != null
                && org.sightline.stix.StixTimestamp.parse(claim.resolvedOn()).isAfter(asOf);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", claim.id());
        row.put("type", claim.type());
        row.put("source", claim.source());
        row.put("target", claim.target());
        row.put("status", settledLater ? ClaimStatus.OPEN.label() : claim.status().label());
        if (claim.resolvedOn() != null && !settledLater) {
            row.put("resolved_by", claim.resolvedBy());
            row.put("resolved_on", claim.resolvedOn());
        }
        row.put("prior", claim.prior());
        return row;
    }
}
