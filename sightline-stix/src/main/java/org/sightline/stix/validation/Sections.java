package org.sightline.stix.validation;

import java.util.List;

/** Where each object type is defined in the STIX 2.1 specification, for error messages. */
final class Sections {
    private static final List<String> DOMAIN = List.of("attack-pattern", "campaign", "course-of-action",
            "grouping", "identity", "incident", "indicator", "infrastructure", "intrusion-set", "location",
            "malware", "malware-analysis", "note", "observed-data", "opinion", "report", "threat-actor", "tool",
            "vulnerability");
    private static final List<String> OBSERVABLE = List.of("artifact", "autonomous-system", "directory",
            "domain-name", "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex",
            "network-traffic", "process", "software", "url", "user-account", "windows-registry-key",
            "x509-certificate");

    private Sections() {
    }

    static String of(String type) {
        if (DOMAIN.contains(type)) {
            return "§4." + (DOMAIN.indexOf(type) + 1);
        }
        if (OBSERVABLE.contains(type)) {
            return "§6." + (OBSERVABLE.indexOf(type) + 1);
        }
        return switch (type) {
            case "relationship" -> "§5.1";
            case "sighting" -> "§5.2";
            case "language-content" -> "§7.1";
            case "marking-definition" -> "§7.2.1";
            case "extension-definition" -> "§7.3";
            default -> "§3";
        };
    }
}
