package org.sightline.ingest.misp.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.sightline.error.InvalidInputException;
import org.sightline.pattern.ast.ComparisonExpression;
import org.sightline.pattern.ast.ComparisonOperator;
import org.sightline.pattern.ast.Literal;
import org.sightline.pattern.ast.ObjectPath;
import org.sightline.pattern.ast.ObservationExpression;
import org.sightline.pattern.parse.PatternParser;
import org.sightline.stix.StixId;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;

/**
 * A STIX selection as one MISP event (the JSON MISP's "Add event" and "Import from… MISP JSON" take):
 * indicators become attributes flagged for detection (to_ids), or file objects, or stix2-pattern
 * attributes when the pattern has no simpler MISP form; observed data not behind an indicator becomes
 * attributes without to_ids; actors become threat-actor galaxy tags; TLP markings become the
 * event's tlp tag and distribution. Give it a store already cleared to the reader's TLP level.
 */
public final class MispEventExporter {

    /** The event and what had no MISP form. */
    public record Exported(ObjectNode event, int attributes, int objects, Map<String, Integer> skipped) {
    }

    private static final Set<String> ACTORS = Set.of("intrusion-set", "threat-actor", "campaign");
    /** Types the event carries in some form, or that it is made of (the container, its relationships, markings, authors). */
    private static final Set<String> HANDLED = Set.of("indicator", "observed-data", "vulnerability", "malware", "tool", "report",
            "grouping", "relationship", "marking-definition", "identity");

    private final StixStore store;

    public MispEventExporter(StixStore store) {
        this.store = store;
    }

    /** The event for the objects with these ids (a report or grouping brings what it refers to) and of these types. */
    public Exported export(List<String> ids, Set<String> types, String info) {
        Map<String, StixObject> selected = select(ids, types);
        if (selected.isEmpty()) {
            throw new InvalidInputException("nothing to export: no object this clearance may see matches the selection");
        }
        Map<String, Integer> skipped = new TreeMap<>();
        ObjectNode event = StixJson.newObject();
        StixObject container = selected.values().stream().filter(o -> o.type().equals("report") || o.type().equals("grouping"))
                .findFirst().orElse(null);
        String uuid = container != null ? uuidOf(container.id())
                : StixId.uuid5("sightline-misp-export:" + String.join(",", new java.util.TreeSet<>(selected.keySet()))).toString();
        event.put("uuid", uuid);
        event.put("info", info != null ? info : container != null ? container.name() : "Sightline export of " + selected.size() + " objects");
        String now = String.valueOf(Instant.now().getEpochSecond());
        event.put("date", (container != null ? container.created() : StixTimestamp.format(Instant.now())).substring(0, 10));
        event.put("timestamp", now);
        event.put("threat_level_id", "4");
        event.put("analysis", "2");
        event.put("published", false);
        ArrayNode attributes = event.putArray("Attribute");
        ArrayNode objects = event.putArray("Object");
        ArrayNode tags = event.putArray("Tag");
        Set<String> basedOn = new LinkedHashSet<>();
        Tlp strictest = null;
        for (StixObject object : selected.values()) {
            Tlp level = Tlp.highestOn(object.json());
            strictest = strictest == null || level.compareTo(strictest) > 0 ? level : strictest;
            if (object.type().equals("indicator")) {
                store.edgesFrom(object.id(), "based-on").forEach(edge -> basedOn.add(edge.targetId()));
                indicator(object, attributes, objects, skipped);
            } else if (ACTORS.contains(object.type())) {
                tags.addObject().put("name", "misp-galaxy:threat-actor=\"" + object.name() + "\"");
            } else if (object.type().equals("malware") || object.type().equals("tool")) {
                String attack = object.externalId("mitre-attack").orElse(null);
                String galaxy = object.type().equals("malware") ? (attack != null ? "mitre-malware" : "malpedia")
                        : (attack != null ? "mitre-tool" : "tool");
                tags.addObject().put("name", "misp-galaxy:" + galaxy + "=\"" + object.name() + (attack != null ? " - " + attack : "") + "\"");
            } else if (object.type().equals("vulnerability")) {
                attribute(attributes, object, "vulnerability", "External analysis", object.name(), false);
            }
        }
        for (StixObject object : selected.values()) {
            if (object.type().equals("observed-data") && !basedOn.contains(object.id())) {
                observed(object, attributes, skipped);
            } else if (!HANDLED.contains(object.type()) && !ACTORS.contains(object.type())
                    && !org.sightline.stix.StixTypes.isObservable(object.type())) { // observables travel with their observed data
                skipped.merge(object.type(), 1, Integer::sum);
            }
        }
        Tlp level = strictest == null ? Tlp.CLEAR : strictest;
        tags.insertObject(0).put("name", level == Tlp.CLEAR ? "tlp:clear" : "tlp:" + level.tlp2Value());
        event.put("distribution", switch (level) {
            case CLEAR, GREEN -> "3";
            case AMBER -> "1";
            default -> "0";
        });
        ObjectNode wrapper = StixJson.newObject();
        wrapper.set("Event", event);
        return new Exported(wrapper, attributes.size(), objects.size(), skipped);
    }

    private Map<String, StixObject> select(List<String> ids, Set<String> types) {
        Map<String, StixObject> selected = new LinkedHashMap<>();
        for (StixObject object : store.currentObjects(ids)) {
            selected.put(object.id(), object);
            if (object.type().equals("report") || object.type().equals("grouping")) {
                store.currentObjects(object.strings("object_refs")).forEach(o -> selected.putIfAbsent(o.id(), o));
            }
        }
        if (!types.isEmpty()) {
            store.forEachCurrent(new StixStore.ObjectQuery(types, Set.of(), false), o -> selected.putIfAbsent(o.id(), o));
        }
        return selected;
    }

    private void indicator(StixObject indicator, ArrayNode attributes, ArrayNode objects, Map<String, Integer> skipped) {
        if (!"stix".equals(indicator.text("pattern_type"))) {
            skipped.merge("indicator (" + indicator.text("pattern_type") + " pattern)", 1, Integer::sum);
            return;
        }
        Optional<List<MispAttributeOf.Term>> terms = terms(indicator.text("pattern"));
        Optional<MispAttributeOf.Attribute> single = terms.flatMap(MispAttributeOf::of);
        if (single.isPresent()) {
            attribute(attributes, indicator, single.get().type(), category(indicator, single.get().category()), single.get().value(), true);
        } else if (terms.isPresent() && MispAttributeOf.isFile(terms.get())) {
            ObjectNode file = objects.addObject();
            file.put("name", "file");
            file.put("meta-category", "file");
            file.put("uuid", uuidOf(indicator.id()));
            file.put("timestamp", epoch(indicator.modified()));
            ArrayNode parts = file.putArray("Attribute");
            for (MispAttributeOf.Term term : terms.get()) {
                ObjectNode part = parts.addObject();
                String relation = MispAttributeOf.fileRelation(term);
                part.put("type", relation.equals("size-in-bytes") ? "size-in-bytes" : relation);
                part.put("object_relation", relation);
                part.put("category", "Payload delivery");
                part.put("value", term.value());
                part.put("to_ids", !relation.equals("size-in-bytes"));
                part.put("uuid", StixId.uuid5(indicator.id() + " " + term.path()).toString());
            }
        } else {
            attribute(attributes, indicator, "stix2-pattern", "Payload installation", indicator.text("pattern"), true);
        }
    }

    private void observed(StixObject observed, ArrayNode attributes, Map<String, Integer> skipped) {
        for (StixObject sco : store.currentObjects(observed.strings("object_refs"))) {
            List<MispAttributeOf.Term> terms = new ArrayList<>();
            for (String property : List.of("value", "name", "number", "key", "subject")) {
                if (sco.has(property)) {
                    terms.add(new MispAttributeOf.Term(sco.type() + ":" + property, sco.json().get(property).asText()));
                    break;
                }
            }
            Optional<MispAttributeOf.Attribute> attribute = MispAttributeOf.of(terms);
            if (attribute.isPresent()) {
                ObjectNode added = attribute(attributes, observed, attribute.get().type(), attribute.get().category(),
                        attribute.get().value(), false);
                added.put("uuid", uuidOf(sco.id()));
            } else {
                skipped.merge(sco.type() + " (observed)", 1, Integer::sum);
            }
        }
    }

    private static ObjectNode attribute(ArrayNode attributes, StixObject from, String type, String category, String value, boolean toIds) {
        ObjectNode attribute = attributes.addObject();
        attribute.put("uuid", uuidOf(from.id()));
        attribute.put("type", type);
        attribute.put("category", category);
        attribute.put("value", value);
        attribute.put("to_ids", toIds);
        attribute.put("timestamp", epoch(from.modified() != null ? from.modified() : from.created()));
        if (from.description() != null) {
            attribute.put("comment", from.description());
        }
        ArrayNode tags = attribute.putArray("Tag");
        for (String label : from.strings("labels")) {
            if (!label.startsWith("misp:")) {
                tags.addObject().put("name", label);
            }
        }
        return attribute;
    }

    /** The MISP category an indicator came with (misp-stix keeps it as a kill chain phase), else the type's usual one. */
    private static String category(StixObject indicator, String fallback) {
        for (JsonNode phase : indicator.json().path("kill_chain_phases")) {
            if (phase.path("kill_chain_name").asText().equals("misp-category")) {
                return phase.path("phase_name").asText();
            }
        }
        return fallback;
    }

    /** A pattern's terms when it is one observation of equality comparisons joined by AND. */
    static Optional<List<MispAttributeOf.Term>> terms(String pattern) {
        ObservationExpression expression;
        try {
            expression = PatternParser.parse(pattern).expression();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        while (expression instanceof ObservationExpression.Grouped grouped) {
            expression = grouped.expression();
        }
        if (!(expression instanceof ObservationExpression.Observation observation)) {
            return Optional.empty();
        }
        List<MispAttributeOf.Term> terms = new ArrayList<>();
        return collect(observation.comparison(), terms) ? Optional.of(terms) : Optional.empty();
    }

    private static boolean collect(ComparisonExpression expression, List<MispAttributeOf.Term> terms) {
        if (expression instanceof ComparisonExpression.Grouped grouped) {
            return collect(grouped.expression(), terms);
        }
        if (expression instanceof ComparisonExpression.Combined combined) {
            return combined.operator().name().equals("AND") && combined.operands().stream().allMatch(e -> collect(e, terms));
        }
        if (expression instanceof ComparisonExpression.Comparison comparison && comparison.operator() == ComparisonOperator.EQ
                && !comparison.negated()) {
            String value = comparison.value() instanceof Literal.StringValue text ? text.value()
                    : comparison.value() instanceof Literal.IntValue number ? number.value().toString() : null;
            if (value != null) {
                terms.add(new MispAttributeOf.Term(path(comparison.path()), value));
                return true;
            }
        }
        return false;
    }

    private static String path(ObjectPath path) {
        StringBuilder text = new StringBuilder(path.objectType()).append(':');
        boolean first = true;
        for (ObjectPath.Step step : path.steps()) {
            if (step instanceof ObjectPath.Key key) {
                text.append(first ? "" : ".").append(key.name());
            } else if (step instanceof ObjectPath.AnyIndex) {
                text.append("[*]");
            } else if (step instanceof ObjectPath.Index index) {
                text.append('[').append(index.index()).append(']');
            }
            first = false;
        }
        return text.toString();
    }

    private static String uuidOf(String id) {
        return id.substring(id.indexOf("--") + 2);
    }

    private static String epoch(String timestamp) {
        return timestamp == null ? String.valueOf(Instant.now().getEpochSecond())
                : String.valueOf(StixTimestamp.parse(timestamp).getEpochSecond());
    }
}
