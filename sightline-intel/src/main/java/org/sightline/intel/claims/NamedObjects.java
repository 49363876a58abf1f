package org.sightline.intel.claims;

import java.util.List;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.stix.StixId;
import org.sightline.store.StixStore;
import org.sightline.store.names.NameKey;

/**
 * Turns what an analyst types for a claim's end, a source or a topic into one object id: a STIX id
 * as it is, or a name or alias of an actor, identity or location. A name two objects carry is
 * refused with both ids, never resolved silently to one.
 */
public final class NamedObjects {
    private static final Set<String> NAMED_TYPES = Set.of("intrusion-set", "threat-actor", "campaign", "identity",
            "location", "malware", "tool");

    private NamedObjects() {
    }

    public static String resolve(StixStore store, String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(what + ": give a STIX id or a name");
        }
        if (StixId.isValid(text.trim())) {
            return text.trim();
        }
        List<StixStore.NameMatch> matches = store.findByNameKey(NameKey.of(text), NAMED_TYPES).stream()
                .filter(match -> !match.deprecated()).toList();
        List<String> ids = matches.stream().map(StixStore.NameMatch::objectId).distinct().toList();
        if (ids.isEmpty()) {
            throw new NotFoundException(what + ": nothing is named '" + text + "' (give its STIX id, or see 'sightline search')");
        }
        if (ids.size() > 1) {
            List<String> primary = matches.stream().filter(StixStore.NameMatch::primary)
                    .map(StixStore.NameMatch::objectId).distinct().toList();
            if (primary.size() == 1) {
                return primary.get(0); // "APT10" is one object's name and other objects' alias: the name wins
            }
            throw new InvalidInputException(what + ": '" + text + "' names " + ids.size() + " objects; give one id: " + ids);
        }
        return ids.get(0);
    }
}
