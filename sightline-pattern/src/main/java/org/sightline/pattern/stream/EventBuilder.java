package org.sightline.pattern.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.stix.json.StixJson;

/**
 * Builds an {@link Event} from the facts a log line states, as STIX 2.1 cyber observables and
 * their flat fields. Log adapters call it; nothing here knows a log format.
 */
public final class EventBuilder {
    private final Instant time;
    private final String source;
    private final long line;
    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    private final List<String> fields = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    public EventBuilder(Instant time, String source, long line) {
        this.time = time;
        this.source = source;
        this.line = line;
    }

    /** An IPv4 or IPv6 address; returns its key for references, or null when there is none. */
    public String ip(String address) {
        if (address == null || address.isEmpty() || "-".equals(address)) {
            return null;
        }
        String type = address.indexOf(':') >= 0 ? "ipv6-addr" : "ipv4-addr";
        return add(type, Map.of("value", address));
    }

    public String domain(String name) {
        if (name == null || name.isEmpty() || "-".equals(name)) {
            return null;
        }
        return add("domain-name", Map.of("value", name));
    }

    public String url(String value) {
        if (value == null || value.isEmpty() || "-".equals(value)) {
            return null;
        }
        return add("url", Map.of("value", value));
    }

    public String email(String address) {
        if (address == null || address.isEmpty() || "-".equals(address)) {
            return null;
        }
        return add("email-addr", Map.of("value", address));
    }

    /** A file known by some hashes (algorithm → hex) and perhaps a name. */
    public String file(Map<String, String> hashes, String name) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, String> stixHashes = new LinkedHashMap<>();
        hashes.forEach((algorithm, value) -> {
            if (value != null && !value.isEmpty() && !"-".equals(value)) {
                stixHashes.put(FieldKey.hashName(algorithm), value);
            }
        });
        if (!stixHashes.isEmpty()) {
            properties.put("hashes", stixHashes);
        }
        if (name != null && !name.isEmpty() && !"-".equals(name)) {
            properties.put("name", name);
        }
        return properties.isEmpty() ? null : add("file", properties);
    }

    /** An X.509 certificate known by its SHA-256 fingerprint and perhaps subject and issuer. */
    public String certificate(String sha256, String subject, String issuer, String serial) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (sha256 != null && !sha256.isEmpty() && !"-".equals(sha256)) {
            properties.put("hashes", Map.of("SHA-256", sha256));
        }
        putIfPresent(properties, "subject", subject);
        putIfPresent(properties, "issuer", issuer);
        putIfPresent(properties, "serial_number", serial);
        return properties.isEmpty() ? null : add("x509-certificate", properties);
    }

    /** Network traffic between two addresses (keys from {@link #ip}), with the flat fields of both ends. */
    public String traffic(String srcRef, String dstRef, Integer srcPort, Integer dstPort, String protocol) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (srcRef != null) {
            properties.put("src_ref", srcRef);
        }
        if (dstRef != null) {
            properties.put("dst_ref", dstRef);
        }
        if (srcPort != null) {
            properties.put("src_port", srcPort);
        }
        if (dstPort != null) {
            properties.put("dst_port", dstPort);
        }
        if (protocol != null && !protocol.isEmpty() && !"-".equals(protocol)) {
            properties.put("protocols", List.of(protocol.toLowerCase(Locale.ROOT)));
        }
        if (srcRef == null && dstRef == null) {
            return null;
        }
        String key = add("network-traffic", properties);
        if (srcRef != null) {
            field("network-traffic:src_ref.value", objects.get(srcRef).path("value").asText());
        }
        if (dstRef != null) {
            field("network-traffic:dst_ref.value", objects.get(dstRef).path("value").asText());
        }
        return key;
    }

    private static void putIfPresent(Map<String, Object> properties, String name, String value) {
        if (value != null && !value.isEmpty() && !"-".equals(value)) {
            properties.put(name, value);
        }
    }

    private String add(String type, Map<String, ?> properties) {
        String key = Integer.toString(objects.size());
        ObjectNode object = StixJson.newObject();
        object.put("type", type);
        properties.forEach((name, value) -> {
            object.set(name, StixJson.mapper().valueToTree(value));
            if (value instanceof Map<?, ?> dictionary) {
                dictionary.forEach((k, v) -> field(type + ":" + name + "." + k, String.valueOf(v)));
            } else if (!(value instanceof List<?>) && !name.endsWith("_ref")) {
                field(type + ":" + name, value instanceof Number ? "#" + value : String.valueOf(value));
            }
        });
        objects.put(key, object);
        return key;
    }

    private void field(String field, String value) {
        fields.add(field);
        values.add(FieldKey.normalised(field, value));
    }

    /**
     * An event from observables as STIX documents hold them (observed-data's objects, keyed as
     * their references use them): every top-level value and hash becomes a field, and the ends of
     * network traffic are flattened to src_ref.value and dst_ref.value.
     */
    public static Event fromObjects(Instant time, String source, long line, Map<String, ObjectNode> objects) {
        EventBuilder event = new EventBuilder(time, source, line);
        objects.forEach((key, object) -> {
            String type = object.path("type").asText();
            event.objects.put(key, object);
            object.fields().forEachRemaining(property -> {
                String name = property.getKey();
                var value = property.getValue();
                if (name.equals("hashes") && value.isObject()) {
                    value.fields().forEachRemaining(h -> event.field(type + ":hashes." + FieldKey.hashName(h.getKey()), h.getValue().asText()));
                } else if ((name.equals("src_ref") || name.equals("dst_ref")) && value.isTextual() && objects.containsKey(value.asText())) {
                    event.field(type + ":" + name + ".value", objects.get(value.asText()).path("value").asText());
                } else if (value.isValueNode() && !name.equals("type") && !name.equals("id") && !name.equals("spec_version")) {
                    event.field(type + ":" + name, value.isNumber() ? "#" + value.asText() : value.asText());
                }
            });
        });
        return event.build();
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }

    public Event build() {
        return new Event(time, source, line, Map.copyOf(objects), fields.toArray(String[]::new), values.toArray(String[]::new));
    }
}
