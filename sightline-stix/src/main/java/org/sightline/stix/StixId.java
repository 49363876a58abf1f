package org.sightline.stix;

import java.util.UUID;
import java.util.regex.Pattern;

/** STIX identifiers: {@code type--UUID} (STIX 2.1 §2.9). */
public final class StixId {
    private static final Pattern FORMAT = Pattern.compile(
            "^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$");

    private StixId() {
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    public static String random(String type) {
        return type + "--" + UUID.randomUUID();
    }
}
