package org.sightline.stix.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.sightline.stix.StixTypes;

/**
 * Upgrades STIX 2.0 objects to 2.1 (STIX 2.1 Appendix: changes from 2.0), because many feeds and
 * older ATT&CK releases are still 2.0. The object is changed in place.
 *
 * <p>In 2.0 the {@code labels} of malware, tool, indicator, threat actor and report carried the
 * type vocabulary; 2.1 moves them to {@code *_types}. ATT&CK's 2.0 data labels every malware
 * "malware" and every tool "tool", which are not vocabulary values; MITRE's own 2.1 release drops
 * them, and so do we, so that an upgraded ATT&CK 2.0 bundle equals MITRE's 2.1 one.
 */
public final class Stix20Upgrader {
    private static final Map<String, String> LABELS_BECOME = Map.of(
            "malware", "malware_types",
            "tool", "tool_types",
            "indicator", "indicator_types",
            "threat-actor", "threat_actor_types",
            "report", "report_types");

    private Stix20Upgrader() {
    }

    /**
     * True when the object is STIX 2.0: a 2.1 domain, relationship or marking object always
     * carries {@code spec_version}, a 2.0 one never does.
     */
    public static boolean isStix20(ObjectNode object) {
        if (object.has("spec_version")) {
            return "2.0".equals(object.path("spec_version").asText());
        }
        String type = object.path("type").asText("");
        return !StixTypes.isObservable(type) && object.has("created");
    }

    public static void upgrade(ObjectNode object) {
        String type = object.path("type").asText("");
        object.put("spec_version", "2.1");
        String typesProperty = LABELS_BECOME.get(type);
        if (typesProperty != null && object.get("labels") instanceof ArrayNode labels) {
            ArrayNode kept = labels.deepCopy().removeAll();
            for (JsonNode label : labels) {
                if (!label.asText().equals(type)) {
                    kept.add(label);
                }
            }
            object.remove("labels");
            if (!kept.isEmpty() && !object.has(typesProperty)) {
                object.set(typesProperty, kept);
            }
        }
        if ("malware".equals(type) && !object.has("is_family")) {
            object.put("is_family", true);
        }
        if ("indicator".equals(type) && !object.has("pattern_type")) {
            object.put("pattern_type", "stix");
        }
    }
}
