package org.sightline.intel.actors;

/**
 * A same-actor link not followed: it would have made two entries of one source (two ATT&CK groups,
 * two clusters of one galaxy) one actor. Both ends stay apart; {@code reason} is what the link said.
 */
public record RefusedLink(String relationshipId, String from, String to, String reason) {
}
