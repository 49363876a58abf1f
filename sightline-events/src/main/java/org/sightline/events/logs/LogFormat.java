package org.sightline.events.logs;

/** The log formats Sightline reads events from. */
public enum LogFormat {
    AUTO, ZEEK, EVE, JSONL, STIX;

    public static LogFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.sightline.error.InvalidInputException(
                    "--format must be one of auto, zeek, eve, jsonl, stix; got '" + name + "'");
        }
    }
}
