package org.sightline.pattern.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.stix.json.StixJson;

/**
 * Builds an {@link Event} from the facts a log line states, as STIX 2.1 cyber observables and
 * their flat fields. Log adapters call it; nothing here knows a log format.
 *
 * <p>It is on the path of every line of every log, so it keeps what it is told in a few arrays
 * (an address is its value, traffic its five facts) and leaves the JSON objects to the event,
 * which builds them only for the few events that need them.
 */
public final class EventBuilder {
    /** Keys of observables as references use them: "0", "1", … (an event holds a handful). */
    private static final String[] KEYS = java.util.stream.IntStream.range(0, 32).mapToObj(Integer::toString).toArray(String[]::new);
    /** Port fields' values ("#443"), made once per port rather than once per record. */
    private static final String[] PORTS = new String[65536];

    private final Instant time;
    private final String source;
    private final long line;
    /** Per observable: its type, and what was stated: a value (String), Traffic, a property map, or a STIX object. */
    private String[] types = new String[8];
    private Object[] stated = new Object[8];
    /** Per observable read from a STIX document, the key its references use; null for stated ones. */
    private String[] keys;
    private int observables;
    private String[] fields = new String[16];
    private String[] values = new String[16];
    private int facts;
    private String sensor;

    public EventBuilder(Instant time, String source, long line) {
        this.time = time;
        this.source = source;
        this.line = line;
    }

    /** The sensor that saw the event (a Suricata sensor name): sightings are counted per sensor. */
    public EventBuilder sensor(String name) {
        this.sensor = name == null || name.isEmpty() ? null : name;
        return this;
    }

    /** An IPv4 or IPv6 address; returns its key for references, or null when there is none. */
    public String ip(String address) {
        if (address == null || address.isEmpty() || "-".equals(address)) {
            return null;
        }
        return address.indexOf(':') >= 0 ? addValue("ipv6-addr", "ipv6-addr:value", address)
                : addValue("ipv4-addr", "ipv4-addr:value", address);
    }

    public String domain(String name) {
        if (name == null || name.isEmpty() || "-".equals(name)) {
            return null;
        }
        return addValue("domain-name", "domain-name:value", name);
    }

    public String url(String value) {
        if (value == null || value.isEmpty() || "-".equals(value)) {
            return null;
        }
        return addValue("url", "url:value", value);
    }

    public String email(String address) {
        if (address == null || address.isEmpty() || "-".equals(address)) {
            return null;
        }
        return addValue("email-addr", "email-addr:value", address);
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
        return traffic(srcRef, dstRef, srcPort, dstPort, protocol, null);
    }

    /**
     * Traffic with its transport and the application protocol above it, when the log says so (an HTTP log
     * line is tcp, http). STIX requires at least one protocol (§6.12); with neither known, the address
     * family is what the traffic certainly used.
     */
    public String traffic(String srcRef, String dstRef, Integer srcPort, Integer dstPort, String protocol, String application) {
        if (srcRef == null && dstRef == null) {
            return null;
        }
        if (srcPort != null) {
            plainField("network-traffic:src_port", port(srcPort));
        }
        if (dstPort != null) {
            plainField("network-traffic:dst_port", port(dstPort));
        }
        String transport = protocolName(protocol);
        String applicationName = protocolName(application);
        if (transport == null && applicationName == null) {
            transport = valueOf(srcRef != null ? srcRef : dstRef).indexOf(':') >= 0 ? "ipv6" : "ipv4";
        }
        String key = state("network-traffic", new Traffic(srcRef, dstRef, srcPort, dstPort, transport, applicationName));
        if (srcRef != null) {
            plainField("network-traffic:src_ref.value", valueOf(srcRef));
        }
        if (dstRef != null) {
            plainField("network-traffic:dst_ref.value", valueOf(dstRef));
        }
        return key;
    }

    /** STIX protocol names are lower case; logs mostly write them so already. */
    private static String protocolName(String protocol) {
        if (protocol == null || protocol.isEmpty() || "-".equals(protocol)) {
            return null;
        }
        return switch (protocol) {
            case "tcp", "udp", "icmp" -> protocol;
            default -> protocol.toLowerCase(Locale.ROOT);
        };
    }

    private static String port(int port) {
        if (port < 0 || port >= PORTS.length) {
            return "#" + port;
        }
        String text = PORTS[port];
        if (text == null) {
            text = "#" + port; // a race only makes the same string twice
            PORTS[port] = text;
        }
        return text;
    }

    /** What traffic states, as network-traffic properties once its JSON is needed. */
    private record Traffic(String srcRef, String dstRef, Integer srcPort, Integer dstPort, String protocol, String application) {
        ObjectNode toJson() {
            ObjectNode object = StixJson.newObject();
            object.put("type", "network-traffic");
            if (srcRef != null) {
                object.put("src_ref", srcRef);
            }
            if (dstRef != null) {
                object.put("dst_ref", dstRef);
            }
            if (srcPort != null) {
                object.put("src_port", srcPort);
            }
            if (dstPort != null) {
                object.put("dst_port", dstPort);
            }
            var protocols = object.putArray("protocols"); // outermost first (STIX 2.1 §6.12)
            if (protocol != null) {
                protocols.add(protocol);
            }
            if (application != null) {
                protocols.add(application);
            }
            return object;
        }
    }

    private static void putIfPresent(Map<String, Object> properties, String name, String value) {
        if (value != null && !value.isEmpty() && !"-".equals(value)) {
            properties.put(name, value);
        }
    }

    /** The value of an address added by this builder (a traffic end). */
    private String valueOf(String key) {
        return (String) stated[Integer.parseInt(key)];
    }

    private String nextKey() {
        return observables < KEYS.length ? KEYS[observables] : Integer.toString(observables);
    }

    /** An observable known by its value alone (address, name, URL), with its one field named in advance. */
    private String addValue(String type, String field, String value) {
        plainField(field, value);
        return state(type, value);
    }

    private String state(String type, Object what) {
        String key = nextKey();
        if (observables == types.length) {
            types = Arrays.copyOf(types, observables * 2);
            stated = Arrays.copyOf(stated, observables * 2);
            if (keys != null) {
                keys = Arrays.copyOf(keys, observables * 2);
            }
        }
        types[observables] = type;
        stated[observables] = what;
        observables++;
        return key;
    }

    private String add(String type, Map<String, ?> properties) {
        properties.forEach((name, value) -> {
            if (value instanceof Map<?, ?> dictionary) {
                dictionary.forEach((k, v) -> field(type + ":" + name + "." + k, String.valueOf(v)));
            } else if (!(value instanceof List<?>) && !name.endsWith("_ref")) {
                field(type + ":" + name, value instanceof Number ? "#" + value : String.valueOf(value));
            }
        });
        return state(type, properties);
    }

    private void field(String field, String value) {
        plainField(field, FieldKey.normalised(field, value));
    }

    /** A fact whose field is not a hash, so its value is kept as it is (see FieldKey.normalised). */
    private void plainField(String field, String value) {
        if (facts == fields.length) {
            fields = Arrays.copyOf(fields, facts * 2);
            values = Arrays.copyOf(values, facts * 2);
        }
        fields[facts] = field;
        values[facts] = value;
        facts++;
    }

    /**
     * An event from observables as STIX documents hold them (observed-data's objects, keyed as
     * their references use them): every top-level value and hash becomes a field, and the ends of
     * network traffic are flattened to src_ref.value and dst_ref.value.
     */
    public static Event fromObjects(Instant time, String source, long line, Map<String, ObjectNode> objects) {
        EventBuilder event = new EventBuilder(time, source, line);
        event.keys = new String[event.types.length];
        objects.forEach((key, object) -> {
            String type = object.path("type").asText();
            event.keys[event.observables] = key;
            event.state(type, object);
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
        return observables == 0;
    }

    public Event build() {
        String[] builtTypes = Arrays.copyOf(types, observables);
        Object[] what = Arrays.copyOf(stated, observables);
        String[] builtKeys = keys == null ? null : Arrays.copyOf(keys, observables);
        return new Event(time, source, line, builtTypes, () -> {
            Map<String, ObjectNode> objects = new LinkedHashMap<>();
            for (int i = 0; i < what.length; i++) {
                objects.put(builtKeys == null ? Integer.toString(i) : builtKeys[i], toJson(builtTypes[i], what[i]));
            }
            return objects;
        }, Arrays.copyOf(fields, facts), Arrays.copyOf(values, facts), sensor);
    }

    private static ObjectNode toJson(String type, Object what) {
        if (what instanceof ObjectNode object) {
            return object;
        }
        if (what instanceof Traffic traffic) {
            return traffic.toJson();
        }
        ObjectNode object = StixJson.newObject();
        object.put("type", type);
        if (what instanceof String value) {
            object.put("value", value);
        } else {
            ((Map<?, ?>) what).forEach((name, value) -> object.set((String) name, StixJson.mapper().valueToTree(value)));
        }
        return object;
    }
}
