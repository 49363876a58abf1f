package org.sightline.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTypes;
import org.sightline.store.names.NameKey;

/** The rows of the derived indexes that one current object contributes. */
record DerivedRows(List<NameRow> names, List<EdgeRow> edges, List<String> markings, List<ExternalRow> externalIds,
                   List<RefRow> references) {

    record NameRow(String key, String name, boolean primary) {
    }

    record EdgeRow(String sourceId, String type, String targetId) {
    }

    record ExternalRow(String sourceName, String externalId) {
    }

    record RefRow(String property, String targetId) {
    }

    /**
     * Reference properties kept out of the embedded-reference index: markings have their own index,
     * and a relationship's two ends are its edge.
     */
    private static final Set<String> NOT_EMBEDDED = Set.of("object_marking_refs", "source_ref", "target_ref");

    /** Alias-carrying properties: STIX's own, and ATT&CK's for software. */
    private static final List<String> ALIAS_PROPERTIES = List.of("aliases", "x_mitre_aliases");

    static DerivedRows of(StixObject object) {
        return new DerivedRows(names(object), edges(object), markings(object), externalIds(object), references(object));
    }

    private static List<NameRow> names(StixObject object) {
        if (StixTypes.isObservable(object.type()) || StixTypes.RELATIONSHIP_OBJECTS.contains(object.type())) {
            return List.of();
        }
        List<NameRow> rows = new ArrayList<>();
        Set<String> seenKeys = new LinkedHashSet<>();
        String name = object.name();
        if (name != null && !NameKey.of(name).isEmpty()) {
            rows.add(new NameRow(NameKey.of(name), truncate(name), true));
            seenKeys.add(NameKey.of(name));
        }
        for (String property : ALIAS_PROPERTIES) {
            for (String alias : object.strings(property)) {
                String key = NameKey.of(alias);
                if (!key.isEmpty() && seenKeys.add(key)) {
                    rows.add(new NameRow(key, truncate(alias), false));
                }
            }
        }
        return rows;
    }

    private static List<EdgeRow> edges(StixObject object) {
        if (!"relationship".equals(object.type())) {
            return List.of();
        }
        String source = object.text("source_ref");
        String target = object.text("target_ref");
        String type = object.text("relationship_type");
        if (source == null || target == null || type == null) {
            return List.of();
        }
        return List.of(new EdgeRow(source, type, target));
    }

    private static List<String> markings(StixObject object) {
        return List.copyOf(new LinkedHashSet<>(object.strings("object_marking_refs")));
    }

    private static List<ExternalRow> externalIds(StixObject object) {
        Set<ExternalRow> rows = new LinkedHashSet<>();
        for (JsonNode ref : object.json().path("external_references")) {
            String source = ref.path("source_name").asText(null);
            String externalId = ref.path("external_id").asText(null);
            if (source != null && externalId != null && externalId.length() <= 300 && source.length() <= 300) {
                rows.add(new ExternalRow(source, externalId.toUpperCase(Locale.ROOT)));
            }
        }
        return List.copyOf(rows);
    }

    private static String truncate(String name) {
        return name.length() > 2000 ? name.substring(0, 2000) : name;
    }

    /**
     * Every top-level *_ref and *_refs value that names an object, once per property and target; and
     * those inside property extensions, under "ext." + the property (an evidence item's
     * {@code ext.source_ref}), so that extension-defined links are looked up the same way.
     */
    private static List<RefRow> references(StixObject object) {
        Set<RefRow> rows = new LinkedHashSet<>();
        collect(object.json(), "", rows);
        object.json().path("extensions").forEach(extension -> {
            if (extension.isObject()) {
                collect(extension, "ext.", rows);
            }
        });
        return List.copyOf(rows);
    }

    private static void collect(JsonNode node, String prefix, Set<RefRow> rows) {
        node.fields().forEachRemaining(field -> {
            String property = field.getKey();
            if ((prefix.isEmpty() && (NOT_EMBEDDED.contains(property) || property.startsWith("x_")))
                    || !(property.endsWith("_ref") || property.endsWith("_refs"))) {
                return; // a vendor's custom x_ references (ATT&CK's x_mitre_modified_by_ref on every object) are not looked up
            }
            JsonNode value = field.getValue();
            for (JsonNode target : value.isArray() ? value : List.of(value)) {
                String id = target.asText("");
                if (id.contains("--") && id.length() <= 300 && property.length() <= 240) {
                    rows.add(new RefRow(prefix + property, id));
                }
            }
        });
    }
}
