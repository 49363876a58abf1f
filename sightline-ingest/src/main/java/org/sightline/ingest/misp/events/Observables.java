package org.sightline.ingest.misp.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sightline.stix.StixId;
import org.sightline.stix.json.StixJson;

/**
 * What one MISP attribute or object says in STIX: the cyber observables it names and the pattern that
 * detects them (each comparison joined with AND, as MISP's own converter writes it). The first
 * observable is the main one.
 */
record Observables(List<ObjectNode> objects, List<String> comparisons) {

    Observables() {
        this(new ArrayList<>(), new ArrayList<>());
    }

    boolean isEmpty() {
        return objects.isEmpty();
    }

    String pattern() {
        return comparisons.isEmpty() ? null : "[" + String.join(" AND ", comparisons) + "]";
    }

    /** A new observable of the type, with the id MISP's converter gives it: {@code type--<MISP uuid>}. */
    ObjectNode add(String type, String mispUuid) {
        ObjectNode sco = StixJson.newObject();
        sco.put("type", type);
        sco.put("spec_version", "2.1");
        sco.put("id", type + "--" + stixUuid(mispUuid));
        objects.add(sco);
        return sco;
    }

    void compare(String path, String value) {
        comparisons.add(path + " = " + quote(value));
    }

    void compareNumber(String path, long value) {
        comparisons.add(path + " = " + value);
    }

    /** A STIX pattern string literal: backslashes and quotes escaped. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The STIX UUID for a MISP one: itself when STIX accepts it, else a v5 UUID derived from it. */
    static String stixUuid(String mispUuid) {
        String lower = mispUuid.toLowerCase(Locale.ROOT);
        return StixId.isValid("indicator--" + lower) ? lower : StixId.uuid5("misp:" + lower).toString();
    }
}
