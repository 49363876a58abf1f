package org.sightline.intel.sightings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTypes;
import org.sightline.store.StixStore;

/**
 * What was seen lately: each sighting with what was seen (an indicator, say), the actors that
 * indicator points to, and where it was seen (a supplier, a sensor's owner), newest first; and the
 * number of sightings per day, for a chart.
 */
public final class RecentSightings {

    /** An object named for display. */
    public record Named(String id, String type, String name) {
    }

    /** One sighting as the page shows it. */
    public record Row(String id, String firstSeen, String lastSeen, int count, Named sightingOf, List<Named> actors,
                      List<Named> where) {
    }

    /** The newest sightings, how many there are in all, and the count per day over all of them. */
    public record Recent(List<Row> sightings, int total, Map<String, Integer> perDay) {
    }

    private final StixStore store;

    public RecentSightings(StixStore store) {
        this.store = store;
    }

    public Recent newest(int limit) {
        List<StixObject> all = new ArrayList<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("sighting"), Set.of(), false), all::add);
        Map<String, Integer> perDay = new TreeMap<>();
        for (StixObject sighting : all) {
            String day = seen(sighting).substring(0, 10);
            perDay.merge(day, Math.max(1, sighting.json().path("count").asInt(1)), Integer::sum);
        }
        all.sort(Comparator.comparing(RecentSightings::seen).reversed());
        List<StixObject> newest = all.subList(0, Math.min(limit, all.size()));
        Set<String> referenced = new LinkedHashSet<>();
        Map<String, List<String>> actorsOf = new HashMap<>();
        for (StixObject sighting : newest) {
            String of = sighting.text("sighting_of_ref");
            referenced.add(of);
            referenced.addAll(sighting.strings("where_sighted_refs"));
            List<String> actors = actorsOf.computeIfAbsent(of, id -> store.edgesFrom(id, "indicates").stream()
                    .map(StixStore.Edge::targetId).filter(t -> StixTypes.ACTOR_TYPES.contains(StixTypes.typeOf(t))).toList());
            referenced.addAll(actors);
        }
        Map<String, Named> names = new HashMap<>();
        store.currentObjects(referenced).forEach(o -> names.put(o.id(), new Named(o.id(), o.type(), o.name() != null ? o.name() : o.id())));
        List<Row> rows = new ArrayList<>();
        for (StixObject sighting : newest) {
            String of = sighting.text("sighting_of_ref");
            rows.add(new Row(sighting.id(), sighting.text("first_seen"), seen(sighting), Math.max(1, sighting.json().path("count").asInt(1)),
                    named(names, of), actorsOf.get(of).stream().map(id -> named(names, id)).toList(),
                    sighting.strings("where_sighted_refs").stream().map(id -> named(names, id)).toList()));
        }
        return new Recent(rows, all.size(), perDay);
    }

    private static Named named(Map<String, Named> names, String id) {
        return names.getOrDefault(id, new Named(id, StixTypes.typeOf(id), id));
    }

    /** When it was last seen: last_seen, else first_seen, else when it was recorded. */
    private static String seen(StixObject sighting) {
        for (String property : List.of("last_seen", "first_seen", "modified", "created")) {
            String value = sighting.text(property);
            if (value != null) {
                return value;
            }
        }
        return "";
    }
}
