package org.sightline.stix.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.json.StixReader;
import org.sightline.stix.testdata.SharedData;
import org.sightline.stix.validation.StixValidator;
import org.sightline.stix.validation.ValidationIssue;

class Stix20UpgraderTest {

    @Test
    void attackStyleMalwareBecomesAFamilyWithoutTheRedundantLabel() {
        ObjectNode malware = StixJson.parseObject("""
                {"type":"malware","id":"malware--b42378e0-f147-496f-992a-26a49705395b","created":"2017-05-31T21:32:15.263Z",
                 "modified":"2017-05-31T21:32:15.263Z","name":"PoisonIvy","labels":["malware"]}""", "test");
        assertThat(Stix20Upgrader.isStix20(malware)).isTrue();
        Stix20Upgrader.upgrade(malware);
        assertThat(malware.path("spec_version").asText()).isEqualTo("2.1");
        assertThat(malware.path("is_family").asBoolean()).isTrue();
        assertThat(malware.has("labels")).isFalse();
        assertThat(malware.has("malware_types")).isFalse();
        assertThat(new StixValidator((pattern, version) -> List.of()).validate(malware)).isEmpty();
    }

    @Test
    void vocabularyLabelsMoveToTheirTypesProperty() {
        ObjectNode indicator = StixJson.parseObject("""
                {"type":"indicator","id":"indicator--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d","created":"2017-01-01T00:00:00.000Z",
                 "modified":"2017-01-01T00:00:00.000Z","labels":["malicious-activity"],
                 "pattern":"[url:value = 'http://x.example/']","valid_from":"2017-01-01T00:00:00Z"}""", "test");
        Stix20Upgrader.upgrade(indicator);
        assertThat(indicator.path("indicator_types").get(0).asText()).isEqualTo("malicious-activity");
        assertThat(indicator.path("pattern_type").asText()).isEqualTo("stix");
        assertThat(new StixValidator((pattern, version) -> List.of()).validate(indicator)).isEmpty();
    }

    @Test
    void twoPointOneObjectsAndObservablesAreLeftAlone() {
        assertThat(Stix20Upgrader.isStix20(StixJson.parseObject("{\"type\":\"ipv4-addr\",\"id\":\"ipv4-addr--1\",\"value\":\"1.2.3.4\"}", "t"))).isFalse();
        assertThat(Stix20Upgrader.isStix20(StixJson.parseObject("{\"type\":\"malware\",\"spec_version\":\"2.1\",\"created\":\"x\"}", "t"))).isFalse();
    }

    @Test
    void theOasisTwoPointZeroExampleUpgradesToAValidObject() {
        List<ObjectNode> objects = new ArrayList<>();
        StixReader.read(SharedData.require("stix-examples/cti-python-stix2/stix2_data/malware/"
                + "malware--b42378e0-f147-496f-992a-26a49705395b/20170531213215263882.json"), (o, i, l) -> objects.add(o));
        ObjectNode malware = objects.get(0);
        assertThat(Stix20Upgrader.isStix20(malware)).isTrue();
        Stix20Upgrader.upgrade(malware);
        assertThat(new StixValidator((pattern, version) -> List.of()).validate(malware).stream().filter(ValidationIssue::isError)).isEmpty();
    }
}
