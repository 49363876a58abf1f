package org.sightline.intel.claims;

import java.util.Locale;
import org.sightline.error.InvalidInputException;

/** Where a claim stands: nobody has settled it yet, or a later source confirmed or refuted it. */
public enum ClaimStatus {
    OPEN, CONFIRMED, REFUTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClaimStatus parse(String text) {
        for (ClaimStatus status : values()) {
            if (status.label().equalsIgnoreCase(text.trim())) {
                return status;
            }
        }
        throw new InvalidInputException("status '" + text + "' is not one of open, confirmed, refuted");
    }
}
