package org.sightline.ingest.sensors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.sightline.pattern.atoms.AtomicParts;
import org.sightline.stix.StixId;
import org.sightline.stix.json.StixJson;

/**
 * STIX for consumers that take only single-comparison patterns (misp-stix #76): an indicator that
 * already is one value goes as it is; one that is an alternative of values goes as one indicator per
 * value, each with the original's name, validity, markings and creator, and a {@code derived-from}
 * relationship to the original. Ids are derived from the original and the value, so exporting again
 * gives the same objects.
 */
final class SimpleStix {
    static final String FILE = "sightline-simple.json";
    private static final List<String> CARRIED = List.of("name", "description", "indicator_types", "valid_from", "valid_until", "labels",
            "confidence", "created_by_ref", "object_marking_refs", "kill_chain_phases", "external_references");

    private SimpleStix() {
    }

    static SensorFiles render(SensorIndicators indicators) {
        ArrayNode objects = StixJson.mapper().createArrayNode();
        int values = 0;
        for (SensorIndicators.Exported indicator : indicators.exported()) {
            ObjectNode original = indicator.indicator().json();
            if (indicator.atoms().size() == 1 && indicator.atoms().get(0).pattern().equals(original.path("pattern").asText())) {
                objects.add(original);
                values++;
                continue;
            }
            for (AtomicParts.Atom atom : indicator.atoms()) {
                String id = StixId.deterministic("indicator", indicator.indicator().id() + "|" + atom.pattern());
                ObjectNode single = objects.addObject();
                single.put("type", "indicator").put("spec_version", "2.1").put("id", id)
                        .put("created", original.path("modified").asText()).put("modified", original.path("modified").asText())
                        .put("pattern", atom.pattern()).put("pattern_type", "stix");
                for (String property : CARRIED) {
                    if (original.has(property)) {
                        single.set(property, original.get(property));
                    }
                }
                ObjectNode derived = objects.addObject();
                derived.put("type", "relationship").put("spec_version", "2.1")
                        .put("id", StixId.deterministic("relationship", id + "|derived-from|" + indicator.indicator().id()))
                        .put("created", original.path("modified").asText()).put("modified", original.path("modified").asText())
                        .put("relationship_type", "derived-from").put("source_ref", id).put("target_ref", indicator.indicator().id());
                if (original.has("object_marking_refs")) {
                    derived.set("object_marking_refs", original.get("object_marking_refs"));
                }
                values++;
            }
        }
        ObjectNode bundle = StixJson.newObject();
        bundle.put("type", "bundle").put("id", StixId.deterministic("bundle", "sightline-simple|" + objects.size() + "|"
                + (objects.isEmpty() ? "" : objects.get(objects.size() - 1).path("id").asText())));
        bundle.set("objects", objects);
        return new SensorFiles(SensorFormat.SIMPLE_STIX.text(), Map.of(FILE, StixJson.document(bundle)), indicators.exported().size(), values,
                indicators.left());
    }
}
