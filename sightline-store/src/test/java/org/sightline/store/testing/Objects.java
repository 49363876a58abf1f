package org.sightline.store.testing;

import org.sightline.stix.StixObject;

/** Small STIX objects for store tests, written the way producers write them. */
public final class Objects {
    public static final String MENUPASS = "intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f";
    public static final String TECHNIQUE = "attack-pattern--2b742742-28c3-4e1b-bab7-8350d6300fa7";
    public static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

    private Objects() {
    }

    public static StixObject intrusionSet(String id, String modified, String name, String... aliases) {
        StringBuilder json = new StringBuilder("{\"type\":\"intrusion-set\",\"spec_version\":\"2.1\",\"id\":\"" + id
                + "\",\"created\":\"2017-05-31T21:31:43.540Z\",\"modified\":\"" + modified + "\",\"name\":\"" + name
                + "\",\"description\":\"" + name + " is a threat group that targets managed service providers.\""
                + ",\"object_marking_refs\":[\"" + GREEN + "\"]"
                + ",\"external_references\":[{\"source_name\":\"mitre-attack\",\"external_id\":\"G0045\"}]"
                + ",\"x_vendor_score\":1.50");
        json.append(",\"aliases\":[");
        for (int i = 0; i < aliases.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(aliases[i]).append('"');
        }
        json.append("]}");
        return StixObject.parse(json.toString());
    }

    public static StixObject revoked(StixObject object, String modified) {
        var json = object.json().deepCopy();
        json.put("modified", modified);
        json.put("revoked", true);
        return new StixObject(json);
    }

    public static StixObject uses(String id, String source, String target) {
        return StixObject.parse("{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"" + id
                + "\",\"created\":\"2020-01-01T00:00:00.000Z\",\"modified\":\"2020-01-01T00:00:00.000Z\","
                + "\"relationship_type\":\"uses\",\"source_ref\":\"" + source + "\",\"target_ref\":\"" + target + "\"}");
    }
}
