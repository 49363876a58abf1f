package org.sightline.events.sightings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sightline.pattern.stream.Event;
import org.sightline.stix.StixId;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;

/**
 * Turns a matched event into STIX 2.1: its observables as SCOs with deterministic ids (UUIDv5 in
 * the STIX namespace over the object's canonical JSON, so the same address is the same object
 * every time), and an observed-data that refers to them.
 */
final class ObservedDataFactory {
    /** The namespace STIX 2.1 §2.9 gives for deterministic SCO identifiers. */

    private ObservedDataFactory() {
    }

    /** The observed-data object first, then its SCOs. */
    static List<ObjectNode> objects(Event event, String created) {
        Map<String, String> ids = new HashMap<>();
        event.objects().forEach((key, object) -> ids.put(key, StixId.deterministic(object.path("type").asText(), StixJson.write(withoutRefs(object)))));
        List<ObjectNode> scos = new ArrayList<>();
        event.objects().forEach((key, object) -> {
            ObjectNode sco = object.deepCopy();
            sco.put("spec_version", "2.1");
            sco.put("id", ids.get(key));
            object.fields().forEachRemaining(field -> {
                if (field.getKey().endsWith("_ref") && ids.containsKey(field.getValue().asText())) {
                    sco.put(field.getKey(), ids.get(field.getValue().asText()));
                }
            });
            scos.add(sco);
        });
        ObjectNode data = StixJson.newObject("observed-data",
                StixId.deterministic("observed-data", event.source() + ":" + event.line() + ":" + event.time()), created);
        String time = StixTimestamp.format(event.time());
        data.put("first_observed", time);
        data.put("last_observed", time);
        data.put("number_observed", 1);
        ArrayNode refs = data.putArray("object_refs");
        scos.forEach(sco -> refs.add(sco.get("id").asText()));
        List<ObjectNode> all = new ArrayList<>();
        all.add(data);
        all.addAll(scos);
        return all;
    }

    private static ObjectNode withoutRefs(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("src_ref", "dst_ref"));
        return copy;
    }
}
