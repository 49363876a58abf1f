package org.sightline.intel.ach;

import java.util.Locale;
import org.sightline.error.InvalidInputException;

/**
 * How consistent an evidence item is with a hypothesis, on Heuer's scale. Only inconsistency counts
 * against a hypothesis: evidence consistent with every hypothesis proves little, evidence
 * inconsistent with one can rule it out.
 */
public enum Consistency {
    VERY_CONSISTENT("CC", 2), CONSISTENT("C", 1), NEUTRAL("N", 0), INCONSISTENT("I", -1), VERY_INCONSISTENT("II", -2);

    private final String code;
    private final int value;

    Consistency(String code, int value) {
        this.code = code;
        this.value = value;
    }

    public String code() {
        return code;
    }

    public int value() {
        return value;
    }

    /** What the rating adds to a hypothesis's inconsistency score: 1 for I, 2 for II, else nothing. */
    public int inconsistency() {
        return Math.max(0, -value);
    }

    public static Consistency parse(String text) {
        String code = text.trim().toUpperCase(Locale.ROOT);
        for (Consistency rating : values()) {
            if (rating.code.equals(code) || rating.name().equals(code.replace('-', '_'))) {
                return rating;
            }
        }
        throw new InvalidInputException("rating '" + text + "' is not one of CC, C, N, I, II "
                + "(very consistent, consistent, neutral, inconsistent, very inconsistent)");
    }
}
