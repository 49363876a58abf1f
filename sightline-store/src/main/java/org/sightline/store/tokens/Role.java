package org.sightline.store.tokens;

import java.util.Locale;
import org.sightline.error.InvalidInputException;

/**
 * What a token may do, each role including the one before it: a reader reads, an analyst also
 * writes knowledge (claims, evidence, analyses), an admin also manages tokens and collections.
 */
public enum Role {
    READER, ANALYST, ADMIN;

    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.label().equalsIgnoreCase(text.trim())) {
                return role;
            }
        }
        throw new InvalidInputException("role '" + text + "' is not one of reader, analyst, admin");
    }
}
