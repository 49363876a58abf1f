package org.sightline.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sightline.stix.json.StixJson;

/**
 * One STIX object version, held as its JSON tree so that every property, known or not, survives
 * a read and a write. Typed accessors cover the common properties Sightline reasons about.
 */
public record StixObject(ObjectNode json) {

    public StixObject {
        Objects.requireNonNull(json, "json");
    }

    public static StixObject parse(String json) {
        return new StixObject(StixJson.parseObject(json, "STIX object"));
    }

    public String id() {
        return text("id");
    }

    public String type() {
        return text("type");
    }

    public String specVersion() {
        return text("spec_version");
    }

    public String created() {
        return text("created");
    }

    public String modified() {
        return text("modified");
    }

    public boolean revoked() {
        return json.path("revoked").asBoolean(false);
    }

    public String name() {
        return text("name");
    }

    public String description() {
        return text("description");
    }

    /**
     * The timestamp that orders this object's versions: {@code modified}, else {@code created}
     * (marking definitions), else none (cyber observables have a single, unversioned form).
     */
    public Optional<String> versionTimestamp() {
        String modified = modified();
        if (modified != null) {
            return Optional.of(modified);
        }
        return Optional.ofNullable(created());
    }

    /** The property as text, or null when absent or not a string. */
    public String text(String property) {
        JsonNode node = json.get(property);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** A list-of-strings property; absent or malformed gives an empty list. */
    public List<String> strings(String property) {
        JsonNode node = json.get(property);
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (item.isTextual()) {
                values.add(item.asText());
            }
        }
        return values;
    }

    public boolean has(String property) {
        return json.has(property);
    }

    /** The ATT&CK-style external id ({@code G0045}, {@code T1566.001}) from the given source, if any. */
    public Optional<String> externalId(String sourceName) {
        for (JsonNode ref : json.path("external_references")) {
            if (sourceName.equals(ref.path("source_name").asText(null)) && ref.hasNonNull("external_id")) {
                return Optional.of(ref.get("external_id").asText());
            }
        }
        return Optional.empty();
    }

    public String toJson() {
        return StixJson.write(json);
    }

    @Override
    public String toString() {
        return type() + " " + id();
    }
}
