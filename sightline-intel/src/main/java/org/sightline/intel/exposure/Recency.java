package org.sightline.intel.exposure;

import java.time.Duration;
import java.time.Instant;

/**
 * How much a fact's age discounts it: evidence from last year says more about what an actor goes
 * after now than evidence from a decade ago, but targeting is strategic and outlives the reports
 * that show it, so the discount halves the part above a floor every {@link #HALF_LIFE_YEARS} and
 * never goes below {@link #FLOOR}. A fact nothing dates (a galaxy's target list) counts as old.
 * Measured on demo + ATT&CK + the MISP galaxies (docs/exposure.md): floors of 0.3 and half-lives
 * of 2 years squeeze the undated galaxy tail together; 0.5 and 3 years spread today's ranking most.
 */
final class Recency {
    static final double FLOOR = 0.5;
    static final double HALF_LIFE_YEARS = 3;
    private static final double YEAR_SECONDS = 365.25 * 24 * 3600;

    private Recency() {
    }

    static double of(Instant dated, Instant asOf) {
        if (dated == null) {
            return FLOOR;
        }
        double years = Math.max(0, Duration.between(dated, asOf).getSeconds() / YEAR_SECONDS);
        return FLOOR + (1 - FLOOR) * Math.pow(2, -years / HALF_LIFE_YEARS);
    }
}
