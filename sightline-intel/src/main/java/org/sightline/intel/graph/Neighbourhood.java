package org.sightline.intel.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTypes;
import org.sightline.store.StixStore;

/**
 * The objects around one object, joined by relationships, as a graph to draw: breadth first out to
 * a depth, at most a number of nodes (the nearest first), each node with its type and name and each
 * edge with its relationship type. Read through the reader's view of the store, so it shows only
 * what the reader may see.
 */
public final class Neighbourhood {
    public static final int MAX_NODES = 500;

    /** A node: the object's id, type and name (or id when it has none). */
    public record Node(String id, String type, String name, int distance) {
    }

    /** An edge: the relationship's id and type between two nodes. */
    public record Edge(String id, String source, String target, String type) {
    }

    /** The graph, and whether nodes were left out to stay within the limit. */
    public record Graph(String center, List<Node> nodes, List<Edge> edges, boolean truncated, Set<String> relationshipTypes) {
    }

    private final StixStore store;

    public Neighbourhood(StixStore store) {
        this.store = store;
    }

    public Graph around(String id, int depth, int maxNodes, Set<String> relationshipTypes) {
        if (depth < 1 || depth > 3) {
            throw new InvalidInputException("depth must be 1, 2 or 3, not " + depth);
        }
        if (maxNodes < 1 || maxNodes > MAX_NODES) {
            throw new InvalidInputException("at most " + MAX_NODES + " nodes, not " + maxNodes);
        }
        if (store.current(id).isEmpty()) {
            throw new NotFoundException("no object " + id + " in the knowledge store");
        }
        Map<String, Integer> distance = new LinkedHashMap<>();
        Map<String, Edge> edges = new LinkedHashMap<>();
        Set<String> typesSeen = new java.util.TreeSet<>();
        Deque<String> frontier = new ArrayDeque<>(List.of(id));
        distance.put(id, 0);
        boolean truncated = false;
        while (!frontier.isEmpty()) {
            String node = frontier.poll();
            int next = distance.get(node) + 1;
            List<StixStore.Edge> around = new ArrayList<>(store.edgesFrom(node, null));
            around.addAll(store.edgesTo(node, null));
            for (StixStore.Edge edge : around) {
                typesSeen.add(edge.type());
                if (!relationshipTypes.isEmpty() && !relationshipTypes.contains(edge.type())) {
                    continue;
                }
                String other = edge.sourceId().equals(node) ? edge.targetId() : edge.sourceId();
                if (!distance.containsKey(other)) {
                    if (next > depth) {
                        continue;
                    }
                    if (distance.size() >= maxNodes) {
                        truncated = true;
                        continue;
                    }
                    distance.put(other, next);
                    frontier.add(other);
                }
                edges.putIfAbsent(edge.relationshipId(), new Edge(edge.relationshipId(), edge.sourceId(), edge.targetId(), edge.type()));
            }
        }
        Map<String, StixObject> objects = new LinkedHashMap<>();
        store.currentObjects(distance.keySet()).forEach(object -> objects.put(object.id(), object));
        List<Node> nodes = new ArrayList<>();
        distance.forEach((nodeId, hops) -> {
            StixObject object = objects.get(nodeId);
            String name = object == null ? nodeId : object.name() != null ? object.name() : label(object);
            nodes.add(new Node(nodeId, StixTypes.typeOf(nodeId), name, hops));
        });
        Set<String> present = new LinkedHashSet<>(distance.keySet());
        List<Edge> kept = edges.values().stream().filter(e -> present.contains(e.source()) && present.contains(e.target())).toList();
        return new Graph(id, nodes, kept, truncated, typesSeen);
    }

    /** A name for an object that has none: an observable's value, else its type. */
    private static String label(StixObject object) {
        for (String property : List.of("value", "abstract", "pattern")) {
            String text = object.text(property);
            if (text != null) {
                return text.length() > 60 ? text.substring(0, 57) + "…" : text;
            }
        }
        return object.type();
    }
}
