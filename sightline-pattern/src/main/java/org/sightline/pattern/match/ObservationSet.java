package org.sightline.pattern.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.stix.StixTimestamp;

/**
 * The observations a pattern is matched against, read from STIX documents: bundles, arrays or
 * single objects holding observed-data (2.1 with object_refs, or 2.0 with embedded objects) and the
 * observables they refer to. An observed-data with number_observed N counts as N observations.
 */
public final class ObservationSet {
    private final List<Observation> observations;

    private ObservationSet(List<Observation> observations) {
        this.observations = List.copyOf(observations);
    }

    public static ObservationSet of(List<? extends JsonNode> documents) {
        List<ObjectNode> all = new ArrayList<>();
        for (JsonNode document : documents) {
            collect(document, all);
        }
        Map<String, ObjectNode> byId = new HashMap<>();
        for (ObjectNode object : all) {
            if (object.hasNonNull("id")) {
                byId.put(object.get("id").asText(), object);
            }
        }
        List<Observation> observations = new ArrayList<>();
        for (ObjectNode object : all) {
            if ("observed-data".equals(object.path("type").asText())) {
                Observation observation = observation(object, byId);
                int times = object.path("number_observed").asInt(1);
                if (times < 1) {
                    throw new MatcherException(observation.observedDataId() + ": number_observed must be at least 1, got " + times);
                }
                for (int i = 0; i < times; i++) {
                    observations.add(observation);
                }
            }
        }
        return new ObservationSet(observations);
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, into));
        } else if (node.isObject()) {
            if ("bundle".equals(node.path("type").asText()) && node.path("objects").isArray()) {
                node.get("objects").forEach(item -> collect(item, into));
            } else {
                into.add((ObjectNode) node);
            }
        }
    }

    private static Observation observation(ObjectNode data, Map<String, ObjectNode> byId) {
        String id = data.path("id").asText("observed-data");
        return new Observation(id, timestamp(data, "first_observed", id), timestamp(data, "last_observed", id), objectsOf(data, byId));
    }

    /**
     * The observables of an observed-data, by key: those its object_refs name (STIX 2.1), found
     * among {@code byId} (a missing one is left out), else its embedded objects (STIX 2.0).
     */
    public static Map<String, ObjectNode> objectsOf(ObjectNode data, Map<String, ObjectNode> byId) {
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        if (data.has("object_refs")) {
            for (JsonNode ref : data.get("object_refs")) {
                ObjectNode object = byId.get(ref.asText());
                if (object != null) {
                    objects.put(ref.asText(), object);
                }
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> embedded = data.path("objects").fields();
            while (embedded.hasNext()) {
                Map.Entry<String, JsonNode> entry = embedded.next();
                if (entry.getValue().isObject()) {
                    objects.put(entry.getKey(), (ObjectNode) entry.getValue());
                }
            }
        }
        return objects;
    }

    private static java.time.Instant timestamp(ObjectNode data, String property, String id) {
        String value = data.path(property).asText(null);
        if (!StixTimestamp.isValid(value)) {
            throw new MatcherException(id + ": '" + property + "' is missing or not a timestamp: " + value);
        }
        return StixTimestamp.parse(value);
    }

    public List<Observation> observations() {
        return observations;
    }

    public int size() {
        return observations.size();
    }

    public Observation get(int index) {
        return observations.get(index);
    }
}
