package org.sightline.ingest.misp.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MISP attribute types as STIX observables and patterns, following MISP's own STIX 2.1 converter
 * (misp-stix) where it has a mapping: {@code domain} is a domain-name, {@code domain|ip} a domain-name
 * resolving to an address, {@code filename|sha256} a file with a name and a hash. Types that name no
 * observable (text, link, attachment) are not mapped here.
 */
final class AttributeTypes {
    /** MISP hash attribute types and the STIX hash algorithm names (STIX 2.1 §10.2 hash-algorithm-ov). */
    static final Map<String, String> HASHES = Map.ofEntries(Map.entry("md5", "MD5"), Map.entry("sha1", "SHA-1"),
            Map.entry("sha256", "SHA-256"), Map.entry("sha512", "SHA-512"), Map.entry("sha224", "SHA-224"),
            Map.entry("sha384", "SHA-384"), Map.entry("sha3-256", "SHA3-256"), Map.entry("sha3-512", "SHA3-512"),
            Map.entry("ssdeep", "SSDEEP"), Map.entry("tlsh", "TLSH"));

    private AttributeTypes() {
    }

    /** The observables of one attribute, or empty when its type names none. */
    static Optional<Observables> of(String type, String value, String uuid) {
        Observables found = new Observables();
        String kind = type.toLowerCase(Locale.ROOT);
        String[] pair = value.split("\\|", 2);
        switch (kind) {
            case "as" -> {
                long number;
                try {
                    number = Long.parseLong(value.trim().toUpperCase(Locale.ROOT).replaceFirst("^AS", ""));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                found.add("autonomous-system", uuid).put("number", number);
                found.compareNumber("autonomous-system:number", number);
            }
            case "domain", "hostname" -> {
                found.add("domain-name", uuid).put("value", value);
                found.compare("domain-name:value", value);
            }
            case "domain|ip", "hostname|ip" -> {
                if (pair.length < 2) {
                    return Optional.empty();
                }
                ObjectNode domain = found.add("domain-name", uuid).put("value", pair[0]);
                ObjectNode address = found.add(ipType(pair[1]), uuid).put("value", pair[1]);
                domain.putArray("resolves_to_refs").add(address.get("id").asText());
                found.compare("domain-name:value", pair[0]);
                found.compare("domain-name:resolves_to_refs[*].value", pair[1]);
            }
            case "ip-src", "ip-dst" -> {
                found.add(ipType(value), uuid).put("value", value);
                found.compare(ipType(value) + ":value", value);
            }
            case "ip-src|port", "ip-dst|port" -> {
                if (pair.length < 2 || !pair[1].matches("\\d{1,5}")) {
                    return Optional.empty();
                }
                String side = kind.startsWith("ip-src") ? "src" : "dst";
                ObjectNode address = found.add(ipType(pair[0]), uuid).put("value", pair[0]);
                ObjectNode traffic = found.add("network-traffic", uuid);
                traffic.put(side + "_ref", address.get("id").asText());
                traffic.put(side + "_port", Integer.parseInt(pair[1]));
                traffic.putArray("protocols").add(ipType(pair[0]).startsWith("ipv6") ? "ipv6" : "ipv4");
                found.objects().add(0, found.objects().remove(1)); // the traffic is the main observable
                found.compare("network-traffic:" + side + "_ref.value", pair[0]);
                found.compareNumber("network-traffic:" + side + "_port", Integer.parseInt(pair[1]));
            }
            case "url", "uri" -> {
                found.add("url", uuid).put("value", value);
                found.compare("url:value", value);
            }
            case "email", "email-src", "email-dst" -> {
                found.add("email-addr", uuid).put("value", value);
                found.compare(kind.equals("email-src") ? "email-message:from_ref.value"
                        : kind.equals("email-dst") ? "email-message:to_refs[*].value" : "email-addr:value", value);
            }
            case "email-subject" -> {
                found.add("email-message", uuid).put("is_multipart", false).put("subject", value);
                found.compare("email-message:subject", value);
            }
            case "filename" -> {
                found.add("file", uuid).put("name", value);
                found.compare("file:name", value);
            }
            case "mutex" -> {
                found.add("mutex", uuid).put("name", value);
                found.compare("mutex:name", value);
            }
            case "regkey" -> {
                found.add("windows-registry-key", uuid).put("key", value);
                found.compare("windows-registry-key:key", value);
            }
            case "regkey|value" -> {
                if (pair.length < 2) {
                    return Optional.empty();
                }
                ObjectNode key = found.add("windows-registry-key", uuid).put("key", pair[0]);
                key.putArray("values").addObject().put("data", pair[1]);
                found.compare("windows-registry-key:key", pair[0]);
                found.compare("windows-registry-key:values[*].data", pair[1]);
            }
            case "mac-address" -> {
                found.add("mac-addr", uuid).put("value", value.toLowerCase(Locale.ROOT));
                found.compare("mac-addr:value", value.toLowerCase(Locale.ROOT));
            }
            case "x509-fingerprint-sha1", "x509-fingerprint-md5", "x509-fingerprint-sha256" -> {
                String algorithm = HASHES.get(kind.substring("x509-fingerprint-".length()));
                found.add("x509-certificate", uuid).putObject("hashes").put(algorithm, value);
                found.compare("x509-certificate:hashes." + path(algorithm), value);
            }
            default -> {
                return fileWithHash(kind, value, uuid, found);
            }
        }
        return Optional.of(found);
    }

    /** md5, sha256 … and filename|md5, filename|sha256 … and malware-sample (filename|md5). */
    private static Optional<Observables> fileWithHash(String kind, String value, String uuid, Observables found) {
        String hashType = kind.equals("malware-sample") ? "md5" : kind.startsWith("filename|") ? kind.substring(9) : kind;
        String algorithm = HASHES.get(hashType);
        if (algorithm == null) {
            return Optional.empty();
        }
        boolean named = kind.equals("malware-sample") || kind.startsWith("filename|");
        String[] pair = value.split("\\|", 2);
        if (named && pair.length < 2) {
            return Optional.empty();
        }
        String hash = named ? pair[1] : value;
        ObjectNode file = found.add("file", uuid);
        file.putObject("hashes").put(algorithm, hash);
        found.compare("file:hashes." + path(algorithm), hash);
        if (named) {
            file.put("name", pair[0]);
            found.compare("file:name", pair[0]);
        }
        return Optional.of(found);
    }

    /** A hash name as a pattern path step: quoted when it has a hyphen (file:hashes.'SHA-256'). */
    static String path(String algorithm) {
        return algorithm.contains("-") ? "'" + algorithm + "'" : algorithm;
    }

    static String ipType(String address) {
        return address.contains(":") ? "ipv6-addr" : "ipv4-addr";
    }
}
