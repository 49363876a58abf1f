package org.sightline.store.clearance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixId;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;

/**
 * The marking of an object Sightline itself makes (an evidence note, an ACH grouping, a claim, a
 * dossier): at least the strictest marking of everything it refers to, since it repeats what
 * those say (a claim's ends, an actor's name, an excerpt). Without this an evidence note on a
 * RED claim would be stored unmarked, that is CLEAR, and show the RED claim to every reader.
 */
public final class InheritedMarking {
    /** References that point at markings, not at content the object repeats. */
    private static final Set<String> NOT_CONTENT = Set.of("object_marking_refs", "marking_ref");

    private InheritedMarking() {
    }

    /** The strictest of {@code floor}, the object's own TLP and the current TLP of every object it refers to. */
    static Tlp of(StixStore store, JsonNode object, Tlp floor) {
        Tlp level = max(floor, Tlp.highestOn(object));
        Set<String> referenced = new TreeSet<>();
        collectRefs(object, referenced);
        referenced.remove(object.path("id").asText());
        for (Map.Entry<String, Tlp> entry : store.currentLevels(referenced).entrySet()) {
            level = max(level, entry.getValue());
        }
        return level;
    }

    /**
     * Marks the object with the inherited level, in place of any TLP marking it had, and returns it;
     * refused when the writer could not read the result: a store seen with a clearance (a token's)
     * may not be used to write above it.
     */
    public static ObjectNode applyWithin(StixStore store, ObjectNode object, Tlp floor) {
        Tlp level = of(store, object, floor);
        if (store instanceof ClearedStore cleared && !cleared.clearance().allows(level)) {
            throw new InvalidInputException(object.path("id").asText() + ": would be marked " + level.label()
                    + ", above this token's clearance " + cleared.clearance().label() + "; a write never marks above what its writer may read");
        }
        mark(object, level);
        return object;
    }

    /** Sets the object's TLP marking to {@code level} (CLEAR leaves an unmarked object unmarked), keeping other markings. */
    private static void mark(ObjectNode object, Tlp level) {
        List<String> others = new ArrayList<>();
        for (JsonNode ref : object.path("object_marking_refs")) {
            if (Tlp.ofMarkingId(ref.asText()).isEmpty()) {
                others.add(ref.asText());
            }
        }
        if (level == Tlp.CLEAR && others.isEmpty() && !object.has("object_marking_refs")) {
            return;
        }
        ArrayNode refs = object.putArray("object_marking_refs");
        others.forEach(refs::add);
        if (level != Tlp.CLEAR || others.isEmpty()) {
            refs.add(level.markingId());
        }
    }

    private static Tlp max(Tlp a, Tlp b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Every STIX id under a property named *_ref or *_refs, at any depth (extensions name their claims and sources so). */
    private static void collectRefs(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (NOT_CONTENT.contains(name)) {
                    continue;
                }
                if (name.endsWith("_ref") && value.isTextual() && StixId.isValid(value.asText())) {
                    into.add(value.asText());
                } else if (name.endsWith("_refs") && value.isArray()) {
                    value.forEach(item -> {
                        if (item.isTextual() && StixId.isValid(item.asText())) {
                            into.add(item.asText());
                        }
                    });
                } else {
                    collectRefs(value, into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, into));
        }
    }
}
