package org.sightline.intel.actors;

import java.util.List;

/**
 * What an analyst sees first about an actor: its canonical name, ATT&CK id, every alias, the
 * opening of its description, and how many techniques and pieces of software it is known to use.
 */
public record ActorCard(String id, String type, String name, String externalId, List<String> aliases,
                        String summary, int techniques, int software) {
}
