package org.sightline.store.tokens;

/**
 * A token as the store knows it: never the secret itself. {@code clearance} is the highest TLP level
 * whose objects the token may see ("amber"); {@code revokedAt} is null while it is valid.
 */
public record ApiToken(String id, String name, Role role, String clearance, String createdAt, String revokedAt) {
}
