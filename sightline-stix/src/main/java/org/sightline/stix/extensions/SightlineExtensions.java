package org.sightline.stix.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sightline.stix.StixId;
import org.sightline.stix.json.StixJson;

/**
 * Sightline's own concepts, carried as STIX 2.1 property extensions (§7.3) so that any STIX consumer
 * reads the objects and simply skips what it does not know:
 * <ul>
 *   <li>{@link #CLAIM} on a relationship: the relationship is an attribution claim with a status
 *       (open, confirmed, refuted), and, once resolved, who resolved it, when and with what;</li>
 *   <li>{@link #EVIDENCE} on a note: the note is an evidence item for or against the claims in its
 *       {@code object_refs}, with its kind, source, Admiralty grade, origin, dates and artifact hash;</li>
 *   <li>{@link #SOURCE} on an identity: the reliability an analyst grades the source at before any
 *       track record;</li>
 *   <li>{@link #ACH} on a grouping: an analysis of competing hypotheses, with its question,
 *       hypotheses and the ratings of evidence items against them;</li>
 *   <li>{@link #SUPPLIES} on a "supplies" relationship from a supplier to its customer: the service
 *       type, the access it grants and its criticality; and on a "targets" relationship, the service
 *       types an actor goes after;</li>
 *   <li>{@link #LIST_ENTRY} on an identity imported from a sanctions or indictment list: the list, its
 *       date, the entry, the names, dates, identifiers and programmes it gives;</li>
 *   <li>{@link #LINK} on a "same-actor" relationship: how the link was made (method, score, reason);</li>
 *   <li>{@link #SIGHTING} on a sighting: how it was found (live, or by a retro-hunt over kept logs)
 *       and whether an analyst marked it a false positive.</li>
 * </ul>
 * The extension-definition objects are fixed (ids derived from their names, fixed timestamps), so
 * every Sightline writes the same ones; docs/extensions.md is their normative text.
 */
public final class SightlineExtensions {
    public static final String CLAIM = StixId.deterministic("extension-definition", "sightline-claim");
    public static final String EVIDENCE = StixId.deterministic("extension-definition", "sightline-evidence");
    public static final String SOURCE = StixId.deterministic("extension-definition", "sightline-source");
    public static final String ACH = StixId.deterministic("extension-definition", "sightline-ach");
    public static final String SUPPLIES = StixId.deterministic("extension-definition", "sightline-supplies");
    public static final String LIST_ENTRY = StixId.deterministic("extension-definition", "sightline-list-entry");
    public static final String LINK = StixId.deterministic("extension-definition", "sightline-link");
    public static final String SIGHTING = StixId.deterministic("extension-definition", "sightline-sighting");
    /**
     * Stores written before these two were extensions (December 2026) hold them as custom properties;
     * {@link #of} still reads those.
     */
    private static final java.util.Map<String, String> EARLIER_PROPERTIES = java.util.Map.of(
            LIST_ENTRY, "x_sightline_list_entry", LINK, "x_sightline_link");
    /** The identity that defines Sightline's extensions. */
    public static final String SIGHTLINE = StixId.deterministic("identity", "sightline-project");

    private static final String DEFINED = "2026-11-27T00:00:00.000Z";
    /** STIX allows the schema to be plain text; the normative text ships with the product. */
    private static final String SCHEMA = "Defined in docs/extensions.md of the Sightline distribution, section ";

    private SightlineExtensions() {
    }

    /** The identity and the extension-definition objects, ready to store or to put in a bundle. */
    public static List<ObjectNode> definitions() {
        ObjectNode sightline = StixJson.newObject("identity", SIGHTLINE, DEFINED);
        sightline.put("name", "Sightline");
        sightline.put("identity_class", "system");
        sightline.put("description", "The Sightline threat-intelligence platform, which defines the claim, evidence, source, ACH, supplies, list-entry, link and sighting extensions.");
        return List.of(sightline,
                definition(CLAIM, "Sightline claim", "claim",
                        "An attribution claim: status (open, confirmed, refuted) and its resolution."),
                definition(EVIDENCE, "Sightline evidence", "evidence",
                        "An evidence item for or against claims: kind, source, Admiralty grade, origin, dates, artifact hash."),
                definition(SOURCE, "Sightline source", "source",
                        "A source's analyst-graded Admiralty reliability before any track record."),
                definition(ACH, "Sightline ACH", "ach",
                        "An analysis of competing hypotheses: question, hypotheses, consistency ratings of evidence."),
                definition(SUPPLIES, "Sightline supplies", "supplies",
                        "A supplier's service to a customer: service type, access level, criticality; service types targeted."),
                definition(LIST_ENTRY, "Sightline list entry", "list-entry",
                        "An identity's entry on a sanctions or indictment list: list, date, names, identifiers, programmes."),
                definition(LINK, "Sightline same-actor link", "link",
                        "How a same-actor link between two actor objects was made: method, score, reason."),
                definition(SIGHTING, "Sightline sighting", "sighting",
                        "How a sighting was found (live or by a retro-hunt over kept logs) and whether it was marked a false positive."));
    }

    private static ObjectNode definition(String id, String name, String anchor, String description) {
        ObjectNode definition = StixJson.newObject("extension-definition", id, DEFINED);
        definition.put("created_by_ref", SIGHTLINE);
        definition.put("name", name);
        definition.put("description", description);
        definition.put("schema", SCHEMA + anchor);
        definition.put("version", "1.0.0");
        definition.putArray("extension_types").add("property-extension");
        return definition;
    }

    /** The object's body of the extension, or a missing node when it does not carry it. */
    public static JsonNode of(JsonNode object, String extension) {
        JsonNode body = object.path("extensions").path(extension);
        String earlier = EARLIER_PROPERTIES.get(extension);
        return body.isMissingNode() && earlier != null ? object.path(earlier) : body;
    }

    /** True when the object carries the extension. */
    public static boolean has(JsonNode object, String extension) {
        return of(object, extension).isObject();
    }

    /** Adds the extension's body to the object (a property extension) and returns it for filling in. */
    public static ObjectNode put(ObjectNode object, String extension) {
        ObjectNode extensions = object.has("extensions") ? (ObjectNode) object.get("extensions") : object.putObject("extensions");
        ObjectNode body = extensions.putObject(extension);
        body.put("extension_type", "property-extension");
        return body;
    }
}
