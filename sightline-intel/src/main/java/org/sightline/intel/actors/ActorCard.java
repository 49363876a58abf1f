package org.sightline.intel.actors;

import java.util.List;

/**
 * What an analyst sees first about an actor: its canonical name, ATT&CK id, every alias with the
 * sources that use it (across every object linked to this actor), the opening of its
 * description, and how many techniques and pieces of software it is known to use.
 */
public record ActorCard(String id, String type, String name, String externalId, List<Alias> aliases,
                        String summary, int techniques, int software, List<String> linkedObjects) {

    /** A name and who uses it. */
    public record Alias(String name, List<String> sources) {
    }
}
