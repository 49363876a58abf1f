package org.sightline.intel.intrusion;

/**
 * One line of evidence weighed for one candidate: its name (behaviour, time, targeting,
 * infrastructure, claims), whether it carried information for this candidate, how far it moved
 * the candidate (in log-odds; 0 when unused) and the reason in words.
 */
public record Factor(String name, boolean used, double weight, String reason) {

    static Factor unused(String name, String reason) {
        return new Factor(name, false, 0, reason);
    }

    static Factor used(String name, double weight, String reason) {
        return new Factor(name, true, Math.round(weight * 1000) / 1000.0, reason);
    }
}
