package org.sightline.intel.actors;

import java.util.List;

/**
 * The answer to "who is NAME?": the card of the actor it resolves to (null when the name is not
 * known exactly), the sources that give the matched actor that name, whether the name is claimed
 * by more than one actor (then {@code ambiguousWith} lists every other holder with its ATT&CK id
 * and sources, and nothing was chosen silently), and the ranked candidates.
 */
public record ActorResolution(String query, ActorCard match, List<String> sources, boolean conflict,
                              List<NameHolder> ambiguousWith, List<Candidate> candidates) {

    public boolean found() {
        return match != null;
    }
}
