package org.sightline.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.json.StixReader;
import org.sightline.stix.markings.Tlp;
import org.sightline.stix.testdata.SharedData;
import org.sightline.stix.upgrade.Stix20Upgrader;

class StixValidatorTest {
    private static final String INDICATOR = """
            {"type":"indicator","spec_version":"2.1","id":"indicator--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d",
             "created":"2018-08-31T10:00:00.000Z","modified":"2018-08-31T10:00:00.000Z",
             "pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2018-08-31T10:00:00Z"}""";

    private final StixValidator validator = new StixValidator((pattern, version) -> List.of());

    private static ObjectNode object(String json) {
        return StixJson.parseObject(json, "test");
    }

    private List<String> errors(ObjectNode object) {
        return validator.validate(object).stream().filter(ValidationIssue::isError).map(ValidationIssue::message).toList();
    }

    @Test
    void aValidIndicatorHasNoIssues() {
        assertThat(validator.validate(object(INDICATOR))).isEmpty();
    }

    @Test
    void aStixPatternIsRefusedByThePatternCheckItIsGivenAndOtherPatternLanguagesAreLeftAlone() {
        List<String> asked = new ArrayList<>();
        StixValidator strict = new StixValidator((pattern, version) -> {
            asked.add(version + " " + pattern);
            return List.of("syntax error at line 1:5");
        });
        ObjectNode indicator = object(INDICATOR);
        indicator.put("pattern_version", "2.0");
        assertThat(strict.validate(indicator)).extracting(ValidationIssue::message).containsExactly(
                "indicator--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d: 'pattern' is not a valid STIX 2.0 pattern: "
                        + "syntax error at line 1:5 (STIX 2.1 §9)");
        assertThat(asked).containsExactly("2.0 [ipv4-addr:value = '198.51.100.1']");

        indicator.put("pattern_type", "sigma");
        assertThat(strict.validate(indicator)).isEmpty();
        assertThat(asked).hasSize(1);
    }

    @Test
    void aMissingRequiredPropertyIsNamedWithTheObjectAndTheSection() {
        ObjectNode indicator = object(INDICATOR);
        indicator.remove("valid_from");
        assertThat(errors(indicator)).containsExactly(
                "indicator--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d: 'valid_from' is required for indicator (STIX 2.1 §4.7)");
    }

    @Test
    void identifiersMustBeTypeThenAnRfc4122Uuid() {
        ObjectNode indicator = object(INDICATOR);
        indicator.put("id", "indicator--not-a-uuid");
        assertThat(errors(indicator)).singleElement().asString().contains("'id'", "not a valid identifier");
        indicator.put("id", "malware--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d");
        assertThat(errors(indicator)).singleElement().asString().contains("must start with the object's type");
    }

    @Test
    void timestampsNeedUtcAndMillisecondsAndCreatedNotAfterModified() {
        ObjectNode indicator = object(INDICATOR);
        indicator.put("created", "2018-08-31T10:00:00Z");
        assertThat(errors(indicator)).singleElement().asString().contains("'created'", "millisecond");
        indicator.put("created", "2018-02-30T10:00:00.000Z");
        assertThat(errors(indicator)).singleElement().asString().contains("not an RFC 3339");
        indicator.put("created", "2018-09-01T10:00:00.000Z");
        assertThat(errors(indicator)).singleElement().asString().contains("must not be later than 'modified'");
        indicator.put("created", "2018-08-31T10:00:00.000+02:00");
        assertThat(errors(indicator)).isNotEmpty();
    }

    @Test
    void relationshipsMayNotPointAtMarkingsOrOtherRelationships() {
        ObjectNode relationship = object("""
                {"type":"relationship","spec_version":"2.1","id":"relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad",
                 "created":"2020-01-01T00:00:00.000Z","modified":"2020-01-01T00:00:00.000Z","relationship_type":"uses",
                 "source_ref":"intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f",
                 "target_ref":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"}""");
        assertThat(errors(relationship)).singleElement().asString()
                .contains("'target_ref' must refer to an SDO or SCO, not a marking-definition (STIX 2.1 §5.1)");
    }

    @Test
    void sightingReferencesHaveTheirTypes() {
        ObjectNode sighting = object("""
                {"type":"sighting","spec_version":"2.1","id":"sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
                 "created":"2020-01-01T00:00:00.000Z","modified":"2020-01-01T00:00:00.000Z",
                 "sighting_of_ref":"indicator--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d",
                 "where_sighted_refs":["malware--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d"],"count":2}""");
        assertThat(errors(sighting)).singleElement().asString().contains("'where_sighted_refs' must refer to");
    }

    @Test
    void markingReferencesMustBeMarkingDefinitions() {
        ObjectNode indicator = object(INDICATOR);
        indicator.putArray("object_marking_refs").add("identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5");
        indicator.putArray("granular_markings").addObject().put("marking_ref", Tlp.RED.markingId());
        assertThat(errors(indicator)).hasSize(2)
                .anySatisfy(e -> assertThat(e).contains("'object_marking_refs' must refer to marking-definition"))
                .anySatisfy(e -> assertThat(e).contains("non-empty 'selectors'"));
    }

    @Test
    void tlpMarkingsMustBeThePublishedOnes() {
        for (Tlp tlp : Tlp.values()) {
            assertThat(validator.validate(tlp.tlp2Definition().json())).as(tlp.label()).isEmpty();
            tlp.tlp1Definition().ifPresent(d -> assertThat(validator.validate(d.json())).as(tlp.label()).isEmpty());
        }
        ObjectNode fakeRed = Tlp.RED.tlp2Definition().json().deepCopy();
        ((ObjectNode) fakeRed.path("extensions").path(Tlp.TLP2_EXTENSION_ID)).put("tlp_2_0", "green");
        assertThat(errors(fakeRed)).singleElement().asString().contains("published TLP:RED marking");

        ObjectNode homeMade = Tlp.GREEN.tlp1Definition().orElseThrow().json().deepCopy();
        homeMade.put("id", "marking-definition--1b4b6f87-6a5c-4d7c-9a3e-2f1c5d8e7a90");
        assertThat(errors(homeMade)).singleElement().asString().contains("predefined TLP marking-definition ids");
    }

    @Test
    void aValueOutsideAnOpenVocabularyIsOnlyAWarning() {
        ObjectNode identity = object("""
                {"type":"identity","spec_version":"2.1","id":"identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5",
                 "created":"2020-01-01T00:00:00.000Z","modified":"2020-01-01T00:00:00.000Z","name":"ACME MSP",
                 "identity_class":"organization","sectors":["managed-services"]}""");
        List<ValidationIssue> issues = validator.validate(identity);
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.isError()).isFalse();
            assertThat(issue.message()).contains("'sectors'", "managed-services");
        });
    }

    @Test
    void theOfficialExamplesAreValid() throws IOException {
        List<String> errors = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SharedData.require("stix-examples"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                StixReader.read(file, (object, index, line) -> {
                    if (Stix20Upgrader.isStix20(object)) {
                        Stix20Upgrader.upgrade(object);
                    }
                    validator.validate(object).stream().filter(ValidationIssue::isError)
                            .forEach(issue -> errors.add(file.getFileName() + ": " + issue.message()));
                });
            }
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void everyAttackObjectIsValid() {
        List<String> errors = new ArrayList<>();
        long[] count = {0};
        StixReader.read(SharedData.enterpriseAttack(), (object, index, line) -> {
            count[0]++;
            validator.validate(object).stream().filter(ValidationIssue::isError).forEach(i -> errors.add(i.message()));
        });
        assertThat(count[0]).isEqualTo(24_771);
        assertThat(errors).isEmpty();
    }
}
