package org.sightline.ingest.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.Versions;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.store.StixStore;

/**
 * What importing a publication of a list changes in the store: entries new to it, entries whose
 * details changed (a new version of the same identity), and entries no longer listed (a new version
 * saying since when: {@code removed_on}). Unchanged entries are left as they are, so re-importing a
 * list writes nothing, and a publication older than the one in the store is refused rather than
 * undoing a newer one.
 */
public record ListUpdate(SanctionsList list, List<ObjectNode> objects, int added, int changed, int unchanged, int removed) {

    public static ListUpdate of(SanctionsList list, StixStore store) {
        Map<String, StixObject> current = new HashMap<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("identity"), Set.of(), false), object -> {
            JsonNode entry = entryOf(object.json());
            if (entry.path("list").asText().equals(list.name())) {
                current.put(object.id(), object);
            }
        });
        String held = current.values().stream().map(object -> entryOf(object.json()).path("list_date").asText(""))
                .max(String::compareTo).orElse("");
        if (held.compareTo(list.date().substring(0, 10)) > 0) {
            throw new InvalidInputException("the store holds the " + list.name() + " list of " + held + "; this publication is of "
                    + list.date().substring(0, 10) + ", older: import a list as new as the one held or newer (OFAC's CSV form carries no date: "
                    + "it is dated by the day sdn.csv was last modified unless imported with --list-date)");
        }
        List<ObjectNode> objects = new ArrayList<>();
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        Set<String> listed = new HashSet<>();
        for (Listing listing : list.listings()) {
            ObjectNode identity = list.toStix(listing);
            String id = identity.get("id").asText();
            if (!listed.add(id)) {
                throw new InvalidInputException(list.name() + ": entry " + listing.entry() + " is listed twice");
            }
            StixObject previous = current.get(id);
            if (previous == null) {
                objects.add(identity);
                added++;
            } else if (sameDetails(previous.json(), identity) && !isRemoved(previous.json())) {
                unchanged++;
            } else {
                objects.add(Versions.replacing(previous, identity, StixTimestamp.parse(list.date())));
                changed++;
            }
        }
        int removed = 0;
        for (StixObject previous : current.values()) {
            if (!listed.contains(previous.id()) && !isRemoved(previous.json())) {
                objects.add(Versions.next(previous, StixTimestamp.parse(list.date()),
                        delisted -> ((ObjectNode) entryOf(delisted)).put("removed_on", list.date().substring(0, 10))));
                removed++;
            }
        }
        objects.addAll(0, list.header()); // the publication, seen: unchanged in the store when imported before
        return new ListUpdate(list, objects, added, changed, unchanged, removed);
    }

    /** "OFAC SDN list of 2019-01-15: 7,379 entries (7,379 new, 0 changed, 0 unchanged, 0 removed)". */
    public String summary() {
        return String.format("%s list of %s: %,d entries (%,d new, %,d changed, %,d unchanged, %,d no longer listed)", list.name(),
                list.date().substring(0, 10), list.listings().size(), added, changed, unchanged, removed);
    }

    private static boolean isRemoved(JsonNode identity) {
        return entryOf(identity).has("removed_on");
    }

    /** Whether two versions of an entry say the same, leaving aside when and from which publication. */
    private static boolean sameDetails(JsonNode previous, ObjectNode next) {
        return details(previous).equals(details(next));
    }

    private static JsonNode details(JsonNode identity) {
        ObjectNode copy = identity.deepCopy();
        copy.remove(List.of("created", "modified", "object_marking_refs"));
        JsonNode entry = entryOf(copy);
        if (entry instanceof ObjectNode object) {
            object.remove(List.of("list_date", "removed_on"));
        }
        return copy;
    }

    /** The list's date, or just after the previous version when the list is of the same day (a corrected file). */
    /** The identity's list entry (Sightline's list-entry extension), or a missing node. */
    private static JsonNode entryOf(JsonNode identity) {
        return SightlineExtensions.of(identity, SightlineExtensions.LIST_ENTRY);
    }
}
