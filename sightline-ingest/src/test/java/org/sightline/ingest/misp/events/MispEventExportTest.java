package org.sightline.ingest.misp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.stix.StixObject;
import org.sightline.stix.markings.Tlp;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.StixStore;
import org.sightline.store.clearance.ClearedStore;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** A STIX selection out as a MISP event, and back in: the same indicators come back. */
class MispEventExportTest {
    private static final String SEDNIT = "grouping--5a3c2fcd-8328-42bb-a95e-4f4402de0b81";

    @Test
    void anExportedEventComesBackWithTheSameIndicatorsTagsAndMarking() {
        Path events = SharedData.require("misp-events/PyMISP");
        try (TestStore source = Backend.H2.open(); TestStore target = Backend.H2.open()) {
            new BundleImporter(source.knowledge().intake()).importPaths(List.of(events), ImportOptions.strict(),
                    ImportProgress.NONE);
            MispEventExporter.Exported exported = new MispEventExporter(ClearedStore.of(source.store(), Tlp.GREEN))
                    .export(List.of(SEDNIT), Set.of(), null);
            JsonNode event = exported.event().path("Event");
            assertThat(event.path("info").asText()).startsWith("OSINT - Sednit update");
            assertThat(event.path("distribution").asText()).isEqualTo("3");
            Set<String> tags = new HashSet<>();
            event.path("Tag").forEach(tag -> tags.add(tag.path("name").asText()));
            assertThat(tags).contains("tlp:clear", "misp-galaxy:threat-actor=\"Sofacy\"", "misp-galaxy:tool=\"X-Agent\"");
            event.path("Attribute").forEach(attribute -> assertThat(attribute.has("type") && attribute.has("category")
                    && attribute.has("value") && attribute.has("uuid")).as(attribute.toString()).isTrue());

            MispEventConverter.Converted back = new MispEventConverter(target.store()).event(exported.event());
            assertThat(patterns(back.objects().stream().map(StixObject::new).toList()))
                    .isEqualTo(patterns(source.store().currentObjects(source.store().current(SEDNIT).orElseThrow().strings("object_refs"))));
            assertThat(back.objects()).allSatisfy(object -> {
                if (!object.path("type").asText().equals("marking-definition") && object.has("object_marking_refs")) {
                    assertThat(object.path("object_marking_refs").get(0).asText()).isEqualTo(Tlp.CLEAR.markingId());
                }
            });
        }
    }

    private static Set<String> patterns(List<StixObject> objects) {
        Set<String> patterns = new TreeSet<>();
        for (StixObject object : objects) {
            if (object.type().equals("indicator")) {
                patterns.add(new TreeSet<>(List.of(object.text("pattern").replaceAll("^\\[|]$", "").split(" AND "))).toString());
            }
        }
        return patterns;
    }

    @Test
    void aReaderClearedBelowTheEventsMarkingGetsNothingAndIsToldSo() {
        Path events = SharedData.require("misp-events/PyMISP/misp_event.json");
        try (TestStore source = Backend.H2.open()) {
            new BundleImporter(source.knowledge().intake()).importPaths(List.of(events), ImportOptions.strict(),
                    ImportProgress.NONE);
            StixStore green = ClearedStore.of(source.store(), Tlp.GREEN); // the event is AMBER+STRICT (distribution 0)
            assertThatThrownBy(() -> new MispEventExporter(green).export(List.of("grouping--5758ebf5-c898-48e6-9fe9-5665c0a83866"),
                    Set.of(), null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing to export");
            JsonNode full = new MispEventExporter(source.store()).export(List.of("grouping--5758ebf5-c898-48e6-9fe9-5665c0a83866"),
                    Set.of(), null).event().path("Event");
            assertThat(full.path("distribution").asText()).isEqualTo("0");
            assertThat(full.path("Tag").get(0).path("name").asText()).isEqualTo("tlp:amber+strict");
        }
    }
}
