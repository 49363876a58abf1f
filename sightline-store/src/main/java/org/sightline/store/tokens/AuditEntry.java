package org.sightline.store.tokens;

/** One API request: when, which token (null when none was valid), what, the answer's status, and from where. */
public record AuditEntry(long seq, String at, String tokenId, String role, String method, String path, int status, String remote) {
}
