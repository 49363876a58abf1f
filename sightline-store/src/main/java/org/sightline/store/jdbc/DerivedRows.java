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
record DerivedRows(List<NameRow> names, List<EdgeRow> edges, List<String> markings, List<ExternalRow> externalIds) {

    record NameRow(String key, String name, boolean primary) {
    }

    record EdgeRow(String sourceId, String type, String targetId) {
    }

    record ExternalRow(String sourceName, String externalId) {
    }

    /** Alias-carrying properties: STIX's own, and ATT&CK's for software. */
    private static final List<String> ALIAS_PROPERTIES = List.of("aliases", "x_mitre_aliases");

    static DerivedRows of(StixObject object) {
        return new DerivedRows(names(object), edges(object), markings(object), externalIds(object));
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
}
