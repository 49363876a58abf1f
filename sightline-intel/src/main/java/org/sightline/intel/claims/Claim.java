package org.sightline.intel.claims;

import java.time.Instant;
import java.util.List;
import org.sightline.stix.StixTimestamp;

/**
 * A claim: a relationship between two objects (an intrusion set attributed to a state bureau, a
 * person employed by a company…) that evidence supports or refutes, and that a later source may
 * settle. {@code resolvedOn} is null while it is open.
 */
public record Claim(String id, String type, End source, End target, ClaimStatus resolution, String resolvedBy,
                    String resolvedOn, List<String> resolutionEvidence, double prior) {

    /** One end of the claim: the object's id and its name. */
    public record End(String id, String name) {
    }

    /** The status as it stood on the date: a resolution counts only from the day it was made. */
    public ClaimStatus statusAsOf(Instant asOf) {
        if (resolvedOn == null || StixTimestamp.parse(resolvedOn).isAfter(asOf)) {
            return ClaimStatus.OPEN;
        }
        return resolution;
    }

    public ClaimStatus status() {
        return resolvedOn == null ? ClaimStatus.OPEN : resolution;
    }
}
