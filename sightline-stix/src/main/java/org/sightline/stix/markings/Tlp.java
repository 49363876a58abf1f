package org.sightline.stix.markings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Optional;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;

/**
 * Traffic Light Protocol levels, TLP 2.0 (FIRST), with the STIX marking-definition objects that
 * publish them. TLP 2.0 markings are defined through OASIS's TLP 2.0 extension; the TLP 1.0
 * markings predefined by STIX 2.1 §7.2.1.4 map onto the same levels (WHITE is CLEAR).
 */
public enum Tlp {
    CLEAR("clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "white"),
    GREEN("green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "green"),
    AMBER("amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "amber"),
    AMBER_STRICT("amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", null, null),
    RED("red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red");

    /** The extension-definition through which every TLP 2.0 marking declares its level. */
    public static final String TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    private static final String TLP2_CREATED = "2022-10-01T00:00:00.000Z";
    private static final String TLP1_CREATED = "2017-01-20T00:00:00.000Z";

    private final String tlp2Value;
    private final String tlp2Id;
    private final String tlp1Id;
    private final String tlp1Value;

    Tlp(String tlp2Value, String tlp2Id, String tlp1Id, String tlp1Value) {
        this.tlp2Value = tlp2Value;
        this.tlp2Id = tlp2Id;
        this.tlp1Id = tlp1Id;
        this.tlp1Value = tlp1Value;
    }

    /** The TLP 2.0 marking-definition id. */
    public String markingId() {
        return tlp2Id;
    }

    /** The label as TLP 2.0 writes it: {@code TLP:AMBER+STRICT}. */
    public String label() {
        return "TLP:" + tlp2Value.toUpperCase(java.util.Locale.ROOT);
    }

    /** The level a marking-definition id stands for, TLP 1.0 or 2.0. */
    public static Optional<Tlp> ofMarkingId(String markingId) {
        return Arrays.stream(values())
                .filter(t -> t.tlp2Id.equals(markingId) || markingId.equals(t.tlp1Id))
                .findFirst();
    }

    public static boolean isTlp1Id(String markingId) {
        return Arrays.stream(values()).anyMatch(t -> markingId.equals(t.tlp1Id));
    }

    public static boolean isTlp2Id(String markingId) {
        return Arrays.stream(values()).anyMatch(t -> t.tlp2Id.equals(markingId));
    }

    /** The published TLP 2.0 marking-definition object for this level. */
    public StixObject tlp2Definition() {
        ObjectNode json = StixJson.newObject();
        json.put("type", "marking-definition");
        json.put("spec_version", "2.1");
        json.put("id", tlp2Id);
        json.put("created", TLP2_CREATED);
        json.put("name", label());
        ObjectNode extension = json.putObject("extensions").putObject(TLP2_EXTENSION_ID);
        extension.put("extension_type", "property-extension");
        extension.put("tlp_2_0", tlp2Value);
        return new StixObject(json);
    }

    /** The predefined STIX 2.1 TLP 1.0 marking-definition object, where this level has one. */
    public Optional<StixObject> tlp1Definition() {
        if (tlp1Id == null) {
            return Optional.empty();
        }
        ObjectNode json = StixJson.newObject();
        json.put("type", "marking-definition");
        json.put("spec_version", "2.1");
        json.put("id", tlp1Id);
        json.put("created", TLP1_CREATED);
        json.put("definition_type", "tlp");
        json.put("name", "TLP:" + tlp1Value.toUpperCase(java.util.Locale.ROOT));
        json.putObject("definition").put("tlp", tlp1Value);
        return Optional.of(new StixObject(json));
    }

    /**
     * The TLP level a user names: {@code amber}, {@code TLP:AMBER+STRICT}, {@code white} (TLP 1.0 for
     * CLEAR), any case.
     */
    public static Tlp parse(String level) {
        String value = level == null ? "" : level.trim().toLowerCase(java.util.Locale.ROOT).replace("tlp:", "");
        for (Tlp tlp : values()) {
            if (tlp.tlp2Value.equals(value) || value.equals(tlp.tlp1Value)) {
                return tlp;
            }
        }
        throw new org.sightline.error.InvalidInputException("'" + level
                + "' is not a TLP 2.0 level: clear, green, amber, amber+strict, red");
    }

    /**
     * The most restrictive TLP level an object carries, in its object markings or any granular
     * marking; CLEAR when it carries none. A granular marking restricts the whole object here: a
     * reader who may not see part of an object is not shown the object (the safe reading).
     */
    public static Tlp highestOn(com.fasterxml.jackson.databind.JsonNode object) {
        Tlp highest = CLEAR;
        for (com.fasterxml.jackson.databind.JsonNode ref : object.path("object_marking_refs")) {
            highest = higher(highest, ref.asText());
        }
        for (com.fasterxml.jackson.databind.JsonNode granular : object.path("granular_markings")) {
            highest = higher(highest, granular.path("marking_ref").asText());
        }
        return highest;
    }

    private static Tlp higher(Tlp current, String markingId) {
        return ofMarkingId(markingId).filter(level -> level.compareTo(current) > 0).orElse(current);
    }

    /** The clearance a reader has under two limits at once (a token's and a collection's, say): the lower. */
    public Tlp narrowedTo(Tlp other) {
        return other.compareTo(this) < 0 ? other : this;
    }

    /** True when a reader cleared to this level may see something marked {@code marking}. */
    public boolean allows(Tlp marking) {
        return marking.compareTo(this) <= 0;
    }

    /** The TLP 2.0 value as the extension writes it ({@code amber+strict}). */
    public String tlp2Value() {
        return tlp2Value;
    }

    /** The TLP 1.0 value ({@code white}) or null for AMBER+STRICT, which TLP 1.0 lacks. */
    public String tlp1Value() {
        return tlp1Value;
    }
}
