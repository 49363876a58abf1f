package org.sightline.intel.claims;

import java.util.List;
import org.sightline.intel.attribution.Reliability;

/**
 * A source's track record as of a date: the claims its evidence bore on, by how they stood then
 * (confirmed, refuted, open), the reliability an analyst graded it at ({@code graded}, null when
 * never graded) and the reliability its record earns ({@code reliability}).
 */
public record TrackRecord(String id, String name, String asOf, Reliability graded, Reliability reliability,
                          int confirmed, int refuted, int open, List<String> confirmedClaims, List<String> refutedClaims,
                          List<String> openClaims) {

    /**
     * The grade a record earns from a starting grade. Settled claims move it: only confirmations (at
     * least one) raise it a grade, three or more with at most one refutation two grades; only
     * refutations lower it likewise; a mixed record moves it a grade when three in four settled
     * claims go one way, and not at all otherwise. A source with nothing settled keeps its grade.
     * A record raises a source to B at most: A is for an analyst to give.
     */
    public static Reliability earned(Reliability start, int confirmed, int refuted) {
        int settled = confirmed + refuted;
        if (settled == 0) {
            return start;
        }
        double share = (double) confirmed / settled;
        if (share >= 0.75) {
            Reliability raised = confirmed >= 3 ? start.better().better() : start.better();
            // A record earns at most "usually reliable": "completely reliable" stays an analyst's own judgement.
            return raised == Reliability.A && start != Reliability.A ? Reliability.B : raised;
        }
        if (share <= 0.25) {
            return refuted >= 3 ? start.worse().worse() : start.worse();
        }
        return start;
    }
}
