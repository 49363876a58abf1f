package org.sightline.intel.actors;

import java.util.List;

/**
 * The answer to "who is NAME?": the card of the actor it resolves to (null when the name is not
 * known exactly), whether the name is claimed by more than one actor (then {@code ambiguousWith}
 * lists the others and nothing was chosen silently: all are among the candidates), and the ranked
 * candidates.
 */
public record ActorResolution(String query, ActorCard match, boolean conflict, List<Candidate> ambiguousWith,
                              List<Candidate> candidates) {

    public boolean found() {
        return match != null;
    }
}
