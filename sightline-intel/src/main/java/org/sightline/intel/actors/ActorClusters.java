package org.sightline.intel.actors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.stix.StixObject;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.store.StixStore;
import org.sightline.store.names.NameKey;

/**
 * Which actor objects are one actor: same-actor links followed transitively, strongest first, except
 * where following a link would put two entries of one source into one actor.
 *
 * <p>A source that lists two actors separately (ATT&CK's APT17 and APT41) says they are two; a
 * chain of weaker links from other sources ("similar" in one galaxy, a shared alias in another)
 * must not make them one, or one actor's names would resolve to the other. Such a link is refused: both ends stay as they are and a name they share is a conflict.
 * An analyst's own link is followed whatever it joins: it is the analyst's call.
 */
public final class ActorClusters {
    private final Map<String, String> parent = new HashMap<>();
    /** For each root, the "source|type" of every member: what a join must not repeat. */
    private final Map<String, Set<String>> entries = new HashMap<>();
    private final List<StixStore.Edge> refused = new ArrayList<>();

    public ActorClusters(StixStore store) {
        List<StixStore.Edge> edges = store.edgesOfType(ActorLinker.SAME_ACTOR);
        if (edges.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        edges.forEach(edge -> {
            ids.add(edge.relationshipId());
            ids.add(edge.sourceId());
            ids.add(edge.targetId());
        });
        Map<String, StixObject> objects = new HashMap<>();
        store.currentObjects(ids).forEach(object -> objects.put(object.id(), object));
        for (StixObject object : objects.values()) {
            if (!object.type().equals("relationship")) {
                parent.put(object.id(), object.id());
                entries.computeIfAbsent(object.id(), k -> new HashSet<>()).add(entryOf(store, object));
            }
        }
        List<StixStore.Edge> strongestFirst = edges.stream()
                .filter(edge -> objects.containsKey(edge.relationshipId()) && parent.containsKey(edge.sourceId())
                        && parent.containsKey(edge.targetId()))
                .sorted(Comparator.comparing((StixStore.Edge edge) -> !byAnalyst(objects.get(edge.relationshipId())))
                        .thenComparing(edge -> -score(objects.get(edge.relationshipId())))
                        // a galaxy's "APT41" that names G0096 and G0044 is G0096's: the same name breaks the tie
                        .thenComparing(edge -> !sameName(objects.get(edge.sourceId()), objects.get(edge.targetId())))
                        .thenComparing(StixStore.Edge::relationshipId))
                .toList();
        for (StixStore.Edge edge : strongestFirst) {
            if (!join(edge.sourceId(), edge.targetId(), byAnalyst(objects.get(edge.relationshipId())))) {
                refused.add(edge);
            }
        }
    }

    public String root(String id) {
        String root = id;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    /** Every object in the same cluster as this one (itself first). */
    public List<String> members(String id) {
        String root = root(id);
        List<String> members = new ArrayList<>();
        members.add(id);
        for (String other : parent.keySet()) {
            if (!other.equals(id) && root(other).equals(root)) {
                members.add(other);
            }
        }
        return members;
    }

    /** The same-actor links not followed because they would have joined two entries of one source. */
    public List<StixStore.Edge> refused() {
        return List.copyOf(refused);
    }

    private boolean join(String a, String b, boolean analyst) {
        String ra = root(a);
        String rb = root(b);
        if (ra.equals(rb)) {
            return true;
        }
        Set<String> left = entries.get(ra);
        Set<String> right = entries.get(rb);
        if (!analyst && left.stream().anyMatch(right::contains)) {
            return false;
        }
        parent.put(ra, rb);
        right.addAll(left);
        entries.remove(ra);
        return true;
    }

    /**
     * Who lists the object, and as what: ATT&CK's groups are ATT&CK's entries, another producer's
     * objects its own. A MISP galaxy is not such a list: Microsoft's keeps STRONTIUM beside Forest
     * Blizzard, its new name for the same actor, so a galaxy's clusters are each an entry of their
     * own, as is an object with no known producer; such entries never block a join.
     */
    private static String entryOf(StixStore store, StixObject object) {
        String source = Provenance.of(store, object);
        if (source.equals("unattributed") || object.has("x_misp_galaxy")) {
            source = source + " " + object.id();
        }
        return source + "|" + object.type();
    }

    private static boolean sameName(StixObject a, StixObject b) {
        return a.name() != null && b.name() != null && NameKey.of(a.name()).equals(NameKey.of(b.name()));
    }

    private static boolean byAnalyst(StixObject link) {
        return "analyst".equals(SightlineExtensions.of(link.json(), SightlineExtensions.LINK).path("method").asText());
    }

    private static double score(StixObject link) {
        var details = SightlineExtensions.of(link.json(), SightlineExtensions.LINK);
        return details.has("score") ? details.path("score").asDouble() : link.json().path("confidence").asDouble(50) / 100;
    }
}
