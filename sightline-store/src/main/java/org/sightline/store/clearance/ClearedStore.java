package org.sightline.store.clearance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sightline.stix.StixObject;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;
import org.sightline.store.StoreWriter;
import org.sightline.store.feed.FeedEntry;
import org.sightline.store.feed.VersionFilter;

/**
 * The store as a reader cleared to one TLP level sees it: objects marked above the clearance, and
 * relationships and sightings that join one, are absent from every answer, as if never stored. Every
 * service that reads through a {@link StixStore} (actor cards, dossiers, timelines, claims, exposure)
 * therefore respects the clearance without knowing about it. Writes go through unchanged.
 */
public final class ClearedStore implements StixStore {
    private static final int CHUNK = 500;

    private final StixStore store;
    private final Visibility visibility;

    private ClearedStore(StixStore store, Tlp clearance) {
        this.store = store;
        this.visibility = new Visibility(store, clearance);
    }

    /** The store as seen with this clearance; the store itself for RED, which sees everything. */
    public static StixStore of(StixStore store, Tlp clearance) {
        return clearance == Tlp.RED ? store : new ClearedStore(store, clearance);
    }

    public Tlp clearance() {
        return visibility.clearance();
    }

    /** True when the id is stored but its current version is not for this reader. */
    public boolean hides(String id) {
        return store.current(id).isPresent() && current(id).isEmpty();
    }

    /** The current version as stored, unredacted, when this reader may see it: the base of the reader's edit. */
    public Optional<StixObject> currentAsStored(String id) {
        return current(id).isPresent() ? store.current(id) : Optional.empty();
    }

    @Override
    public <T> T write(Function<StoreWriter, T> work) {
        return store.write(work);
    }

    @Override
    public Optional<StixObject> current(String id) {
        return store.current(id).flatMap(visibility::shown);
    }

    @Override
    public Optional<StixObject> version(String id, String timestamp) {
        return current(id).isPresent() ? store.version(id, timestamp).flatMap(visibility::shown) : Optional.empty();
    }

    @Override
    public List<VersionInfo> versions(String id) {
        if (current(id).isEmpty()) {
            return List.of();
        }
        // Each version by its own marking: an older version marked above the clearance is not listed.
        return store.versions(id).stream()
                .filter(version -> store.version(id, version.modified()).flatMap(visibility::shown).isPresent())
                .toList();
    }

    @Override
    public List<StixObject> currentObjects(Collection<String> ids) {
        return visibility.visibleObjects(store.currentObjects(ids));
    }

    @Override
    public Set<String> activeIds(Collection<String> ids) {
        Set<String> active = new HashSet<>(store.activeIds(ids));
        active.removeAll(visibility.hiddenAmong(active));
        return active;
    }

    @Override
    public void forEachCurrent(ObjectQuery query, Consumer<StixObject> consumer) {
        List<StixObject> chunk = new ArrayList<>(CHUNK);
        store.forEachCurrent(query, object -> {
            chunk.add(object);
            if (chunk.size() >= CHUNK) {
                visibility.visibleObjects(chunk).forEach(consumer);
                chunk.clear();
            }
        });
        visibility.visibleObjects(chunk).forEach(consumer);
    }

    @Override
    public StoreStats stats() {
        return store.stats(visibility.clearance());
    }

    @Override
    public StoreStats stats(Tlp clearance) {
        return store.stats(clearance.narrowedTo(visibility.clearance()));
    }

    /** Counted in SQL; a sighting of a hidden object is counted by its own marking alone. */
    @Override
    public Map<String, Long> countsByType() {
        return store.countsByType(visibility.clearance());
    }

    @Override
    public Map<String, Long> countsByType(Tlp clearance) {
        return store.countsByType(clearance.narrowedTo(visibility.clearance()));
    }

    @Override
    public List<NameMatch> findByNameKey(String nameKey, Set<String> types) {
        return visibleNames(store.findByNameKey(nameKey, types));
    }

    @Override
    public List<NameMatch> allNames(Set<String> types) {
        return visibleNames(store.allNames(types));
    }

    private List<NameMatch> visibleNames(List<NameMatch> names) {
        Set<String> hidden = visibility.hiddenAmong(names.stream().map(NameMatch::objectId).toList());
        return names.stream().filter(name -> !hidden.contains(name.objectId())).toList();
    }

    @Override
    public List<Edge> edgesFrom(String sourceId, String relationshipType) {
        return visibleEdges(store.edgesFrom(sourceId, relationshipType));
    }

    @Override
    public List<Edge> edgesOfType(String relationshipType) {
        return visibleEdges(store.edgesOfType(relationshipType));
    }

    @Override
    public List<Edge> edgesTo(String targetId, String relationshipType) {
        return visibleEdges(store.edgesTo(targetId, relationshipType));
    }

    /** An edge is visible when its relationship and both ends are. */
    private List<Edge> visibleEdges(List<Edge> edges) {
        Set<String> ids = new HashSet<>();
        edges.forEach(edge -> {
            ids.add(edge.relationshipId());
            ids.add(edge.sourceId());
            ids.add(edge.targetId());
        });
        Set<String> hidden = visibility.hiddenAmong(ids);
        return edges.stream().filter(edge -> !hidden.contains(edge.relationshipId()) && !hidden.contains(edge.sourceId())
                && !hidden.contains(edge.targetId())).toList();
    }

    @Override
    public List<String> referencing(String targetId, String property) {
        return visibility.visibleIds(store.referencing(targetId, property));
    }

    @Override
    public List<ExternalId> findByExternalId(String externalId) {
        List<ExternalId> found = store.findByExternalId(externalId);
        Set<String> hidden = visibility.hiddenAmong(found.stream().map(ExternalId::objectId).toList());
        return found.stream().filter(id -> !hidden.contains(id.objectId())).toList();
    }

    @Override
    public List<String> markingsOf(String objectId) {
        return current(objectId).isPresent() ? store.markingsOf(objectId) : List.of();
    }

    @Override
    public long lastSequence() {
        return store.lastSequence();
    }

    @Override
    public void forEachCurrentSince(long sequence, Set<String> excludedTypes, Consumer<SequencedObject> consumer) {
        store.forEachCurrentSince(sequence, excludedTypes, sequenced -> visibility.shown(sequenced.object())
                .ifPresent(shown -> consumer.accept(new SequencedObject(sequenced.sequence(), shown))));
    }

    @Override
    public List<String> revokedSince(long sequence) {
        return store.revokedSince(sequence);
    }

    @Override
    public List<FeedEntry> feed(VersionFilter filter) {
        Tlp clearance = filter.clearance().narrowedTo(visibility.clearance());
        VersionFilter cleared = new VersionFilter(filter.afterSequence(), filter.addedAfter(), filter.ids(), filter.types(),
                filter.versions(), filter.specVersions(), filter.createdBy(), clearance, filter.limit());
        return visibility.visibleEntries(store.feed(cleared));
    }

    @Override
    public Map<String, Tlp> currentLevels(Collection<String> ids) {
        return store.currentLevels(ids);
    }

    @Override
    public boolean delete(String id, Set<String> versions) {
        return current(id).isPresent() && store.delete(id, versions);
    }

    @Override
    public Optional<String> cursor(String feed) {
        return store.cursor(feed);
    }

    @Override
    public void rebuildDerivedIndexes() {
        store.rebuildDerivedIndexes();
    }

    /** The underlying store stays open: it belongs to whoever opened it, not to this view. */
    @Override
    public void close() {
    }
}
