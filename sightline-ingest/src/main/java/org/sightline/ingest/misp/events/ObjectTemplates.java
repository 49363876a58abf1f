package org.sightline.ingest.misp.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * MISP objects (templates file, domain-ip, ip-port, url, email, credential, registry-key) as STIX
 * observables and patterns, following misp-stix: the object's main observable takes the object's
 * uuid, the ones it points to take their attribute's uuid. Other templates are not mapped here.
 */
final class ObjectTemplates {
    private ObjectTemplates() {
    }

    /** One attribute of a MISP object: its relation in the template, type, value and uuid. */
    record Part(String relation, String type, String value, String uuid) {
    }

    static List<Part> parts(JsonNode object) {
        List<Part> parts = new ArrayList<>();
        for (JsonNode attribute : object.path("Attribute")) {
            String value = attribute.path("value").asText("");
            if (!value.isBlank()) {
                parts.add(new Part(attribute.path("object_relation").asText("").toLowerCase(Locale.ROOT),
                        attribute.path("type").asText("").toLowerCase(Locale.ROOT), value, attribute.path("uuid").asText("")));
            }
        }
        return parts;
    }

    static Optional<Observables> of(String template, String uuid, List<Part> parts) {
        Observables found = new Observables();
        switch (template) {
            case "file" -> file(found, uuid, parts);
            case "domain-ip" -> domainIp(found, parts);
            case "ip-port" -> ipPort(found, uuid, parts);
            case "url" -> parts.stream().filter(p -> p.relation().equals("url")).findFirst().ifPresent(p -> {
                found.add("url", uuid).put("value", p.value());
                found.compare("url:value", p.value());
            });
            case "email" -> email(found, uuid, parts);
            case "credential" -> credential(found, uuid, parts);
            case "registry-key" -> registryKey(found, uuid, parts);
            default -> {
                return Optional.empty();
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    private static void file(Observables found, String uuid, List<Part> parts) {
        ObjectNode file = found.add("file", uuid);
        ObjectNode hashes = file.putObject("hashes");
        for (Part part : parts) {
            String algorithm = AttributeTypes.HASHES.get(part.type());
            if (algorithm != null && !hashes.has(algorithm)) {
                hashes.put(algorithm, part.value());
                found.compare("file:hashes." + AttributeTypes.path(algorithm), part.value());
            }
        }
        if (hashes.isEmpty()) {
            file.remove("hashes");
        }
        for (Part part : parts) {
            switch (part.relation()) {
                case "filename" -> {
                    if (!file.has("name")) {
                        file.put("name", part.value());
                        found.compare("file:name", part.value());
                    }
                }
                case "size-in-bytes" -> {
                    try {
                        file.put("size", Long.parseLong(part.value().trim()));
                    } catch (NumberFormatException e) {
                        // not a size: left out
                    }
                }
                case "mimetype", "mime-type" -> file.put("mime_type", part.value());
                case "path" -> {
                    ObjectNode directory = found.add("directory", part.uuid()).put("path", part.value());
                    file.put("parent_directory_ref", directory.get("id").asText());
                }
                default -> { }
            }
        }
        if (file.size() == 3) { // nothing but type, spec_version and id: no file worth naming
            found.objects().clear();
        }
    }

    private static void domainIp(Observables found, List<Part> parts) {
        List<String> addresses = new ArrayList<>();
        List<ObjectNode> ips = new ArrayList<>();
        for (Part part : parts) {
            if (part.type().startsWith("ip-")) {
                ips.add(found.add(AttributeTypes.ipType(part.value()), part.uuid()).put("value", part.value()));
                addresses.add(part.value());
            }
        }
        List<ObjectNode> domains = new ArrayList<>();
        for (Part part : parts) {
            if (part.type().equals("domain") || part.type().equals("hostname")) {
                ObjectNode domain = found.add("domain-name", part.uuid()).put("value", part.value());
                ArrayNode resolves = domain.putArray("resolves_to_refs");
                ips.forEach(ip -> resolves.add(ip.get("id").asText()));
                if (resolves.isEmpty()) {
                    domain.remove("resolves_to_refs");
                }
                domains.add(domain);
                found.compare("domain-name:value", part.value());
            }
        }
        addresses.forEach(address -> found.compare(domains.isEmpty() ? AttributeTypes.ipType(address) + ":value"
                : "domain-name:resolves_to_refs[*].value", address));
        // the domain is the main observable, as MISP has it
        found.objects().removeAll(domains);
        found.objects().addAll(0, domains);
    }

    private static void ipPort(Observables found, String uuid, List<Part> parts) {
        ObjectNode traffic = found.add("network-traffic", uuid);
        String protocol = "ipv4";
        for (Part part : parts) {
            switch (part.relation()) {
                case "ip-dst", "ip-src", "ip" -> {
                    String side = part.relation().equals("ip-src") ? "src" : "dst";
                    ObjectNode address = found.add(AttributeTypes.ipType(part.value()), part.uuid()).put("value", part.value());
                    traffic.put(side + "_ref", address.get("id").asText());
                    protocol = AttributeTypes.ipType(part.value()).startsWith("ipv6") ? "ipv6" : "ipv4";
                    found.compare("network-traffic:" + side + "_ref.value", part.value());
                }
                case "dst-port", "src-port" -> {
                    if (part.value().trim().matches("\\d{1,5}")) {
                        String side = part.relation().startsWith("src") ? "src" : "dst";
                        traffic.put(side + "_port", Integer.parseInt(part.value().trim()));
                        found.compareNumber("network-traffic:" + side + "_port", Integer.parseInt(part.value().trim()));
                    }
                }
                default -> { }
            }
        }
        traffic.putArray("protocols").add(protocol);
        if (!traffic.has("src_ref") && !traffic.has("dst_ref")) {
            found.objects().clear(); // STIX needs one end of the traffic
        }
    }

    private static void email(Observables found, String uuid, List<Part> parts) {
        ObjectNode message = found.add("email-message", uuid).put("is_multipart", false);
        for (Part part : parts) {
            switch (part.relation()) {
                case "from" -> {
                    ObjectNode address = found.add("email-addr", part.uuid()).put("value", part.value());
                    message.put("from_ref", address.get("id").asText());
                    found.compare("email-message:from_ref.value", part.value());
                }
                case "to", "cc" -> {
                    ObjectNode address = found.add("email-addr", part.uuid()).put("value", part.value());
                    String list = part.relation() + "_refs";
                    (message.has(list) ? (ArrayNode) message.get(list) : message.putArray(list)).add(address.get("id").asText());
                }
                case "subject" -> message.put("subject", part.value());
                case "message-id" -> message.put("message_id", part.value());
                default -> { }
            }
        }
    }

    private static void credential(Observables found, String uuid, List<Part> parts) {
        ObjectNode account = found.add("user-account", uuid);
        for (Part part : parts) {
            switch (part.relation()) {
                case "username" -> {
                    account.put("user_id", part.value());
                    found.compare("user-account:user_id", part.value());
                }
                case "password" -> account.put("credential", part.value());
                default -> { }
            }
        }
    }

    private static void registryKey(Observables found, String uuid, List<Part> parts) {
        ObjectNode key = found.add("windows-registry-key", uuid);
        for (Part part : parts) {
            switch (part.relation()) {
                case "key" -> {
                    key.put("key", part.value());
                    found.compare("windows-registry-key:key", part.value());
                }
                case "data" -> key.putArray("values").addObject().put("data", part.value());
                default -> { }
            }
        }
        if (!key.has("key")) {
            found.objects().clear();
        }
    }
}
