package org.sightline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sightline.store.testing.Objects.GREEN;
import static org.sightline.store.testing.Objects.MENUPASS;
import static org.sightline.store.testing.Objects.TECHNIQUE;
import static org.sightline.store.testing.Objects.intrusionSet;
import static org.sightline.store.testing.Objects.revoked;
import static org.sightline.store.testing.Objects.uses;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTypes;
import org.sightline.store.StixStore.ObjectQuery;
import org.sightline.store.search.SearchHit;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** The knowledge store's behaviour, the same on every backend (see H2StixStoreTest, PostgresStixStoreTest). */
abstract class StixStoreContract {
    private static final String V1 = "2018-01-01T00:00:00.000Z";
    private static final String V2 = "2019-01-01T00:00:00.000Z";
    private static final String V3 = "2020-01-01T00:00:00.000Z";

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
        if (test != null) { // null when the backend is not configured and the test was skipped
            test.close();
        }
    }

    private WriteSummary put(StixObject... objects) {
        return store.write(writer -> {
            for (StixObject object : objects) {
                writer.put(object);
            }
            writer.flush();
            return writer.summary();
        });
    }

    @Test
    void reimportingTheSameVersionChangesNothing() {
        StixObject menuPass = intrusionSet(MENUPASS, V1, "menuPass", "APT10");
        assertThat(put(menuPass).added()).isEqualTo(1);
        long sequence = store.lastSequence();
        WriteSummary again = put(menuPass);
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(store.lastSequence()).isEqualTo(sequence);
        assertThat(store.versions(MENUPASS)).hasSize(1);
    }

    @Test
    void aNewerVersionBecomesCurrentAndAnOlderOneIsKeptAsHistory() {
        put(intrusionSet(MENUPASS, V2, "menuPass", "APT10"));
        put(intrusionSet(MENUPASS, V3, "menuPass", "APT10", "Stone Panda"));
        WriteSummary older = put(intrusionSet(MENUPASS, V1, "menuPass"));
        assertThat(older.history()).isEqualTo(1);

        assertThat(store.current(MENUPASS).orElseThrow().modified()).isEqualTo(V3);
        assertThat(store.version(MENUPASS, V1).orElseThrow().strings("aliases")).isEmpty();
        assertThat(store.versions(MENUPASS)).extracting(StixStore.VersionInfo::modified).containsExactly(V1, V2, V3);
        assertThat(store.versions(MENUPASS)).extracting(StixStore.VersionInfo::current).containsExactly(false, false, true);
        assertThat(store.findByNameKey("stonepanda", StixTypes.ACTOR_TYPES)).hasSize(1);
    }

    @Test
    void versionsInOneBatchAreOrderedByTheirTimestampNotTheirPosition() {
        put(intrusionSet(MENUPASS, V3, "menuPass", "Stone Panda"), intrusionSet(MENUPASS, V1, "menuPass"));
        assertThat(store.current(MENUPASS).orElseThrow().modified()).isEqualTo(V3);
        assertThat(store.findByNameKey("stonepanda", StixTypes.ACTOR_TYPES)).hasSize(1);
    }

    @Test
    void storedJsonIsTheJsonThatWasGiven() {
        StixObject menuPass = intrusionSet(MENUPASS, V1, "menuPass", "APT10");
        put(menuPass);
        assertThat(store.current(MENUPASS).orElseThrow().toJson()).isEqualTo(menuPass.toJson());
    }

    @Test
    void aRevokedNewestVersionTakesTheObjectOutOfEveryIndex() {
        StixObject menuPass = intrusionSet(MENUPASS, V1, "menuPass", "APT10");
        put(menuPass, uses("relationship--0e55ee98-0c6d-43d4-b424-b18a0036b227", MENUPASS, TECHNIQUE));
        assertThat(store.findByNameKey("apt10", StixTypes.ACTOR_TYPES)).hasSize(1);

        put(revoked(menuPass, V2));
        assertThat(store.current(MENUPASS).orElseThrow().revoked()).isTrue();
        assertThat(store.findByNameKey("apt10", StixTypes.ACTOR_TYPES)).isEmpty();
        assertThat(store.findByExternalId("g0045")).isEmpty();
        assertThat(store.currentObjects(List.of(MENUPASS))).isEmpty();
        assertThat(store.activeIds(List.of(MENUPASS, TECHNIQUE))).isEmpty();
        assertThat(store.stats().revoked()).isEqualTo(1);
        assertThat(store.revokedSince(0)).containsExactly(MENUPASS);
    }

    @Test
    void aFailedWriteLeavesTheStoreUnchanged() {
        put(intrusionSet(MENUPASS, V1, "menuPass"));
        long sequence = store.lastSequence();
        assertThatThrownBy(() -> store.write(writer -> {
            writer.put(intrusionSet(MENUPASS, V2, "changed"));
            writer.put(uses("relationship--0e55ee98-0c6d-43d4-b424-b18a0036b227", MENUPASS, TECHNIQUE));
            writer.flush();
            throw new IllegalStateException("the bundle turned out to be invalid");
        })).hasMessageContaining("invalid");
        assertThat(store.current(MENUPASS).orElseThrow().name()).isEqualTo("menuPass");
        assertThat(store.edgesFrom(MENUPASS, "uses")).isEmpty();
        assertThat(store.lastSequence()).isEqualTo(sequence);
    }

    @Test
    void derivedIndexesAnswerByNormalisedNameEdgeExternalIdAndMarking() {
        put(intrusionSet(MENUPASS, V1, "menuPass", "APT 10", "Stone-Panda"),
                uses("relationship--0e55ee98-0c6d-43d4-b424-b18a0036b227", MENUPASS, TECHNIQUE));
        assertThat(store.findByNameKey("apt10", Set.of("intrusion-set"))).singleElement()
                .satisfies(m -> assertThat(m.name()).isEqualTo("APT 10"));
        assertThat(store.findByNameKey("stonepanda", Set.of("intrusion-set"))).hasSize(1);
        assertThat(store.findByNameKey("apt10", Set.of("campaign"))).isEmpty();
        assertThat(store.edgesFrom(MENUPASS, "uses")).extracting(StixStore.Edge::targetId).containsExactly(TECHNIQUE);
        assertThat(store.edgesTo(TECHNIQUE, null)).extracting(StixStore.Edge::sourceId).containsExactly(MENUPASS);
        assertThat(store.findByExternalId("g0045")).extracting(StixStore.ExternalId::objectId).containsExactly(MENUPASS);
        assertThat(store.markingsOf(MENUPASS)).containsExactly(GREEN);
        assertThat(store.activeIds(List.of(MENUPASS, TECHNIQUE))).containsExactly(MENUPASS);
    }

    @Test
    void embeddedReferencesAreFoundByTheirTargetAndFollowTheCurrentVersion() {
        String sighting = "sighting--5a0b9bd4-3a45-4f55-9d0b-0b4f2a8f3c11";
        String report = "report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3";
        put(intrusionSet(MENUPASS, V1, "menuPass"), report(report, V1, MENUPASS, TECHNIQUE), sighting(sighting, V1, MENUPASS));
        assertThat(store.referencing(MENUPASS, "object_refs")).containsExactly(report);
        assertThat(store.referencing(TECHNIQUE, "object_refs")).containsExactly(report);
        assertThat(store.referencing(MENUPASS, "sighting_of_ref")).containsExactly(sighting);
        assertThat(store.referencing(MENUPASS, "object_marking_refs")).isEmpty(); // markings have their own index

        put(report(report, V2, TECHNIQUE), revoked(sighting(sighting, V1, MENUPASS), V2));
        assertThat(store.referencing(MENUPASS, "object_refs")).isEmpty();
        assertThat(store.referencing(TECHNIQUE, "object_refs")).containsExactly(report);
        assertThat(store.referencing(MENUPASS, "sighting_of_ref")).isEmpty();

        store.rebuildDerivedIndexes();
        assertThat(store.referencing(TECHNIQUE, "object_refs")).containsExactly(report);
        assertThat(store.referencing(MENUPASS, "sighting_of_ref")).isEmpty();
    }

    private static StixObject report(String id, String modified, String... refs) {
        return StixObject.parse("{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"" + id
                + "\",\"created\":\"2017-04-01T00:00:00.000Z\",\"modified\":\"" + modified + "\",\"name\":\"Operation Cloud Hopper\","
                + "\"published\":\"2017-04-03T00:00:00Z\",\"object_refs\":[\"" + String.join("\",\"", refs) + "\"]}");
    }

    private static StixObject sighting(String id, String modified, String of) {
        return StixObject.parse("{\"type\":\"sighting\",\"spec_version\":\"2.1\",\"id\":\"" + id
                + "\",\"created\":\"2018-01-01T00:00:00.000Z\",\"modified\":\"" + modified + "\",\"sighting_of_ref\":\"" + of + "\"}");
    }

    @Test
    void apiTokensAreFoundByTheirSecretOnlyUntilRevoked() {
        var tokens = test.knowledge().tokens();
        var issued = tokens.create("analyst", org.sightline.store.tokens.Role.ANALYST, "TLP:AMBER");
        assertThat(tokens.authenticate(issued.secret())).hasValueSatisfying(token -> {
            assertThat(token.role()).isEqualTo(org.sightline.store.tokens.Role.ANALYST);
            assertThat(token.clearance()).isEqualTo("amber");
        });
        assertThat(tokens.authenticate(issued.secret() + "x")).isEmpty();
        assertThat(tokens.revoke(issued.token().id())).isTrue();
        assertThat(tokens.authenticate(issued.secret())).isEmpty();
        assertThat(tokens.list()).singleElement().satisfies(token -> assertThat(token.revokedAt()).isNotNull());
        assertThatThrownBy(() -> tokens.create("x", org.sightline.store.tokens.Role.READER, "purple"))
                .hasMessageContaining("TLP 2.0");
    }

    @Test
    void rebuildingTheDerivedIndexesGivesTheSameAnswers() {
        put(intrusionSet(MENUPASS, V1, "menuPass", "APT10"), intrusionSet(MENUPASS, V2, "menuPass", "APT10", "Cicada"),
                uses("relationship--0e55ee98-0c6d-43d4-b424-b18a0036b227", MENUPASS, TECHNIQUE));
        var statsBefore = store.stats();
        store.rebuildDerivedIndexes();
        assertThat(store.stats()).isEqualTo(statsBefore);
        assertThat(store.current(MENUPASS).orElseThrow().modified()).isEqualTo(V2);
        assertThat(store.findByNameKey("cicada", StixTypes.ACTOR_TYPES)).hasSize(1);
        assertThat(store.edgesFrom(MENUPASS, "uses")).hasSize(1);
    }

    @Test
    void currentObjectsStreamByTypeAndId() {
        put(intrusionSet(MENUPASS, V1, "menuPass"), uses("relationship--0e55ee98-0c6d-43d4-b424-b18a0036b227", MENUPASS, TECHNIQUE));
        List<String> ids = new ArrayList<>();
        store.forEachCurrent(new ObjectQuery(Set.of("relationship"), Set.of(), false), o -> ids.add(o.id()));
        assertThat(ids).containsExactly("relationship--0e55ee98-0c6d-43d4-b424-b18a0036b227");
        ids.clear();
        store.forEachCurrent(new ObjectQuery(Set.of(), Set.of(MENUPASS), false), o -> ids.add(o.id()));
        assertThat(ids).containsExactly(MENUPASS);
        assertThat(store.countsByType()).containsEntry("intrusion-set", 1L).containsEntry("relationship", 1L);
        assertThat(store.stats().relationships()).isEqualTo(1);
    }

    @Test
    void theFullTextIndexCatchesUpWithTheStore() {
        put(intrusionSet(MENUPASS, V1, "menuPass", "Stone Panda"));
        List<SearchHit> hits = test.knowledge().search("stone panda", Set.of(), 10);
        assertThat(hits).extracting(SearchHit::id).containsExactly(MENUPASS);
        assertThat(test.knowledge().search("managed service providers", Set.of("intrusion-set"), 10)).hasSize(1);
        assertThat(test.knowledge().search("menupass", Set.of("campaign"), 10)).isEmpty();

        put(revoked(intrusionSet(MENUPASS, V1, "menuPass", "Stone Panda"), V2));
        assertThat(test.knowledge().search("stone panda", Set.of(), 10)).isEmpty();
        assertThat(test.knowledge().index().indexedSequence()).isEqualTo(store.lastSequence());
    }

    @Test
    void searchTextIsNeverLuceneSyntax() {
        put(intrusionSet(MENUPASS, V1, "menuPass", "Stone Panda"));
        assertThat(test.knowledge().search("stone AND (panda OR", Set.of(), 10)).isEmpty();
        assertThat(test.knowledge().search("(stone) [panda]", Set.of(), 10)).hasSize(1);
        assertThat(test.knowledge().search("panda*", Set.of(), 10)).hasSize(1);
    }
}
