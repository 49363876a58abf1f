package org.sightline.stix.validation;

import java.util.Map;
import java.util.Set;

/**
 * Properties each STIX 2.1 type must carry, as the official JSON schemas (cti-stix2-json-schemas,
 * branch stix2.1) require them unconditionally. A test compares this table with the schemas, so it
 * cannot drift; conditional rules (one of several properties) live in {@link StixValidator}.
 */
final class RequiredProperties {
    private static final Set<String> SDO = Set.of("type", "spec_version", "id", "created", "modified");
    private static final Set<String> SCO = Set.of("type", "id");

    static final Map<String, Set<String>> BY_TYPE = Map.ofEntries(
            Map.entry("attack-pattern", plus(SDO, "name")),
            Map.entry("campaign", plus(SDO, "name")),
            Map.entry("course-of-action", plus(SDO, "name")),
            Map.entry("grouping", plus(SDO, "context", "object_refs")),
            Map.entry("identity", plus(SDO, "name")),
            Map.entry("incident", plus(SDO, "name")),
            Map.entry("indicator", plus(SDO, "pattern", "pattern_type", "valid_from")),
            Map.entry("infrastructure", plus(SDO, "name")),
            Map.entry("intrusion-set", plus(SDO, "name")),
            Map.entry("location", SDO),
            Map.entry("malware", plus(SDO, "is_family")),
            Map.entry("malware-analysis", plus(SDO, "product")),
            Map.entry("note", plus(SDO, "content", "object_refs")),
            Map.entry("observed-data", plus(SDO, "first_observed", "last_observed", "number_observed")),
            Map.entry("opinion", plus(SDO, "opinion", "object_refs")),
            Map.entry("report", plus(SDO, "name", "published", "object_refs")),
            Map.entry("threat-actor", plus(SDO, "name")),
            Map.entry("tool", plus(SDO, "name")),
            Map.entry("vulnerability", plus(SDO, "name")),
            Map.entry("relationship", plus(SDO, "relationship_type", "source_ref", "target_ref")),
            Map.entry("sighting", plus(SDO, "sighting_of_ref")),
            Map.entry("artifact", SCO),
            Map.entry("autonomous-system", plus(SCO, "number")),
            Map.entry("directory", plus(SCO, "path")),
            Map.entry("domain-name", plus(SCO, "value")),
            Map.entry("email-addr", plus(SCO, "value")),
            Map.entry("email-message", SCO),
            Map.entry("file", SCO),
            Map.entry("ipv4-addr", plus(SCO, "value")),
            Map.entry("ipv6-addr", plus(SCO, "value")),
            Map.entry("mac-addr", plus(SCO, "value")),
            Map.entry("mutex", plus(SCO, "name")),
            Map.entry("network-traffic", plus(SCO, "protocols")),
            Map.entry("process", SCO),
            Map.entry("software", plus(SCO, "name")),
            Map.entry("url", plus(SCO, "value")),
            Map.entry("user-account", SCO),
            Map.entry("windows-registry-key", SCO),
            Map.entry("x509-certificate", SCO),
            // The schema nests these inside its conditional branches; the spec requires them always (§7.2.1).
            Map.entry("marking-definition", Set.of("type", "spec_version", "id", "created")),
            Map.entry("language-content", Set.of("type", "spec_version", "id", "created", "modified",
                    "object_ref", "contents")),
            Map.entry("extension-definition", Set.of("type", "spec_version", "id", "created", "modified",
                    "name", "schema", "version", "extension_types")));

    private RequiredProperties() {
    }

    private static Set<String> plus(Set<String> base, String... more) {
        java.util.HashSet<String> all = new java.util.HashSet<>(base);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }
}
