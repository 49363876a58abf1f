package org.sightline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.error.ConflictException;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.collections.CollectionFilter;
import org.sightline.store.collections.SubmissionStatus;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.feed.FeedEntry;
import org.sightline.store.feed.VersionFilter;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;
import org.sightline.store.tokens.Role;

/** What sharing needs from the store (feeds, TLP levels, collections, cursors), the same on every backend. */
abstract class SharingStoreContract {
    private TestStore test;
    private StixStore store;

    abstract Backend backend();

    @BeforeEach
    void openStore() {
        test = backend().open();
        store = test.store();
    }

    @AfterEach
    void closeStore() {
        if (test != null) {
            test.close();
        }
    }

    static StixObject indicator(int n, String modified, Tlp marking) {
        String id = "indicator--" + String.format("%08d-0000-4000-8000-000000000000", n);
        return StixObject.parse("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2020-01-01T00:00:00.000Z\","
                + "\"modified\":\"" + modified + "\",\"pattern\":\"[ipv4-addr:value = '10.0.0." + (n % 250) + "']\","
                + "\"pattern_type\":\"stix\",\"valid_from\":\"2020-01-01T00:00:00Z\""
                + (marking == null ? "" : ",\"object_marking_refs\":[\"" + marking.markingId() + "\"]") + "}");
    }

    private void put(List<StixObject> objects) {
        store.write(writer -> {
            objects.forEach(writer::put);
            writer.flush();
            return null;
        });
    }

    private static List<String> ids(List<FeedEntry> entries) {
        return entries.stream().map(FeedEntry::id).toList();
    }

    @Test
    void everyVersionGetsItsOwnDateAddedInTheOrderItWasWritten() {
        put(List.of(indicator(1, "2020-01-01T00:00:00.000Z", null), indicator(2, "2020-01-01T00:00:00.000Z", null)));
        put(List.of(indicator(3, "2020-01-01T00:00:00.000Z", null)));
        List<FeedEntry> feed = store.feed(VersionFilter.everything(10));
        assertThat(ids(feed)).hasSize(3);
        for (int i = 1; i < feed.size(); i++) {
            assertThat(StixTimestamp.parse(feed.get(i).addedAt())).isAfter(StixTimestamp.parse(feed.get(i - 1).addedAt()));
            assertThat(feed.get(i).sequence()).isGreaterThan(feed.get(i - 1).sequence());
        }
        assertThat(feed.get(0).addedAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    }

    @Test
    void versionFiltersPickLastFirstAllOrAGivenTimestamp() {
        put(List.of(indicator(1, "2020-01-01T00:00:00.000Z", null), indicator(1, "2021-01-01T00:00:00.000Z", null),
                indicator(1, "2022-01-01T00:00:00.000Z", null), indicator(2, "2020-01-01T00:00:00.000Z", null)));
        assertThat(versions(Set.of("last"))).containsExactlyInAnyOrder("2022-01-01T00:00:00.000Z", "2020-01-01T00:00:00.000Z");
        assertThat(versions(Set.of("first"))).containsExactlyInAnyOrder("2020-01-01T00:00:00.000Z", "2020-01-01T00:00:00.000Z");
        assertThat(versions(Set.of("all"))).hasSize(4);
        assertThat(versions(Set.of("2021-01-01T00:00:00Z"))).containsExactly("2021-01-01T00:00:00.000Z");
        assertThat(versions(Set.of("first", "last"))).hasSize(3);
    }

    private List<String> versions(Set<String> versions) {
        return store.feed(new VersionFilter(0, null, Set.of(), Set.of(), versions, Set.of(), Set.of(), Tlp.RED, 100))
                .stream().map(FeedEntry::version).toList();
    }

    @Test
    void aReaderSeesOnlyVersionsUpToItsClearance() {
        put(List.of(indicator(1, "2020-01-01T00:00:00.000Z", Tlp.CLEAR), indicator(2, "2020-01-01T00:00:00.000Z", Tlp.GREEN),
                indicator(3, "2020-01-01T00:00:00.000Z", Tlp.AMBER_STRICT), indicator(4, "2020-01-01T00:00:00.000Z", Tlp.RED),
                indicator(5, "2020-01-01T00:00:00.000Z", null)));
        assertThat(ids(store.feed(filter(Tlp.GREEN, 0, 100)))).hasSize(3);
        assertThat(ids(store.feed(filter(Tlp.AMBER, 0, 100)))).hasSize(3);
        assertThat(ids(store.feed(filter(Tlp.AMBER_STRICT, 0, 100)))).hasSize(4);
        assertThat(store.currentLevels(List.of(indicator(4, "x", null).id(), indicator(5, "x", null).id())).values())
                .containsExactlyInAnyOrder(Tlp.RED, Tlp.CLEAR);
    }

    private static VersionFilter filter(Tlp clearance, long after, int limit) {
        return new VersionFilter(after, null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), clearance, limit);
    }

    @Test
    void addedAfterAndTypeAndIdFiltersNarrowTheFeed() {
        put(List.of(indicator(1, "2020-01-01T00:00:00.000Z", null)));
        String firstAdded = store.feed(VersionFilter.everything(1)).get(0).addedAt();
        put(List.of(indicator(2, "2020-01-01T00:00:00.000Z", null)));
        assertThat(ids(store.feed(new VersionFilter(0, StixTimestamp.parse(firstAdded), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), Tlp.RED, 10)))).containsExactly(indicator(2, "x", null).id());
        assertThat(store.feed(new VersionFilter(0, null, Set.of(), Set.of("malware"), Set.of(), Set.of(), Set.of(), Tlp.RED, 10)))
                .isEmpty();
        assertThat(ids(store.feed(new VersionFilter(0, null, Set.of(indicator(1, "x", null).id()), Set.of("indicator"),
                Set.of(), Set.of("2.1"), Set.of(), Tlp.RED, 10)))).containsExactly(indicator(1, "x", null).id());
    }

    @Test
    void pagingWhileAnotherWriterAddsNeitherSkipsNorRepeats() throws Exception {
        List<StixObject> first = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            first.add(indicator(i, "2020-01-01T00:00:00.000Z", null));
        }
        put(first);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writes = writer.submit(() -> {
            for (int batch = 0; batch < 10; batch++) {
                List<StixObject> more = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    int n = 1000 + batch * 50 + i;
                    more.add(indicator(n, "2020-01-01T00:00:00.000Z", null));
                    more.add(indicator(i, "2021-01-0" + (1 + batch % 9) + "T00:00:0" + batch % 10 + ".000Z", null));
                }
                put(more);
            }
        });
        Set<String> seen = new HashSet<>();
        long after = 0;
        int pages = 0;
        while (true) {
            boolean writerDone = writes.isDone(); // asked before the page: an empty page after that is the end
            List<FeedEntry> page = store.feed(filter(Tlp.RED, after, 37).withLimit(37));
            for (FeedEntry entry : page) {
                assertThat(seen.add(entry.id() + "@" + entry.version())).as("repeated %s", entry.id()).isTrue();
            }
            pages++;
            if (page.isEmpty()) {
                if (writerDone) {
                    break;
                }
                Thread.sleep(5);
                continue;
            }
            after = page.get(page.size() - 1).sequence();
        }
        writes.get();
        writer.shutdown();
        // every version that is or was current while paging was seen: the 500 first, 500 new ids,
        // and the new versions of the first 50 (the last one of each at least)
        Set<String> idsSeen = new HashSet<>();
        seen.forEach(key -> idsSeen.add(key.substring(0, key.indexOf('@'))));
        assertThat(idsSeen).hasSize(1000);
        assertThat(pages).isGreaterThan(20);
        for (FeedEntry current : store.feed(VersionFilter.everything(2000))) {
            assertThat(seen).contains(current.id() + "@" + current.version());
        }
    }

    @Test
    void aClearedViewHidesMarkedObjectsAndEveryEdgeToThem() {
        String menuPass = org.sightline.store.testing.Objects.MENUPASS; // marked GREEN
        String malware = "malware--6b3c8bd4-8f5a-4e4c-9f3e-000000000001";
        String uses = "relationship--6b3c8bd4-8f5a-4e4c-9f3e-000000000002";
        String report = "report--6b3c8bd4-8f5a-4e4c-9f3e-000000000003";
        put(List.of(org.sightline.store.testing.Objects.intrusionSet(menuPass, "2020-01-01T00:00:00.000Z", "menuPass", "APT10"),
                StixObject.parse("{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + malware + "\",\"created\":\"2020-01-01T00:00:00.000Z\","
                        + "\"modified\":\"2020-01-01T00:00:00.000Z\",\"name\":\"Quiet Loader\",\"is_family\":true,"
                        + "\"object_marking_refs\":[\"" + Tlp.RED.markingId() + "\"]}"),
                org.sightline.store.testing.Objects.uses(uses, menuPass, malware),
                StixObject.parse("{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"" + report + "\",\"created\":\"2020-01-01T00:00:00.000Z\","
                        + "\"modified\":\"2020-01-01T00:00:00.000Z\",\"name\":\"r\",\"published\":\"2020-01-01T00:00:00Z\","
                        + "\"object_refs\":[\"" + menuPass + "\"],\"object_marking_refs\":[\"" + Tlp.AMBER.markingId() + "\"]}")));
        StixStore green = org.sightline.store.clearance.ClearedStore.of(store, Tlp.GREEN);
        assertThat(green.current(menuPass)).isPresent();
        assertThat(green.current(malware)).isEmpty();
        assertThat(green.current(uses)).as("a relationship to a hidden object").isEmpty();
        assertThat(green.versions(malware)).isEmpty();
        assertThat(green.edgesFrom(menuPass, null)).isEmpty();
        assertThat(store.edgesFrom(menuPass, null)).hasSize(1);
        assertThat(green.findByNameKey("quietloader", Set.of("malware"))).isEmpty();
        assertThat(green.findByNameKey("apt10", Set.of("intrusion-set"))).hasSize(1);
        assertThat(green.referencing(menuPass, "object_refs")).isEmpty();
        assertThat(green.currentObjects(List.of(menuPass, malware, uses, report))).extracting(StixObject::id).containsExactly(menuPass);
        List<String> streamed = new ArrayList<>();
        green.forEachCurrent(StixStore.ObjectQuery.all(), object -> streamed.add(object.id()));
        assertThat(streamed).containsExactly(menuPass);
        assertThat(green.countsByType()).containsOnlyKeys("intrusion-set");
        assertThat(ids(green.feed(VersionFilter.everything(100)))).containsExactly(menuPass);
        StixStore amber = org.sightline.store.clearance.ClearedStore.of(store, Tlp.AMBER);
        assertThat(amber.referencing(menuPass, "object_refs")).containsExactly(report);
        assertThat(amber.current(uses)).isEmpty();
        assertThat(org.sightline.store.clearance.ClearedStore.of(store, Tlp.RED)).isSameAs(store);
    }

    @Test
    void aDeletedObjectLeavesNoVersionBehind() {
        put(List.of(indicator(1, "2020-01-01T00:00:00.000Z", null), indicator(1, "2021-01-01T00:00:00.000Z", null)));
        String id = indicator(1, "x", null).id();
        assertThat(store.delete(id)).isTrue();
        assertThat(store.current(id)).isEmpty();
        assertThat(store.versions(id)).isEmpty();
        assertThat(store.delete(id)).isFalse();
    }

    @Test
    void deletingOneVersionLeavesTheOthersAndTheNewestStaysCurrent() {
        put(List.of(indicator(1, "2020-01-01T00:00:00.000Z", null), indicator(1, "2021-01-01T00:00:00.000Z", null),
                indicator(1, "2022-01-01T00:00:00.000Z", null)));
        String id = indicator(1, "x", null).id();
        assertThat(store.delete(id, Set.of("2022-01-01T00:00:00Z"))).isTrue();
        assertThat(store.current(id).orElseThrow().modified()).isEqualTo("2021-01-01T00:00:00.000Z");
        assertThat(store.versions(id)).hasSize(2);
        assertThat(store.delete(id, Set.of("2019-01-01T00:00:00.000Z"))).isFalse();
        assertThat(store.delete(id, Set.of("2020-01-01T00:00:00.000Z", "2021-01-01T00:00:00.000Z"))).isTrue();
        assertThat(store.current(id)).isEmpty();
    }

    @Test
    void aFeedCursorIsCommittedWithTheObjectsOrNotAtAll() {
        assertThat(store.cursor("taxii:https://x/c1")).isEmpty();
        store.write(writer -> {
            writer.put(indicator(1, "2020-01-01T00:00:00.000Z", null));
            writer.moveCursor("taxii:https://x/c1", "2026-01-01T00:00:00.000001Z");
            return null;
        });
        assertThatThrownBy(() -> store.write(writer -> {
            writer.put(indicator(2, "2020-01-01T00:00:00.000Z", null));
            writer.moveCursor("taxii:https://x/c1", "2026-02-01T00:00:00.000001Z");
            throw new IllegalStateException("interrupted");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.cursor("taxii:https://x/c1")).contains("2026-01-01T00:00:00.000001Z");
        assertThat(store.current(indicator(2, "x", null).id())).isEmpty();
    }

    @Test
    void collectionsKeepTheirFilterAndRolesAndStatusesTheirOutcomes() {
        var collections = test.knowledge().collections();
        TaxiiCollection created = collections.create("Indicators", "shared with partners",
                CollectionFilter.parse(List.of("type=indicator,malware;tlp=amber")), Role.READER, Role.ANALYST);
        TaxiiCollection found = collections.find(created.id()).orElseThrow();
        assertThat(found.filter().types()).containsExactlyInAnyOrder("indicator", "malware");
        assertThat(found.filter().maxTlp()).isEqualTo(Tlp.AMBER);
        assertThat(found.writeRole()).isEqualTo(Role.ANALYST);
        assertThat(collections.find("Indicators")).contains(found);
        assertThatThrownBy(() -> collections.create("Indicators", null, CollectionFilter.everything(), Role.READER, null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> CollectionFilter.parse(List.of("colour=red"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("colour");

        var status = new SubmissionStatus("status-1", created.id(), "token-1", "pending", StixTimestamp.format(Instant.now()),
                List.of(), List.of(), List.of(new SubmissionStatus.Outcome("indicator--x", "2020-01-01T00:00:00.000Z", null)));
        collections.saveStatus(status);
        var done = new SubmissionStatus("status-1", created.id(), "token-1", "complete", status.requestTimestamp(),
                List.of(new SubmissionStatus.Outcome("indicator--x", "2020-01-01T00:00:00.000Z", null)),
                List.of(new SubmissionStatus.Outcome("indicator--y", null, "invalid")), List.of());
        collections.saveStatus(done);
        assertThat(collections.status("status-1")).contains(done);
        assertThat(collections.remove(created.id())).isTrue();
        assertThat(collections.list()).isEmpty();
    }
}
