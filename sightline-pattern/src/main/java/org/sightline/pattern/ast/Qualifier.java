package org.sightline.pattern.ast;

import java.math.BigDecimal;

/** Observation qualifiers (STIX 2.1 §9.7). */
public sealed interface Qualifier {

    /** All observations of the expression fall within this many seconds. */
    record Within(BigDecimal seconds) implements Qualifier {
    }

    /** The expression matches this many times, on distinct observations. */
    record Repeats(int times) implements Qualifier {
    }

    /**
     * The observations fall in [start, stop). {@code plainStrings} when the bounds were written as
     * '…' strings (STIX 2.0) rather than t'…' timestamps (2.1).
     */
    record StartStop(Literal.TimestampValue start, Literal.TimestampValue stop, boolean plainStrings) implements Qualifier {
    }

    /** The name the validator uses for "one qualifier of each kind" (STIX 2.1 §9.7). */
    default String kind() {
        if (this instanceof Within) {
            return "WITHIN";
        }
        return this instanceof Repeats ? "REPEATS" : "STARTSTOP";
    }
}
