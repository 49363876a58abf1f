package org.sightline.stix;

import java.util.Set;

/** The object types STIX 2.1 defines, by category (STIX 2.1 §4, §5, §6, §7). */
public final class StixTypes {
    public static final Set<String> DOMAIN_OBJECTS = Set.of(
            "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident",
            "indicator", "infrastructure", "intrusion-set", "location", "malware", "malware-analysis",
            "note", "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability");

    public static final Set<String> RELATIONSHIP_OBJECTS = Set.of("relationship", "sighting");

    public static final Set<String> CYBER_OBSERVABLES = Set.of(
            "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message",
            "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process",
            "software", "url", "user-account", "windows-registry-key", "x509-certificate");

    public static final Set<String> META_OBJECTS = Set.of(
            "marking-definition", "language-content", "extension-definition");

    /** Types that can carry a name or aliases an analyst would look an actor up by. */
    public static final Set<String> ACTOR_TYPES = Set.of("intrusion-set", "threat-actor", "campaign");

    private StixTypes() {
    }

    public static boolean isKnown(String type) {
        return DOMAIN_OBJECTS.contains(type) || RELATIONSHIP_OBJECTS.contains(type)
                || CYBER_OBSERVABLES.contains(type) || META_OBJECTS.contains(type);
    }

    public static boolean isObservable(String type) {
        return CYBER_OBSERVABLES.contains(type);
    }

    /** The type part of an identifier ({@code intrusion-set--…} gives {@code intrusion-set}). */
    public static String typeOf(String id) {
        int separator = id == null ? -1 : id.indexOf("--");
        return separator < 0 ? null : id.substring(0, separator);
    }
}
