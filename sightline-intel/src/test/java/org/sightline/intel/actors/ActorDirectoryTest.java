package org.sightline.intel.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.demo.DemoData;
import org.sightline.stix.json.StixReader;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** Looking up "Stone Panda" in ATT&CK Enterprise and landing on menuPass (G0045). */
class ActorDirectoryTest {
    private static final String MENUPASS = "intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f";
    private static TestStore test;
    private static ActorDirectory directory;

    @BeforeAll
    static void loadAttack() {
        test = Backend.H2.open();
        new BundleImporter(test.knowledge().intake())
                .importPaths(List.of(SharedData.enterpriseAttack()), ImportOptions.strict(), ImportProgress.NONE);
        directory = new ActorDirectory(test.store());
    }

    @AfterAll
    static void close() {
        if (test != null) {
            test.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Stone Panda", "stone panda", "STONE-PANDA", "APT10", "APT 10", "apt-10", "menuPass",
            "Menu Pass", "POTASSIUM", "bronze riverside", "G0045", "g0045"})
    void everyNameOfApt10ResolvesToMenuPass(String name) {
        ActorResolution resolution = directory.resolve(name);
        assertThat(resolution.found()).isTrue();
        assertThat(resolution.match().id()).isEqualTo(MENUPASS);
        assertThat(resolution.match().externalId()).isEqualTo("G0045");
    }

    @Test
    void theCardCountsWhatAttackSaysMenuPassUses() {
        ActorCard card = directory.resolve("Stone Panda").match();
        assertThat(card.name()).isEqualTo("menuPass");
        assertThat(card.aliases()).extracting(ActorCard.Alias::name).contains("Stone Panda", "APT10", "POTASSIUM",
                "Red Apollo", "CVNX", "HOGFISH", "BRONZE RIVERSIDE", "Cicada");
        assertThat(card.aliases()).allSatisfy(alias -> assertThat(alias.sources()).contains("MITRE ATT&CK"));
        assertThat(card.summary()).startsWith("menuPass is a threat group").doesNotContain("Citation");
        Counts expected = countUsesIn(SharedData.enterpriseAttack(), MENUPASS);
        assertThat(card.techniques()).isEqualTo(expected.techniques()).isGreaterThan(30);
        assertThat(card.software()).isEqualTo(expected.software()).isGreaterThan(10);
    }

    @Test
    void aClearTypoResolvesAndShowsTheScoredCandidate() {
        ActorResolution resolution = directory.resolve("Stone Pnada");
        assertThat(resolution.found()).isTrue();
        assertThat(resolution.match().id()).isEqualTo(MENUPASS);
        assertThat(resolution.candidates().get(0).matchedName()).isEqualTo("Stone Panda");
        assertThat(resolution.candidates().get(0).score()).isLessThan(1.0);
    }

    @Test
    void anUnknownNameFindsNoMatchButOffersRankedCandidates() {
        ActorResolution resolution = directory.resolve("Stone Pandemonium");
        assertThat(resolution.found()).isFalse();
        assertThat(resolution.candidates()).isNotEmpty();
        assertThat(resolution.candidates().get(0).id()).isEqualTo(MENUPASS);
        assertThat(resolution.candidates()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void aNameWithNothingToLookUpIsBadInput() {
        assertThatThrownBy(() -> directory.resolve(" -- ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void whenTwoObjectsCarryAnAliasBothAreCandidatesAndTheChoiceIsStable() {
        try (TestStore both = Backend.H2.open()) {
            BundleImporter importer = new BundleImporter(both.knowledge().intake());
            importer.importPaths(List.of(SharedData.menuPassSubset()), ImportOptions.strict(), ImportProgress.NONE);
            DemoData.load(importer);
            ActorDirectory withDemo = new ActorDirectory(both.store());

            ActorResolution stonePanda = withDemo.resolve("Stone Panda");
            assertThat(stonePanda.candidates()).extracting(Candidate::name).contains("menuPass", "APT10");
            // Unlinked, the demo's APT10 and ATT&CK's menuPass are two actors claiming the name: a conflict, not a choice.
            assertThat(stonePanda.conflict()).isTrue();
            assertThat(stonePanda.ambiguousWith()).isNotEmpty();
            assertThat(withDemo.resolve("stone-panda").match().id()).isEqualTo(stonePanda.match().id());
            // An exact canonical name outranks the same text used as someone else's alias.
            assertThat(withDemo.resolve("APT10").match().name()).isEqualTo("APT10");
            assertThat(withDemo.resolve("menuPass").match().id()).isEqualTo(MENUPASS);
        }
    }

    @Test
    void mispGalaxyNamesResolveThroughLinksAndSharedNamesAreConflicts() {
        try (TestStore both = Backend.H2.open()) {
            BundleImporter importer = new BundleImporter(both.knowledge().intake());
            importer.importPaths(List.of(SharedData.menuPassSubset(), SharedData.require("misp-galaxy/clusters_threat-actor.json"),
                    SharedData.require("misp-galaxy/clusters_microsoft-activity-group.json")), ImportOptions.strict(), ImportProgress.NONE);
            // ATT&CK's Agrius, as it lists Microsoft's name among its aliases.
            both.store().write(writer -> {
                writer.put(org.sightline.stix.StixObject.parse("{\"type\":\"intrusion-set\",\"spec_version\":\"2.1\","
                        + "\"id\":\"intrusion-set--b8137919-38cb-4db0-90f3-437be885faba\",\"created\":\"2024-05-22T00:00:00.000Z\","
                        + "\"modified\":\"2024-05-22T00:00:00.000Z\",\"name\":\"Agrius\",\"aliases\":[\"Agrius\",\"Pink Sandstorm\","
                        + "\"AMERICIUM\",\"Agonizing Serpens\",\"BlackShadow\"],\"external_references\":[{\"source_name\":\"mitre-attack\","
                        + "\"external_id\":\"G1030\"}]}"));
                return null;
            });
            ActorLinker linker = new ActorLinker(both.store());
            ActorLinker.LinkReport links = linker.linkAll();
            assertThat(links.created()).isGreaterThan(0);
            assertThat(linker.linkAll().created()).isZero(); // linking again is a no-op

            ActorDirectory directory = new ActorDirectory(both.store());
            // Microsoft's cluster and the threat-actor galaxy's APT10 each list the other's name: linked, so no conflict.
            ActorResolution purple = directory.resolve("Purple Typhoon");
            assertThat(purple.conflict()).isFalse();
            assertThat(purple.match().externalId()).isEqualTo("G0045");
            assertThat(purple.match().aliases()).filteredOn(a -> a.name().equals("BRONZE RIVERSIDE")).singleElement()
                    .satisfies(a -> assertThat(a.sources()).contains("MITRE ATT&CK", "MISP galaxy threat-actor",
                            "coined by Secureworks (per MISP galaxy threat-actor)"));

            ActorProfile profile = new ActorProfiles(both.store()).profile(MENUPASS);
            assertThat(profile.countries()).singleElement().satisfies(c -> {
                assertThat(c.value()).isEqualTo("CN");
                assertThat(c.sources()).contains("MISP galaxy threat-actor", "MISP galaxy microsoft-activity-group");
            });
            assertThat(profile.stateSponsors()).extracting(ActorProfile.Sourced::value).containsExactly("China");
            assertThat(profile.techniquesByTactic()).containsKeys("initial-access", "credential-access");
            assertThat(profile.software()).isNotEmpty();
            assertThat(profile.references()).isNotEmpty();
            // No campaign, report or sighting of it is dated in these records: when ATT&CK or a galaxy wrote its record
            // (a galaxy's "2000-01-01" plus its release number) is not when it was seen.
            assertThat(profile.firstSeen()).isNull();
            assertThat(profile.lastSeen()).isNull();

            // Microsoft's own name in its galaxy and in the threat-actor galaxy is one actor, not a conflict.
            // Its own name must not count as a second "mutual" partner, or ATT&CK's Agrius would stay apart.
            assertThat(directory.resolve("Pink Sandstorm").conflict()).isFalse();
            assertThat(directory.resolve("Agonizing Serpens").conflict()).isFalse();
            assertThat(directory.resolve("Pink Sandstorm").match().externalId()).isEqualTo("G1030");

            // Three linked objects carry "Stone Panda"; a typo of it is still one actor's name, so it resolves.
            ActorResolution typo = directory.resolve("Stone Pnada");
            assertThat(typo.found()).isTrue();
            assertThat(typo.match().externalId()).isEqualTo("G0045");

            // Galaxy clusters say nothing about techniques: they are not groups to compare behaviour with.
            assertThat(org.sightline.intel.similarity.AttackCatalog.load(both.store()).groups())
                    .isNotEmpty().allSatisfy(g -> assertThat(g.items()).isNotEmpty());

            // The galaxy's persons and operations are not groups: a threat actor and a campaign, each found by name.
            assertThat(directory.resolve("Natohub").match().type()).isEqualTo("threat-actor");
            assertThat(directory.resolve("Operation Soft Cell").match().type()).isEqualTo("campaign");

            ActorResolution grizzly = directory.resolve("Grizzly Steppe"); // claimed by APT28 and APT29 in the galaxy
            assertThat(grizzly.conflict()).isTrue();
            assertThat(grizzly.candidates()).extracting(Candidate::name).contains("APT28", "APT29");
            // APT28's card flags the name as one APT29 carries too, and not its own unshared names
            String apt28 = directory.resolve("APT28").match().id();
            var conflicting = directory.conflictingNames(apt28, java.util.List.of("Grizzly Steppe", "Fancy Bear"));
            assertThat(conflicting).containsOnlyKeys("Grizzly Steppe");
            assertThat(conflicting.get("Grizzly Steppe")).contains("APT29");

            String aptTen = directory.resolve("Cicada").match().linkedObjects().stream()
                    .filter(id -> both.store().current(id).orElseThrow().name().equals("APT10")).findFirst().orElseThrow();
            int revoked = linker.unlink(MENUPASS, aptTen);
            assertThat(revoked).isGreaterThanOrEqualTo(1);
            assertThat(directory.resolve("Purple Typhoon").match().externalId()).isNull();
        }
    }

    @Test
    void theDemoCaseJoinsItsAttackGroupsWhenAttackIsLoaded() {
        try (TestStore both = Backend.H2.open()) {
            BundleImporter importer = new BundleImporter(both.knowledge().intake());
            importer.importPaths(List.of(SharedData.menuPassSubset()), ImportOptions.strict(), ImportProgress.NONE);
            DemoData.load(importer);
            new ActorLinker(both.store()).linkAll();
            ActorDirectory directory = new ActorDirectory(both.store());
            for (String name : List.of("Stone Panda", "APT10", "Gothic Panda", "APT3")) {
                ActorResolution resolution = directory.resolve(name);
                assertThat(resolution.conflict()).as(name).isFalse();
                assertThat(resolution.match().externalId()).as(name).isIn("G0045", "G0022");
                assertThat(resolution.match().aliases()).as(name)
                        .anySatisfy(alias -> assertThat(alias.sources()).contains("MITRE ATT&CK"));
            }
        }
    }

    /** Counts active techniques and software used by the actor, straight from the bundle. */
    private static Counts countUsesIn(java.nio.file.Path bundle, String actorId) {
        Map<String, ObjectNode> objects = new HashMap<>();
        List<ObjectNode> uses = new ArrayList<>();
        StixReader.read(bundle, (object, index, line) -> {
            objects.put(object.path("id").asText(), object);
            if ("relationship".equals(object.path("type").asText()) && "uses".equals(object.path("relationship_type").asText())
                    && actorId.equals(object.path("source_ref").asText())) {
                uses.add(object);
            }
        });
        Set<String> techniques = new HashSet<>();
        Set<String> software = new HashSet<>();
        for (ObjectNode relationship : uses) {
            if (relationship.path("revoked").asBoolean() || relationship.path("x_mitre_deprecated").asBoolean()) {
                continue;
            }
            ObjectNode target = objects.get(relationship.path("target_ref").asText());
            if (target == null || target.path("revoked").asBoolean() || target.path("x_mitre_deprecated").asBoolean()) {
                continue;
            }
            String type = target.path("type").asText();
            if (type.equals("attack-pattern")) {
                techniques.add(target.path("id").asText());
            } else if (type.equals("malware") || type.equals("tool")) {
                software.add(target.path("id").asText());
            }
        }
        return new Counts(techniques.size(), software.size());
    }

    private record Counts(int techniques, int software) {
    }
}
