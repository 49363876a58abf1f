package org.sightline.intel.actors;

import java.util.List;

/** A name claimed by more than one actor (objects not linked as the same actor), with who claims it. */
public record Conflict(String name, List<Claimant> claimants) {

    /** One actor that carries the name, its ATT&CK id (null outside ATT&CK), and where the object comes from. */
    public record Claimant(String id, String actorName, String externalId, String source) {
    }
}
