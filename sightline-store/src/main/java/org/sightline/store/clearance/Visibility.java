package org.sightline.store.clearance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;
import org.sightline.store.feed.FeedEntry;

/**
 * What a reader cleared to one TLP level may see. An object is visible when its own markings are
 * within the clearance; a relationship or sighting also needs every object it joins to be visible,
 * because "X uses Y" says something about Y. Objects that are not in the store hide nothing.
 */
public final class Visibility {
    /** The properties through which a relationship or sighting names the objects it joins. */
    private static final List<String> JOINED = List.of("source_ref", "target_ref", "sighting_of_ref",
            "observed_data_refs", "where_sighted_refs");

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

    /** The entries of a feed page the reader may see, in their order. */
    public List<FeedEntry> visibleEntries(List<FeedEntry> entries) {
        List<FeedEntry> ownLevel = entries.stream().filter(entry -> clearance.allows(entry.tlp())).toList();
        if (seesEverything()) {
            return ownLevel;
        }
        Map<FeedEntry, Set<String>> joins = new java.util.HashMap<>();
        for (FeedEntry entry : ownLevel) {
            if (entry.type().equals("relationship") || entry.type().equals("sighting")) {
                joins.put(entry, joined(StixJson.parseObject(entry.json(), entry.id())));
            }
        }
        Set<String> hidden = hiddenAmong(joins.values().stream().flatMap(Set::stream).toList());
        return ownLevel.stream().filter(entry -> !joins.containsKey(entry) || disjoint(joins.get(entry), hidden)).toList();
    }

    /** The objects the reader may see, in their order. */
    public List<StixObject> visibleObjects(List<StixObject> objects) {
        List<StixObject> ownLevel = objects.stream().filter(object -> clearance.allows(Tlp.highestOn(object.json()))).toList();
        if (seesEverything()) {
            return ownLevel;
        }
        Set<String> referenced = new HashSet<>();
        ownLevel.forEach(object -> referenced.addAll(joined(object.json())));
        Set<String> hidden = hiddenAmong(referenced);
        return ownLevel.stream().filter(object -> disjoint(joined(object.json()), hidden)).toList();
    }

    public boolean sees(StixObject object) {
        return !visibleObjects(List.of(object)).isEmpty();
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

    private static Set<String> joined(JsonNode object) {
        Set<String> ids = new HashSet<>();
        for (String property : JOINED) {
            JsonNode value = object.path(property);
            if (value.isTextual()) {
                ids.add(value.asText());
            }
            for (JsonNode item : value.isArray() ? value : List.<JsonNode>of()) {
                ids.add(item.asText());
            }
        }
        return ids;
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
