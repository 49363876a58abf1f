package org.sightline.stix.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sightline.stix.StixObject;
import org.sightline.stix.testdata.SharedData;

/** Reading then writing any STIX object yields the same JSON, known properties or not. */
class RoundTripTest {

    static Stream<Path> documents() throws IOException {
        Path examples = SharedData.require("stix-examples");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(examples)) {
            walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        for (String attack : List.of("attack/enterprise-attack-18.1.json.gz", "attack/ics-attack-18.1.json",
                "attack/mobile-attack-18.1.json", "attack/enterprise-attack-18.1-groups-software.json")) {
            files.add(SharedData.require(attack));
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyObjectIsWrittenBackAsItWasRead(Path document) throws IOException {
        List<ObjectNode> read = new ArrayList<>();
        StixReader.read(document, (object, index, line) -> read.add(object));
        assertThat(read).isNotEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StixWriter writer = new StixWriter(out, false)) {
            read.forEach(object -> writer.write(new StixObject(object)));
        }
        List<ObjectNode> written = new ArrayList<>();
        StixReader.read(new java.io.ByteArrayInputStream(out.toByteArray()), "written", (o, i, l) -> written.add(o));

        List<JsonNode> original = originalObjects(document);
        assertThat(written).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            assertThat((JsonNode) written.get(i)).as("object %d of %s", i, document).isEqualTo(original.get(i));
        }
    }

    /** The objects as an independent, whole-document parse sees them. */
    private static List<JsonNode> originalObjects(Path document) throws IOException {
        JsonNode root;
        try (var in = StixReader.open(document)) {
            root = StixJson.mapper().readTree(in);
        }
        List<JsonNode> objects = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(objects::add);
        } else if (root.has("objects") && root.get("objects").isArray()) {
            root.get("objects").forEach(objects::add);
        } else {
            objects.add(root);
        }
        return objects;
    }
}
