package org.sightline.intel.actors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.stix.StixTypes;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.json.StixReader;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.StixStore;
import org.sightline.store.names.NameKey;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/**
 * Every name and alias that ATT&CK Enterprise, ICS and Mobile and the three MISP galaxies give an
 * actor, read from the files themselves, looked up after all six are imported and linked: each must
 * resolve to an actor whose card holds the name, and a name that several actors hold must be a
 * conflict that lists every one of them with its ATT&CK id and sources. No name may land on an
 * actor that does not hold it ("APT 41" on APT17).
 */
class ActorNameCorpusTest {
    private static final List<String> ATTACK = List.of("attack/enterprise-attack-18.1.json.gz", "attack/ics-attack-18.1.json",
            "attack/mobile-attack-18.1.json");
    private static final List<String> GALAXIES = List.of("misp-galaxy/clusters_threat-actor.json",
            "misp-galaxy/clusters_microsoft-activity-group.json", "misp-galaxy/clusters_mitre-intrusion-set.json");
    private static final Pattern MISP_ATTACK_LABEL = Pattern.compile("^(.+?)\\s+-\\s+(G\\d{4})$");
    private static TestStore test;
    private static Set<String> corpus;

    @BeforeAll
    static void importEverything() throws IOException {
        List<Path> files = new ArrayList<>();
        ATTACK.forEach(file -> files.add(SharedData.require(file)));
        GALAXIES.forEach(file -> files.add(SharedData.require(file)));
        test = Backend.H2.open();
        new BundleImporter(test.knowledge().intake()).importPaths(files, ImportOptions.strict(), ImportProgress.NONE);
        new ActorLinker(test.store()).linkAll();
        corpus = new LinkedHashSet<>();
        for (String file : ATTACK) {
            StixReader.read(SharedData.require(file), (object, index, line) -> {
                if (StixTypes.ACTOR_TYPES.contains(object.path("type").asText()) && !object.path("revoked").asBoolean()) {
                    addNames(object.path("name"), object.path("aliases"));
                }
            });
        }
        for (String file : GALAXIES) {
            try (InputStream in = StixReader.open(SharedData.require(file))) {
                for (JsonNode cluster : StixJson.mapper().readTree(in).path("values")) {
                    boolean revoked = false;
                    for (JsonNode related : cluster.path("related")) {
                        revoked |= related.path("type").asText().equals("revoked-by");
                    }
                    if (!revoked) { // a group ATT&CK revoked is no longer an actor: its names live on in the one that replaced it
                        addNames(cluster.path("value"), cluster.path("meta").path("synonyms"));
                    }
                }
            }
        }
    }

    private static void addNames(JsonNode name, JsonNode aliases) {
        if (name.isTextual()) {
            corpus.add(name.asText());
        }
        aliases.forEach(alias -> corpus.add(alias.asText()));
    }

    @AfterAll
    static void close() {
        if (test != null) {
            test.close();
        }
    }

    @Test
    void everyNameInTheCorpusResolvesToAnActorThatHoldsItOrToAConflictListingEveryHolder() {
        StixStore store = test.store();
        ActorDirectory directory = new ActorDirectory(store);
        ActorClusters clusters = new ActorClusters(store);
        int tried = 0;
        int conflicts = 0;
        List<String> wrong = new ArrayList<>();
        Set<String> seenKeys = new HashSet<>();
        for (String name : corpus) {
            String key = NameKey.of(name);
            if (key.isEmpty() || !seenKeys.add(key)) {
                continue;
            }
            tried++;
            Set<String> holders = holdersOf(store, clusters, name, key);
            if (holders.isEmpty()) {
                wrong.add(name + ": no object in the store holds it (lost on import)");
                continue;
            }
            ActorResolution resolution = directory.resolve(name);
            if (!resolution.found()) {
                wrong.add(name + ": not resolved; candidates " + resolution.candidates());
                continue;
            }
            String matched = clusters.root(resolution.match().id());
            if (!holders.contains(matched)) {
                wrong.add(name + ": resolved to " + resolution.match().name() + " (" + resolution.match().externalId()
                        + "), which does not hold it");
                continue;
            }
            boolean itsId = resolution.match().externalId() != null && NameKey.of(resolution.match().externalId()).equals(key);
            if (!MISP_ATTACK_LABEL.matcher(name).matches() && !itsId
                    && resolution.match().aliases().stream().noneMatch(alias -> NameKey.of(alias.name()).equals(key))) {
                wrong.add(name + ": the card of " + resolution.match().name() + " does not show the name");
                continue;
            }
            Set<String> offered = new HashSet<>();
            offered.add(matched);
            for (NameHolder other : resolution.ambiguousWith()) {
                offered.add(clusters.root(other.id()));
                String attackId = store.current(other.id()).flatMap(o -> o.externalId("mitre-attack")).orElse(null);
                if (other.sources().isEmpty() || !java.util.Objects.equals(attackId, other.externalId())) {
                    wrong.add(name + ": conflict holder " + other + " lacks its sources or ATT&CK id " + attackId);
                }
            }
            if (holders.size() > 1) {
                conflicts++;
                if (!resolution.conflict() || !offered.equals(holders)) {
                    wrong.add(name + ": held by " + holders.size() + " actors, resolution offers " + offered.size());
                }
            } else if (resolution.conflict()) {
                wrong.add(name + ": held by one actor, yet flagged as a conflict with " + resolution.ambiguousWith());
            }
        }
        System.out.printf("actor name corpus: %d names tried, %d wrong, %d conflicts%n", tried, wrong.size(), conflicts);
        assertThat(wrong).as("names that resolve wrong").isEmpty();
        assertThat(tried).isGreaterThan(2_500);
        assertThat(directory.resolve("APT 41").match().externalId()).isEqualTo("G0096");
    }

    /** The actors (cluster roots) holding the name, as the store indexes names and ids; a MISP "NAME - G0007" by its id. */
    private static Set<String> holdersOf(StixStore store, ActorClusters clusters, String name, String key) {
        Set<String> holders = new HashSet<>();
        store.findByNameKey(key, StixTypes.ACTOR_TYPES).forEach(match -> holders.add(clusters.root(match.objectId())));
        // a galaxy lists "G0001" among APT17's names; ATT&CK gives it to Axiom as its id
        store.findByExternalId(name).stream().filter(id -> StixTypes.ACTOR_TYPES.contains(StixTypes.typeOf(id.objectId())))
                .forEach(id -> holders.add(clusters.root(id.objectId())));
        Matcher label = MISP_ATTACK_LABEL.matcher(name);
        if (holders.isEmpty() && label.matches()) {
            store.findByExternalId(label.group(2)).stream()
                    .filter(id -> StixTypes.ACTOR_TYPES.contains(StixTypes.typeOf(id.objectId())))
                    .forEach(id -> holders.add(clusters.root(id.objectId())));
            if (holders.isEmpty()) {
                store.findByNameKey(NameKey.of(label.group(1)), StixTypes.ACTOR_TYPES)
                        .forEach(match -> holders.add(clusters.root(match.objectId())));
            }
        }
        return holders;
    }
}
