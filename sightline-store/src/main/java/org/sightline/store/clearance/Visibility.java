package org.sightline.store.clearance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.stix.StixObject;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.stix.validation.StixValidator;
import org.sightline.stix.validation.ValidationIssue;
import org.sightline.store.StixStore;
import org.sightline.store.feed.FeedEntry;

/**
 * What a reader cleared to one TLP level may see. An object is visible when its own markings are
 * within the clearance; a relationship or sighting also needs every object it joins to be visible,
 * because "X uses Y" says something about Y, and so does an object Sightline derived (an evidence
 * note, an ACH grouping, a claim) need everything its extension names. A container from elsewhere
 * (a report, note, opinion or grouping) is shown with only the {@code object_refs} the reader may
 * see; with none of its refs left, it is hidden. Every other reference to what the reader may not see
 * ({@code created_by_ref}, {@code sample_refs}, an email's {@code from_ref}…) is left out of the copy it
 * is shown, unless that leaves the object without what STIX requires: then it is hidden.
 * Objects that are not in the store hide nothing.
 */
public final class Visibility {
    /** The properties through which a relationship or sighting names the objects it joins. */
    private static final List<String> JOINED = List.of("source_ref", "target_ref", "sighting_of_ref",
            "observed_data_refs", "where_sighted_refs");
    /** References to marking definitions, which every reader may see. */
    private static final Set<String> NOT_CONTENT = Set.of("object_marking_refs");
    /** Patterns of a redacted copy were checked when stored; only the shape left is checked again. */
    private static final StixValidator REDACTED_CHECK = new StixValidator((pattern, version) -> List.of());

    private final StixStore store;
    private final Tlp clearance;

    public Visibility(StixStore store, Tlp clearance) {
        this.store = store;
        this.clearance = clearance;
    }

    public Tlp clearance() {
        return clearance;
    }

    /** True for a reader cleared to RED, who sees everything: callers can skip the checks. */
    public boolean seesEverything() {
        return clearance == Tlp.RED;
    }

    /** The entries of a feed page the reader may see, in their order, containers redacted as the class comment says. */
    public List<FeedEntry> visibleEntries(List<FeedEntry> entries) {
        if (seesEverything()) {
            return entries;
        }
        // An older version is shown only while the id's current version is visible: a newer RED version
        // hides the id's whole history, so that neither the old text nor the new version's existence shows.
        Set<String> currentHidden = hiddenAmong(entries.stream().map(FeedEntry::id).collect(java.util.stream.Collectors.toSet()));
        List<FeedEntry> ownLevel = entries.stream()
                .filter(entry -> clearance.allows(entry.tlp()) && !currentHidden.contains(entry.id())).toList();
        Map<FeedEntry, ObjectNode> parsed = new java.util.LinkedHashMap<>();
        for (FeedEntry entry : ownLevel) {
            if (mayReferToOthers(entry.json())) {
                parsed.put(entry, StixJson.parseObject(entry.json(), entry.id()));
            }
        }
        Set<String> hidden = hiddenAmong(referencedBy(parsed.values()));
        List<FeedEntry> visible = new ArrayList<>();
        for (FeedEntry entry : ownLevel) {
            ObjectNode object = parsed.get(entry);
            if (object == null) {
                visible.add(entry);
                continue;
            }
            ObjectNode shown = shown(object, hidden);
            if (shown == object) {
                visible.add(entry);
            } else if (shown != null) {
                visible.add(new FeedEntry(entry.sequence(), entry.added(), entry.id(), entry.type(), entry.versionKey(),
                        entry.specVersion(), entry.tlp(), StixJson.write(shown)));
            }
        }
        return visible;
    }

    /** The objects the reader may see, in their order, containers redacted as the class comment says. */
    public List<StixObject> visibleObjects(List<StixObject> objects) {
        List<StixObject> ownLevel = objects.stream().filter(object -> clearance.allows(Tlp.highestOn(object.json()))).toList();
        if (seesEverything()) {
            return ownLevel;
        }
        Set<String> hidden = hiddenAmong(referencedBy(ownLevel.stream().map(StixObject::json).toList()));
        List<StixObject> visible = new ArrayList<>();
        for (StixObject object : ownLevel) {
            ObjectNode shown = shown(object.json(), hidden);
            if (shown != null) {
                visible.add(shown == object.json() ? object : new StixObject(shown));
            }
        }
        return visible;
    }

    /** A cheap look at the JSON text before parsing it: only objects with references can need hiding or redacting. */
    private static boolean mayReferToOthers(String json) {
        return json.contains("_ref\"") || json.contains("_refs\"");
    }

    private static Set<String> referencedBy(Collection<? extends JsonNode> objects) {
        Set<String> ids = new HashSet<>();
        for (JsonNode object : objects) {
            ids.addAll(joined(object));
            ids.addAll(redactable(object));
        }
        return ids;
    }

    /**
     * The object as the reader sees it: itself, a redacted copy (hidden object_refs or
     * created_by_ref left out), or null when it is hidden (it joins a hidden object, or it is a
     * container none of whose refs is left).
     */
    private static ObjectNode shown(JsonNode object, Set<String> hidden) {
        if (!disjoint(joined(object), hidden)) {
            return null;
        }
        if (disjoint(redactable(object), hidden)) {
            return (ObjectNode) object;
        }
        ObjectNode copy = ((ObjectNode) object).deepCopy();
        for (String property : redactableProperties(object)) {
            JsonNode value = object.get(property);
            if (value.isTextual() && hidden.contains(value.asText())) {
                copy.remove(property);
            } else if (value.isArray()) {
                com.fasterxml.jackson.databind.node.ArrayNode kept = copy.putArray(property);
                value.forEach(ref -> {
                    if (!hidden.contains(ref.asText())) {
                        kept.add(ref);
                    }
                });
                if (kept.isEmpty()) {
                    if (property.equals("object_refs")) {
                        return null; // a container about nothing the reader may see says nothing to it
                    }
                    copy.remove(property);
                }
            }
        }
        // A copy that lost what STIX requires (network traffic with neither end, say) is not shown half-made.
        return errors(copy).stream().allMatch(errors(object)::contains) ? copy : null;
    }

    private static List<String> errors(JsonNode object) {
        return REDACTED_CHECK.validate((ObjectNode) object).stream().filter(ValidationIssue::isError)
                .map(issue -> issue.property() + " " + issue.rule()).toList();
    }

    public boolean sees(StixObject object) {
        return !visibleObjects(List.of(object)).isEmpty();
    }

    /** The object as the reader is shown it (perhaps redacted), or empty when it is hidden. */
    public java.util.Optional<StixObject> shown(StixObject object) {
        return visibleObjects(List.of(object)).stream().findFirst();
    }

    /** Of these ids, those whose current version the reader may not see. */
    public Set<String> hiddenAmong(Collection<String> ids) {
        Set<String> hidden = new HashSet<>();
        if (ids.isEmpty() || seesEverything()) {
            return hidden;
        }
        store.currentLevels(ids).forEach((id, level) -> {
            if (!clearance.allows(level)) {
                hidden.add(id);
            }
        });
        return hidden;
    }

    /** The objects this one states something about: if the reader may not see one of them, it may not see this. */
    private static Set<String> joined(JsonNode object) {
        Set<String> ids = new HashSet<>();
        for (String property : JOINED) {
            addRefs(object.path(property), ids);
        }
        if (derivedBySightline(object)) {
            object.path("object_refs").forEach(ref -> ids.add(ref.asText()));
            object.path("extensions").forEach(extension -> collectNestedRefs(extension, ids));
        }
        return ids;
    }

    /** References a reader who may not see their target is shown the object without. */
    private static Set<String> redactable(JsonNode object) {
        Set<String> ids = new HashSet<>();
        for (String property : redactableProperties(object)) {
            addRefs(object.path(property), ids);
        }
        return ids;
    }

    /**
     * Every top-level reference but those that join (which hide the object instead) and markings:
     * created_by_ref, a container's object_refs, a malware's sample_refs, an email's from_ref…
     */
    private static List<String> redactableProperties(JsonNode object) {
        List<String> properties = new ArrayList<>();
        boolean derived = derivedBySightline(object);
        object.fieldNames().forEachRemaining(name -> {
            if ((name.endsWith("_ref") || name.endsWith("_refs")) && !JOINED.contains(name) && !NOT_CONTENT.contains(name)
                    && !(derived && name.equals("object_refs"))) {
                properties.add(name);
            }
        });
        return properties;
    }

    /** Evidence notes, ACH groupings and claims carry one of Sightline's extensions. */
    private static boolean derivedBySightline(JsonNode object) {
        JsonNode extensions = object.path("extensions");
        return extensions.has(SightlineExtensions.EVIDENCE) || extensions.has(SightlineExtensions.ACH)
                || extensions.has(SightlineExtensions.CLAIM);
    }

    private static void addRefs(JsonNode value, Set<String> into) {
        if (value.isTextual()) {
            into.add(value.asText());
        }
        for (JsonNode item : value.isArray() ? value : List.<JsonNode>of()) {
            into.add(item.asText());
        }
    }

    private static void collectNestedRefs(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().endsWith("_ref") || field.getKey().endsWith("_refs")) {
                    addRefs(field.getValue(), into);
                } else {
                    collectNestedRefs(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectNestedRefs(item, into));
        }
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }

    /** The ids among these the reader may see, for lists built from the derived indexes (edges, search hits). */
    public List<String> visibleIds(List<String> ids) {
        Set<String> hidden = hiddenAmong(ids);
        List<String> visible = new ArrayList<>(ids);
        visible.removeAll(hidden);
        return visible;
    }
}
