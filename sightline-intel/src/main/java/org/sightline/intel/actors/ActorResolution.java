package org.sightline.intel.actors;

import java.util.List;

/**
 * The answer to "who is NAME?": the card of the actor it resolves to (null when the name is not
 * known exactly) and the ranked candidates.
 */
public record ActorResolution(String query, ActorCard match, List<Candidate> candidates) {

    public boolean found() {
        return match != null;
    }
}
