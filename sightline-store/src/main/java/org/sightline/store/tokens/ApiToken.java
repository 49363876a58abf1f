package org.sightline.store.tokens;

import java.util.List;
import org.sightline.stix.markings.Tlp;

/**
 * A token as the store knows it: never the secret itself. {@code clearance} is the highest TLP level
 * whose objects the token may see ("amber"); {@code collections} the TAXII collections it is limited
 * to (empty: every collection its role allows); {@code revokedAt} is null while it is valid.
 */
public record ApiToken(String id, String name, Role role, String clearance, List<String> collections, String createdAt,
                       String revokedAt) {
    public ApiToken {
        collections = collections == null ? List.of() : List.copyOf(collections);
    }

    public Tlp clearanceLevel() {
        return Tlp.parse(clearance);
    }

    /** False when the token is limited to other collections. */
    public boolean mayUseCollection(String collectionId) {
        return collections.isEmpty() || collections.contains(collectionId);
    }
}
