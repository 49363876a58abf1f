package org.sightline.intel.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.NotFoundException;
import org.sightline.stix.StixObject;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;

/**
 * One object as a page shows it: its properties and TLP marking, who made it, the relationships
 * that leave it and come to it (each with who states it), and the objects that point at it by an
 * embedded reference (a sighting of it, a report or note that covers it). For a campaign or an
 * intrusion, who it is attributed to and by whom. Read through the reader's view of the store;
 * each list keeps its first {@value #LISTED} and says how many there are.
 */
public final class ObjectLinks {
    static final int LISTED = 200;
    /** The embedded references that make one object point at another for a reader (not created_by_ref: a publisher made thousands). */
    private static final List<String> POINTING = List.of("sighting_of_ref", "where_sighted_refs", "object_refs", "observed_data_refs");

    /** An object named: its id, type and name (the id when it has none). */
    public record Named(String id, String type, String name) {
    }

    /** A relationship from or to the object: its type, the other end, what it says and who states it. */
    public record Link(String relationshipId, String relationshipType, Named other, String description, Integer confidence,
                       Named statedBy, String marking) {
    }

    /** Relationships of one direction: the first ones listed, and how many there are. */
    public record Links(int total, List<Link> listed) {
    }

    /** An object that refers to this one, and by which property. */
    public record Referrer(Named object, String property) {
    }

    /** The page's content. {@code attributedTo}: for what can be attributed, the attributed-to relationships. */
    public record Page(Named object, String marking, Named createdBy, JsonNode properties, Links outgoing, Links incoming,
                       int referrersTotal, List<Referrer> referencedBy, List<Link> attributedTo) {
    }

    private final StixStore store;

    public ObjectLinks(StixStore store) {
        this.store = store;
    }

    public Page of(String id) {
        StixObject object = store.current(id).orElseThrow(() -> new NotFoundException("no object " + id + " in the knowledge store"));
        Links outgoing = links(store.edgesFrom(id, null), true);
        Links incoming = links(store.edgesTo(id, null), false);
        List<String> referrerIds = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        for (String property : POINTING) {
            for (String referrer : store.referencing(id, property)) {
                referrerIds.add(referrer);
                properties.add(property);
            }
        }
        Map<String, StixObject> referrers = byId(referrerIds.subList(0, Math.min(LISTED, referrerIds.size())));
        List<Referrer> referencedBy = new ArrayList<>();
        for (int i = 0; i < Math.min(LISTED, referrerIds.size()); i++) {
            StixObject referrer = referrers.get(referrerIds.get(i));
            if (referrer != null) {
                referencedBy.add(new Referrer(named(referrer), properties.get(i)));
            }
        }
        List<Link> attributedTo = outgoing.listed().stream().filter(link -> "attributed-to".equals(link.relationshipType())).toList();
        return new Page(named(object), Tlp.highestOn(object.json()).label(), creator(object), object.json(), outgoing, incoming,
                referrerIds.size(), referencedBy, attributedTo);
    }

    private Links links(List<StixStore.Edge> edges, boolean outgoing) {
        List<StixStore.Edge> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparing(StixStore.Edge::type).thenComparing(edge -> outgoing ? edge.targetId() : edge.sourceId()));
        List<StixStore.Edge> shown = sorted.subList(0, Math.min(LISTED, sorted.size()));
        Map<String, StixObject> objects = store.currentOfEdges(shown, !outgoing, outgoing);
        Set<String> creators = new LinkedHashSet<>();
        shown.forEach(edge -> {
            StixObject relationship = objects.get(edge.relationshipId());
            if (relationship != null && relationship.text("created_by_ref") != null) {
                creators.add(relationship.text("created_by_ref"));
            }
        });
        Map<String, StixObject> stated = byId(creators);
        List<Link> listed = new ArrayList<>();
        for (StixStore.Edge edge : shown) {
            StixObject relationship = objects.get(edge.relationshipId());
            StixObject other = objects.get(outgoing ? edge.targetId() : edge.sourceId());
            if (relationship == null || other == null) {
                continue; // the reader may not see the relationship or its other end
            }
            JsonNode confidence = relationship.json().path("confidence");
            StixObject by = relationship.text("created_by_ref") == null ? null : stated.get(relationship.text("created_by_ref"));
            listed.add(new Link(relationship.id(), edge.type(), named(other), relationship.text("description"),
                    confidence.isInt() ? confidence.asInt() : null, by == null ? null : named(by), Tlp.highestOn(relationship.json()).label()));
        }
        return new Links(edges.size(), listed);
    }

    private Named creator(StixObject object) {
        String creator = object.text("created_by_ref");
        return creator == null ? null : store.current(creator).map(ObjectLinks::named).orElse(new Named(creator, "identity", creator));
    }

    private Map<String, StixObject> byId(java.util.Collection<String> ids) {
        Map<String, StixObject> found = new java.util.HashMap<>();
        store.currentObjects(ids).forEach(object -> found.put(object.id(), object));
        return found;
    }

    private static Named named(StixObject object) {
        String name = object.name();
        return new Named(object.id(), object.type(), name == null || name.isBlank() ? object.id() : name);
    }
}
