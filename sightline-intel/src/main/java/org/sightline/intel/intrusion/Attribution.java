package org.sightline.intel.intrusion;

import java.util.List;

/**
 * Who is behind an intrusion: candidates ranked by probability (among the actors the store knows),
 * each with its ICD 203 words and the factors weighed for it; which factors the intrusion gave
 * anything to weigh; and the observed ids the catalogue does not know.
 */
public record Attribution(String intrusion, List<Candidate> candidates, List<String> factorsGiven, List<String> unknown) {

    /** One ranked actor. */
    public record Candidate(String id, String name, String externalId, double probability, String words,
                            List<String> factorsUsed, List<Factor> factors) {
    }
}
