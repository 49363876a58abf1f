package org.sightline.ingest.misp.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.StixStore;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/**
 * MISP events into STIX, checked against MISP's own converter (the misp-stix pairs: MISP input with
 * the STIX 2.1 misp-stix makes of it) and against real PyMISP events.
 */
class MispEventImportTest {

    static Stream<Arguments> referencePairs() {
        return Stream.of(
                Arguments.of("test_events_collection_stix21.json", List.of("test_events_collection_1.json", "test_events_collection_2.json")),
                Arguments.of("test_event1_stix21.json", List.of("test_events_collection_1.json")),
                Arguments.of("test_event2_stix21.json", List.of("test_events_collection_2.json")),
                Arguments.of("test_attributes_collection_stix21.json",
                        List.of("test_attributes_collection_1.json", "test_attributes_collection_2.json")),
                Arguments.of("test_objects_collection_stix21.json",
                        List.of("test_objects_collection_1.json", "test_objects_collection_2.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referencePairs")
    void theStixIsWhatMispsOwnConverterMakesOfTheSameInput(String reference, List<String> inputs) throws IOException {
        Path folder = SharedData.require("misp-events/misp-stix");
        JsonNode expected = StixJson.mapper().readTree(folder.resolve(reference).toFile());
        try (TestStore test = Backend.H2.open()) {
            List<JsonNode> converted = new ArrayList<>();
            MispEventConverter converter = new MispEventConverter(test.store());
            for (String input : inputs) {
                for (MispDocument.Part part : MispDocument.read(folder.resolve(input))) {
                    (part.isEvent() ? converter.event(part.content()) : converter.loose(part.content())).objects().forEach(converted::add);
                }
            }
            Map<String, JsonNode> ours = new HashMap<>();
            converted.forEach(object -> ours.put(object.get("id").asText(), object));
            Set<String> ourRelationships = relationships(converted);
            for (JsonNode object : expected.path("objects")) {
                String id = object.path("id").asText();
                String type = object.path("type").asText();
                if (type.equals("relationship")) {
                    continue; // misp-stix gives these random ids; compared by what they join, below
                }
                if (!(reference.startsWith("test_attributes") || reference.startsWith("test_objects")) || !type.equals("grouping")) {
                    assertThat(ours).as("%s from %s", id, reference).containsKey(id);
                }
                JsonNode mine = ours.get(id);
                switch (type) {
                    case "indicator" -> assertThat(comparisons(mine.path("pattern").asText()))
                            .as(id).isEqualTo(comparisons(object.path("pattern").asText()));
                    case "observed-data", "grouping" -> assertThat(ids(mine.path("object_refs"), true))
                            .as(id).isEqualTo(ids(object.path("object_refs"), true));
                    case "identity" -> assertThat(mine.path("name").asText()).isEqualTo(object.path("name").asText());
                    default -> {
                        for (String property : List.of("value", "number", "name", "path", "subject", "user_id", "hashes")) {
                            if (object.has(property)) {
                                assertThat(mine.path(property).toString()).as("%s %s", id, property)
                                        .isEqualTo(object.path(property).toString());
                            }
                        }
                    }
                }
            }
            assertThat(ourRelationships).containsAll(relationships(expected.path("objects")));
            // and all of it is valid STIX that the store takes
            Path bundle = Files.createTempFile("misp", ".json");
            try {
                Files.writeString(bundle, "{\"type\":\"bundle\",\"id\":\"bundle--5a5d2c0e-5c5f-4d6a-9c2e-1b2a3c4d5e6f\",\"objects\":"
                        + converted + "}");
                ImportReport report = new BundleImporter(test.knowledge().intake())
                        .importPaths(List.of(bundle), ImportOptions.strict(), ImportProgress.NONE);
                assertThat(report.invalid()).isZero();
                assertThat(report.anyRejected()).isFalse();
            } finally {
                Files.deleteIfExists(bundle);
            }
        }
    }

    private static Set<String> comparisons(String pattern) {
        return new TreeSet<>(List.of(pattern.substring(1, pattern.length() - 1).split(" AND ")));
    }

    private static Set<String> ids(JsonNode refs, boolean withoutRelationships) {
        Set<String> ids = new TreeSet<>();
        refs.forEach(ref -> {
            if (!withoutRelationships || !ref.asText().startsWith("relationship--")) {
                ids.add(ref.asText());
            }
        });
        return ids;
    }

    private static Set<String> relationships(Iterable<JsonNode> objects) {
        Set<String> joined = new HashSet<>();
        for (JsonNode object : objects) {
            if (object.path("type").asText().equals("relationship")) {
                joined.add(object.path("source_ref").asText() + " " + object.path("relationship_type").asText() + " "
                        + object.path("target_ref").asText());
            }
        }
        return joined;
    }

    @Test
    void realEventsBringTheirMarkingsGalaxiesAndSightings() {
        Path folder = SharedData.require("misp-events/PyMISP");
        try (TestStore test = Backend.H2.open()) {
            ImportReport report = new BundleImporter(test.knowledge().intake()).importPaths(List.of(folder),
                    ImportOptions.strict(), ImportProgress.NONE);
            assertThat(report.anyRejected()).as(report.files().toString()).isFalse();
            assertThat(report.invalid()).isZero();
            StixStore store = test.store();

            // existing_event.json: tlp:white on the event marks everything CLEAR; Sofacy is a threat-actor cluster
            String event = "grouping--5a3c2fcd-8328-42bb-a95e-4f4402de0b81";
            StixObject grouping = store.current(event).orElseThrow();
            assertThat(grouping.strings("object_marking_refs")).containsExactly(Tlp.CLEAR.markingId());
            String sofacy = store.findByNameKey("sofacy", Set.of("intrusion-set")).get(0).objectId();
            assertThat(grouping.strings("object_refs")).contains(sofacy);
            assertThat(store.edgesTo(sofacy, "indicates")).isNotEmpty();
            assertThat(grouping.strings("labels")).contains("workflow:state=\"incomplete\"")
                    .noneMatch(label -> label.startsWith("tlp:") || label.startsWith("misp-galaxy:threat-actor"));

            // misp_event.json: distribution 0 ("your organisation only") without a TLP tag is AMBER+STRICT
            assertThat(store.currentObjects(store.referencing("identity--57586e9a-4a64-4f79-9009-4dc1c0a83866", "created_by_ref"))
                    .stream().flatMap(o -> o.strings("object_marking_refs").stream()).distinct().toList())
                    .containsExactly(Tlp.AMBER_STRICT.markingId());

            // sighting_1.json: two MISP sightings of type 0 become STIX sightings of their indicators
            List<String> sightings = new ArrayList<>();
            store.forEachCurrent(new StixStore.ObjectQuery(Set.of("sighting"), Set.of(), false), s -> sightings.add(s.text("sighting_of_ref")));
            assertThat(sightings).hasSize(2).allMatch(ref -> ref.startsWith("indicator--") || ref.startsWith("observed-data--"));

            // importing the same files again adds nothing: every id is derived from MISP's uuids
            ImportReport again = new BundleImporter(test.knowledge().intake()).importPaths(List.of(folder),
                    ImportOptions.strict(), ImportProgress.NONE);
            assertThat(again.imported()).isZero();
        }
    }

    @Test
    void aGalaxyClusterLinksToTheActorAlreadyInTheDirectory(@TempDir Path dir) throws IOException {
        try (TestStore test = Backend.H2.open()) {
            BundleImporter importer = new BundleImporter(test.knowledge().intake());
            importer.importPaths(List.of(SharedData.menuPassSubset()), ImportOptions.strict(), ImportProgress.NONE);
            Path events = dir.resolve("events.json");
            Files.writeString(events, "[" + event("c1b0e4a2-3b8e-4f0e-9a55-0d1f6a2b7c01", "menuPass - G0045", "mitre-intrusion-set")
                    + "," + event("c1b0e4a2-3b8e-4f0e-9a55-0d1f6a2b7c02", "APT 10", "threat-actor") + "]");
            ImportReport report = importer.importPaths(List.of(events), ImportOptions.strict(), ImportProgress.NONE);
            assertThat(report.anyRejected()).as(report.files().toString()).isFalse();
            String menuPass = "intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f";
            assertThat(test.store().edgesTo(menuPass, "indicates")).hasSize(2);
            assertThat(report.byType()).doesNotContainKey("intrusion-set");
        }
    }

    private static String event(String uuid, String cluster, String galaxy) {
        return "{\"Event\":{\"uuid\":\"" + uuid + "\",\"info\":\"Cloud Hopper infrastructure\",\"date\":\"2017-04-03\","
                + "\"timestamp\":\"1491177600\",\"distribution\":\"1\",\"Orgc\":{\"name\":\"PwC\",\"uuid\":\"9a1f4c2e-0b7d-4e6f-8a3b-5c2d1e0f9a01\"},"
                + "\"Attribute\":[{\"uuid\":\"d" + uuid.substring(1) + "\",\"type\":\"domain\",\"category\":\"Network activity\","
                + "\"value\":\"update.cloud-hopper.example\",\"timestamp\":\"1491177600\",\"to_ids\":true}],"
                + "\"Galaxy\":[{\"type\":\"" + galaxy + "\",\"GalaxyCluster\":[{\"uuid\":\"e" + uuid.substring(1) + "\",\"value\":\""
                + cluster + "\"}]}]}}";
    }

    @Test
    void aBrokenMispFileIsRejectedWholeAndNamed(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"response\":[{\"Event\":{\"uuid\":\"x\"}}, 42]}");
        try (TestStore test = Backend.H2.open()) {
            ImportReport report = new BundleImporter(test.knowledge().intake()).importPaths(List.of(broken),
                    ImportOptions.strict(), ImportProgress.NONE);
            assertThat(report.anyRejected()).isTrue();
            assertThat(report.files().get(0).message()).contains("broken.json", "item 1");
            assertThat(test.store().stats().objects()).isZero();
        }
    }
}
