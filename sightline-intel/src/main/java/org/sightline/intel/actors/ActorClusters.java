package org.sightline.intel.actors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sightline.store.StixStore;

/** Which actor objects are linked as one actor (same-actor relationships, transitively). */
public final class ActorClusters {
    private final Map<String, String> parent = new HashMap<>();

    public ActorClusters(StixStore store) {
        for (StixStore.Edge edge : store.edgesOfType(ActorLinker.SAME_ACTOR)) {
            union(edge.sourceId(), edge.targetId());
        }
    }

    public String root(String id) {
        String root = id;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    /** Every object in the same cluster as this one (itself included). */
    public List<String> members(String id) {
        String root = root(id);
        List<String> members = new java.util.ArrayList<>();
        members.add(id);
        for (String other : parent.keySet()) {
            if (!other.equals(id) && root(other).equals(root)) {
                members.add(other);
            }
        }
        return members;
    }

    private void union(String a, String b) {
        String ra = root(a);
        String rb = root(b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
            parent.putIfAbsent(rb, rb);
        }
        parent.putIfAbsent(a, ra.equals(a) ? rb : ra);
        parent.putIfAbsent(b, rb);
    }
}
