package org.sightline.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sightline.stix.StixObject;

/**
 * The knowledge store: every version of every STIX object, the current version of each id, and
 * derived indexes (names, relationship edges, markings, external ids) rebuilt from the objects.
 *
 * <p>The current version of an id is its newest version; when that version is revoked the id is
 * revoked and drops out of every derived index, while all versions stay readable.
 */
public interface StixStore extends AutoCloseable {

    /** Runs the work in one transaction: everything it wrote is kept, or nothing if it throws. */
    <T> T write(Function<StoreWriter, T> work);

    /** The newest version of the id, revoked or not. */
    Optional<StixObject> current(String id);

    /** The version whose modified (or created) timestamp is exactly the one given. */
    Optional<StixObject> version(String id, String timestamp);

    /** Every version of the id, oldest first. */
    List<VersionInfo> versions(String id);

    /** The current versions of the given ids that exist and are not revoked, in no particular order. */
    List<StixObject> currentObjects(Collection<String> ids);

    /**
     * The current versions, by id, of the relationships behind the edges and of the ends asked for:
     * one query for a whole edge list rather than one per edge.
     */
    default Map<String, StixObject> currentOfEdges(List<Edge> edges, boolean sources, boolean targets) {
        Set<String> ids = new java.util.HashSet<>();
        for (Edge edge : edges) {
            ids.add(edge.relationshipId());
            if (sources) {
                ids.add(edge.sourceId());
            }
            if (targets) {
                ids.add(edge.targetId());
            }
        }
        Map<String, StixObject> objects = new java.util.HashMap<>();
        currentObjects(ids).forEach(object -> objects.put(object.id(), object));
        return objects;
    }

    /** Those of the ids whose current version is neither revoked nor deprecated (ATT&CK's x_mitre_deprecated). */
    Set<String> activeIds(Collection<String> ids);

    /** Streams current objects matching the query, ordered by id. */
    void forEachCurrent(ObjectQuery query, Consumer<StixObject> consumer);

    StoreStats stats();

    /** Totals as a reader cleared to the level sees them (what {@link #countsByType(org.sightline.stix.markings.Tlp)} counts). */
    StoreStats stats(org.sightline.stix.markings.Tlp clearance);

    /** Current, non-revoked objects of the given types with a name or alias whose key equals this one. */
    List<NameMatch> findByNameKey(String nameKey, Set<String> types);

    /** Every name and alias of current, non-revoked objects of the given types. */
    List<NameMatch> allNames(Set<String> types);

    /** Outgoing relationship edges of the given type (any type when null). */
    List<Edge> edgesFrom(String sourceId, String relationshipType);

    /** Every current edge of one relationship type (for small link sets such as same-actor assertions). */
    List<Edge> edgesOfType(String relationshipType);

    /** Incoming relationship edges of the given type (any type when null). */
    List<Edge> edgesTo(String targetId, String relationshipType);

    /**
     * Ids of current, non-revoked objects whose embedded reference property (sighting_of_ref,
     * object_refs, created_by_ref …) names the target.
     */
    List<String> referencing(String targetId, String property);

    /** Ids of current objects carrying the external id (case-insensitive), with their source names. */
    List<ExternalId> findByExternalId(String externalId);

    /** Marking-definition ids on the current version of an object. */
    List<String> markingsOf(String objectId);

    /** The highest version sequence number written so far; grows with every write. */
    long lastSequence();

    /** Current, non-revoked versions written after the sequence number, oldest first, except the types named. */
    void forEachCurrentSince(long sequence, Set<String> excludedTypes, Consumer<SequencedObject> consumer);

    /** Ids whose current version, written after the sequence number, is revoked. */
    List<String> revokedSince(long sequence);

    /**
     * Stored versions in the order they were added, as a feed pages through them: TAXII's objects,
     * manifest and versions endpoints. Versions written later always come after, so paging on with
     * {@link org.sightline.store.feed.VersionFilter#after} neither skips nor repeats any.
     */
    List<org.sightline.store.feed.FeedEntry> feed(org.sightline.store.feed.VersionFilter filter);

    /** The TLP level of the current version of each of the ids that exist. */
    Map<String, org.sightline.stix.markings.Tlp> currentLevels(Collection<String> ids);

    /**
     * Deletes versions of the object: those whose modified (or created) timestamp is one of
     * {@code versions}, or every version when it is empty. The newest remaining version becomes the
     * current one. False when none of those versions was stored.
     */
    boolean delete(String id, Set<String> versions);

    /** Deletes every version of the object and its derived rows; false when the store has none. */
    default boolean delete(String id) {
        return delete(id, Set.of());
    }

    /** Where a pull from the named remote feed got to, if it ran before. */
    Optional<String> cursor(String feed);

    /** Rebuilds every derived index from the current objects. */
    void rebuildDerivedIndexes();

    /** Object counts by type, for current non-revoked objects. */
    Map<String, Long> countsByType();

    /**
     * Object counts by type of what a reader cleared to the level sees: objects marked at most that,
     * and relationships only when both ends are visible too.
     */
    Map<String, Long> countsByType(org.sightline.stix.markings.Tlp clearance);

    @Override
    void close();

    /** A version of an object with the order in which it was written. */
    record SequencedObject(long sequence, StixObject object) {
    }

    /** A name or alias and the object that carries it. */
    record NameMatch(String objectId, String objectType, String name, boolean primary, boolean deprecated) {
    }

    /** One relationship: {@code source --type--> target}. */
    record Edge(String relationshipId, String sourceId, String type, String targetId) {
    }

    /** An external id (ATT&CK {@code G0045}) and the object it names. */
    record ExternalId(String objectId, String sourceName, String externalId) {
    }

    /** One stored version of an object; {@code addedAt} is when this store received it (STIX timestamp). */
    record VersionInfo(String id, String modified, boolean revoked, boolean current, String addedAt) {
    }

    /** Totals for {@code sightline stats}. */
    record StoreStats(Map<String, Long> objectsByType, long objects, long versions, long relationships,
                      long revoked) {
    }

    /** Which current objects to stream: any of the types (all when empty) and any of the ids (all when empty). */
    record ObjectQuery(Set<String> types, Set<String> ids, boolean includeRevoked) {
        public static ObjectQuery all() {
            return new ObjectQuery(Set.of(), Set.of(), false);
        }
    }
}
