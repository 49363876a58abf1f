package org.sightline.store.tokens;

import java.util.List;
import java.util.Optional;

/** API tokens, kept as SHA-256 hashes. */
public interface TokenStore {

    /** A new token and its secret, which is shown once and never stored. */
    record Issued(ApiToken token, String secret) {
    }

    /** A new token; {@code collections} limits it to those TAXII collections (empty: no limit). */
    Issued create(String name, Role role, String clearance, List<String> collections);

    default Issued create(String name, Role role, String clearance) {
        return create(name, role, clearance, List.of());
    }

    /** The valid token with this secret; empty for an unknown or revoked one. */
    Optional<ApiToken> authenticate(String secret);

    /** The valid token with this id; empty for an unknown or revoked one (a web session holds the id, never the secret). */
    Optional<ApiToken> valid(String id);

    /** Revokes a token by id; false when there is no valid token with that id. */
    boolean revoke(String id);

    List<ApiToken> list();
}
