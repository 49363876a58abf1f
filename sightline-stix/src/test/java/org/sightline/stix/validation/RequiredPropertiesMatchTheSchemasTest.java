package org.sightline.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;

/**
 * Sightline's required-property table is a generated check of the official STIX 2.1 JSON schemas:
 * this test recomputes each type's unconditionally required properties from the schema files
 * (following allOf and $ref) and compares.
 */
class RequiredPropertiesMatchTheSchemasTest {

    static Stream<Path> schemas() throws IOException {
        Path root = SharedData.require("stix-schemas/schemas");
        try (Stream<Path> files = Stream.of("sdos", "sros", "observables").flatMap(dir -> list(root.resolve(dir)))) {
            return files.toList().stream();
        }
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void requiredPropertiesAreTheSchemasOwn(Path schema) throws IOException {
        String type = schema.getFileName().toString().replace(".json", "");
        assertThat(RequiredProperties.BY_TYPE.get(type)).as(type).isEqualTo(required(schema));
    }

    private static Set<String> required(Path schema) throws IOException {
        JsonNode root = StixJson.mapper().readTree(schema.toFile());
        Set<String> required = new HashSet<>();
        root.path("required").forEach(p -> required.add(p.asText()));
        for (JsonNode part : root.path("allOf")) {
            if (part.has("$ref")) {
                required.addAll(required(schema.getParent().resolve(part.get("$ref").asText()).normalize()));
            }
            part.path("required").forEach(p -> required.add(p.asText()));
        }
        return required;
    }
}
