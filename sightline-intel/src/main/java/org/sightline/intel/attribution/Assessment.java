package org.sightline.intel.attribution;

import java.util.List;

/**
 * How sure we can be of a claim as of a date: the probability, the STIX confidence (0-100), the
 * ICD 203 words, and what each origin of evidence did to the odds, largest first.
 */
public record Assessment(String claim, String asOf, double probability, int confidence, String wep,
                         List<Contribution> contributions) {

    /** One origin's effect on the log-odds, the items it comprises, and the reason in words. */
    public record Contribution(String origin, List<String> items, double effect, String reason) {
    }
}
