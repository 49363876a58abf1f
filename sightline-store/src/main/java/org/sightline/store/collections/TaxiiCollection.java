package org.sightline.store.collections;

import org.sightline.store.tokens.ApiToken;
import org.sightline.store.tokens.Role;

/**
 * A TAXII collection: a saved view of the store that tokens of at least {@code readRole} may read
 * and, unless {@code writeRole} is null, tokens of at least that role may add to.
 */
public record TaxiiCollection(String id, String title, String description, CollectionFilter filter, Role readRole,
                              Role writeRole, String createdAt) {

    public boolean canRead(ApiToken token) {
        return token.mayUseCollection(id) && token.role().includes(readRole);
    }

    public boolean canWrite(ApiToken token) {
        return writeRole != null && token.mayUseCollection(id) && token.role().includes(writeRole);
    }

    /** Whether the token may know the collection exists at all. */
    public boolean visibleTo(ApiToken token) {
        return canRead(token) || canWrite(token);
    }
}
