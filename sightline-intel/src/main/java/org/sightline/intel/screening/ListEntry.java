package org.sightline.intel.screening;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sightline.stix.StixObject;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.store.StixStore;

/**
 * One entry of a sanctions or indictment list as screening reads it from its STIX identity: names,
 * kind, countries, birth dates, identifiers and programmes, and which list it came from.
 */
public record ListEntry(String id, String name, List<String> aliases, String kind, List<String> countries,
                        List<String> birthDates, List<String> identifiers, List<String> programs, String list) {

    /** The property in which an imported list entry keeps what screening needs (see ingest's sanctions package). */

    public static boolean isListEntry(StixObject object) {
        return "identity".equals(object.type()) && SightlineExtensions.has(object.json(), SightlineExtensions.LIST_ENTRY);
    }

    /**
     * Every entry still listed in the store: the current versions of identities carrying
     * Sightline's list-entry extension, leaving out those a newer publication of their list no longer holds.
     */
    public static List<ListEntry> allIn(StixStore store) {
        List<ListEntry> entries = new ArrayList<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("identity"), Set.of(), false), object -> {
            if (isListEntry(object) && !SightlineExtensions.of(object.json(), SightlineExtensions.LIST_ENTRY).has("removed_on")) {
                entries.add(of(object));
            }
        });
        return entries;
    }

    public static ListEntry of(StixObject object) {
        JsonNode data = SightlineExtensions.of(object.json(), SightlineExtensions.LIST_ENTRY);
        return new ListEntry(object.id(), object.name(), strings(data.path("aliases")), data.path("kind").asText(
                object.text("identity_class")), strings(data.path("countries")), strings(data.path("birth_dates")),
                strings(data.path("identifiers")), strings(data.path("programs")), data.path("list").asText(""));
    }

    /** Every name the entry is listed under: its main name first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(List.of(name));
        names.addAll(aliases);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
