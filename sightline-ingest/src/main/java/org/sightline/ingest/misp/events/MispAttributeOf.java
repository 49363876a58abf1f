package org.sightline.ingest.misp.events;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The way back from STIX to MISP: the comparisons of a pattern (or the properties of an observable),
 * each a path such as {@code file:hashes.SHA-256} and a value, as one MISP attribute of the matching
 * type, or a MISP file object when a file has several hashes.
 */
final class MispAttributeOf {
    /** One {@code type:path = value} term. */
    record Term(String path, String value) {
    }

    /** A MISP attribute type, category and value. */
    record Attribute(String type, String category, String value) {
    }

    private static final Map<String, String> SINGLE = Map.ofEntries(
            Map.entry("domain-name:value", "domain"), Map.entry("ipv4-addr:value", "ip-dst"), Map.entry("ipv6-addr:value", "ip-dst"),
            Map.entry("url:value", "url"), Map.entry("email-addr:value", "email"), Map.entry("email-message:from_ref.value", "email-src"),
            Map.entry("email-message:to_refs[*].value", "email-dst"), Map.entry("email-message:subject", "email-subject"),
            Map.entry("file:name", "filename"), Map.entry("mutex:name", "mutex"), Map.entry("windows-registry-key:key", "regkey"),
            Map.entry("autonomous-system:number", "AS"), Map.entry("mac-addr:value", "mac-address"),
            Map.entry("network-traffic:dst_ref.value", "ip-dst"), Map.entry("network-traffic:src_ref.value", "ip-src"),
            Map.entry("x509-certificate:hashes.SHA-1", "x509-fingerprint-sha1"),
            Map.entry("x509-certificate:hashes.SHA-256", "x509-fingerprint-sha256"),
            Map.entry("x509-certificate:hashes.MD5", "x509-fingerprint-md5"));

    private MispAttributeOf() {
    }

    /** One attribute for the terms, or empty when they need a MISP object (or have no MISP form). */
    static Optional<Attribute> of(List<Term> terms) {
        if (terms.size() == 1) {
            Term term = terms.get(0);
            String hash = hashType(term.path());
            if (hash != null) {
                return Optional.of(new Attribute(hash, "Payload delivery", term.value()));
            }
            String type = SINGLE.get(term.path());
            if (type == null) {
                return Optional.empty();
            }
            String value = type.equals("AS") ? "AS" + term.value() : term.value();
            return Optional.of(new Attribute(type, category(type), value));
        }
        if (terms.size() == 2) {
            Term first = terms.get(0);
            Term second = terms.get(1);
            if (first.path().equals("domain-name:value") && second.path().equals("domain-name:resolves_to_refs[*].value")) {
                return Optional.of(new Attribute("domain|ip", "Network activity", first.value() + "|" + second.value()));
            }
            if (first.path().equals("windows-registry-key:key") && second.path().equals("windows-registry-key:values[*].data")) {
                return Optional.of(new Attribute("regkey|value", "Artifacts dropped", first.value() + "|" + second.value()));
            }
            Term name = first.path().equals("file:name") ? first : second.path().equals("file:name") ? second : null;
            Term hash = name == first ? second : first;
            if (name != null && hashType(hash.path()) != null) {
                return Optional.of(new Attribute("filename|" + hashType(hash.path()), "Payload delivery", name.value() + "|" + hash.value()));
            }
        }
        return Optional.empty();
    }

    /** True when every term describes a file (name, hashes, size): a MISP file object. */
    static boolean isFile(List<Term> terms) {
        return terms.stream().allMatch(t -> t.path().equals("file:name") || hashType(t.path()) != null || t.path().equals("file:size"));
    }

    /** The MISP object relation of a file term. */
    static String fileRelation(Term term) {
        return term.path().equals("file:name") ? "filename" : term.path().equals("file:size") ? "size-in-bytes" : hashType(term.path());
    }

    /** md5, sha256 … for file:hashes.MD5, file:hashes.SHA-256 …; null for anything else. */
    static String hashType(String path) {
        if (!path.startsWith("file:hashes.")) {
            return null;
        }
        String algorithm = path.substring("file:hashes.".length());
        for (Map.Entry<String, String> entry : AttributeTypes.HASHES.entrySet()) {
            if (entry.getValue().equalsIgnoreCase(algorithm)) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static String category(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "filename", "email-src", "email-dst", "email-subject", "email" -> "Payload delivery";
            case "mutex", "regkey" -> "Artifacts dropped";
            default -> "Network activity";
        };
    }
}
