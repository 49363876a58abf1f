package org.sightline.intel.actors;

import java.util.List;

/**
 * An actor that holds a name: the object shown for it, its ATT&CK id (null outside ATT&CK) and the
 * sources that give it the name, so that an analyst can weigh one side of a conflict against the other.
 */
public record NameHolder(String id, String name, String externalId, List<String> sources) {
}
