package org.sightline.ingest.misp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixId;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;

/**
 * MISP galaxy cluster files (threat-actor, mitre-intrusion-set, microsoft-activity-group …) as STIX
 * 2.1 objects: intrusion sets, or threat actors where the cluster is one person or organisation, or
 * campaigns where MISP classifies it as one (see {@link ClusterKind}). Every fact MISP holds is kept: synonyms become aliases; who coined which name
 * ({@code name-attribution}, {@code origin:NAME}), country, CFR's suspected state sponsor, target
 * categories, victims and incident type, the attribution confidence and the related clusters become
 * {@code x_misp_*} properties; refs become external references.
 *
 * <p>The cluster's UUID is the object's UUID (for the mitre-* galaxies, one derived from it: see
 * {@link #objectUuid}), so re-importing a galaxy is a no-op, and the galaxy's
 * version orders versions: version N is written as modified = 2000-01-01T00:00:00Z + N seconds, so
 * that a newer galaxy release makes newer versions without any clock involved.
 */
public final class GalaxyClusters {
    private static final Instant VERSION_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    private static final Set<String> KNOWN_META = Set.of("synonyms", "refs", "name-attribution", "country",
            "cfr-suspected-state-sponsor", "cfr-target-category", "cfr-suspected-victims", "cfr-type-of-incident",
            "attribution-confidence", "external_id");

    private GalaxyClusters() {
    }

    /**
     * Looks at the start of a file for the shape of a galaxy cluster file: a top-level object whose
     * fields include "values" and "authors" or "category", and no "objects". {@code head}: the
     * file's first bytes, uncompressed.
     */
    public static boolean looksLikeGalaxy(byte[] head) {
        {
            boolean values = false;
            boolean galaxyField = false;
            try (com.fasterxml.jackson.core.JsonParser parser = StixJson.factory().createParser(head)) {
                if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    return false;
                }
                while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    if (field.equals("objects")) {
                        return false;
                    }
                    values |= field.equals("values") || field.equals("namespace");
                    galaxyField |= field.equals("authors") || field.equals("category") || field.equals("icon");
                    if (values && galaxyField) {
                        return true;
                    }
                    parser.nextToken();
                    parser.skipChildren();
                }
            } catch (java.io.IOException truncated) {
                // the 64 KB ended inside the document: decide on what was seen
            }
            return values && galaxyField;
        }
    }

    /** True when the document is a MISP galaxy cluster file rather than STIX. */
    public static boolean isGalaxy(JsonNode document) {
        return document.isObject() && document.path("values").isArray() && document.has("uuid")
                && document.has("type") && !"bundle".equals(document.path("type").asText());
    }

    /** The STIX objects for every cluster of the file. */
    public static List<ObjectNode> toStix(JsonNode galaxy, String source) {
        String galaxyType = galaxy.path("type").asText();
        long version = galaxy.path("version").asLong(0);
        String timestamp = StixTimestamp.format(VERSION_EPOCH.plusSeconds(version));
        List<ObjectNode> objects = new ArrayList<>();
        int index = 0;
        for (JsonNode cluster : galaxy.path("values")) {
            String uuid = cluster.path("uuid").asText("");
            String name = cluster.path("value").asText("");
            if (name.isBlank() || uuid.isBlank()) {
                throw new InvalidInputException(source + ": cluster " + index + " ('" + name + "') has no name or no uuid");
            }
            objects.add(actor(cluster, galaxyType, timestamp));
            index++;
        }
        return objects;
    }

    /**
     * STIX 2.1 identifiers take RFC 4122 UUIDs (versions 1 to 5). Newer galaxy clusters use UUIDv7;
     * those get a name-based UUID (v5) derived from theirs, and keep the original in x_misp_uuid.
     */
    public static String stixUuid(String uuid) {
        if (StixId.isValid("intrusion-set--" + uuid)) {
            return uuid;
        }
        return StixId.uuid5("misp-galaxy-cluster:" + uuid).toString();
    }

    /**
     * The UUID of the object a cluster becomes. The mitre-* galaxies copy ATT&CK under ATT&CK's own
     * UUIDs; as versions of ATT&CK's objects their clusters would shadow them or be shadowed (and the
     * aliases the galaxy added since, "NastyShrew" for Gamaredon, lost), so each is an object of its
     * own, with a UUID derived from the galaxy and ATT&CK's, that the actor linker joins to ATT&CK's.
     */
    public static String objectUuid(String galaxyType, String uuid) {
        if (galaxyType.startsWith("mitre-")) {
            return StixId.uuid5("misp-galaxy-cluster:" + galaxyType + ":" + uuid).toString();
        }
        return stixUuid(uuid);
    }

    /** One actor cluster (from a galaxy file or a MISP event's Galaxy) as an intrusion set, threat actor or campaign. */
    public static ObjectNode actor(JsonNode cluster, String galaxyType, String timestamp) {
        String uuid = cluster.path("uuid").asText("");
        ObjectNode object = actor(cluster, ClusterKind.of(cluster), galaxyType, objectUuid(galaxyType, uuid),
                cluster.path("value").asText(), timestamp);
        object.put("x_misp_uuid", uuid);
        return object;
    }

    /** A galaxy definition file (name, namespace, icon; no clusters): nothing to import. */
    public static boolean isGalaxyDefinition(JsonNode document) {
        return document.isObject() && document.has("namespace") && document.has("uuid") && !document.has("values")
                && !document.has("spec_version") && !document.has("objects");
    }

    private static ObjectNode actor(JsonNode cluster, ClusterKind kind, String galaxyType, String uuid, String name,
                                    String timestamp) {
        JsonNode meta = cluster.path("meta");
        ObjectNode object = StixJson.newObject(kind.stixType(), kind.stixType() + "--" + uuid, timestamp);
        object.put("name", name);
        if (cluster.hasNonNull("description")) {
            object.put("description", cluster.get("description").asText());
        }
        ArrayNode aliases = object.putArray("aliases");
        aliases.add(name);
        for (JsonNode synonym : meta.path("synonyms")) {
            if (!synonym.asText().equals(name)) {
                aliases.add(synonym.asText());
            }
        }
        ArrayNode references = object.putArray("external_references");
        references.addObject().put("source_name", "misp-galaxy:" + galaxyType).put("external_id", uuid);
        for (JsonNode ref : meta.path("refs")) {
            references.addObject().put("source_name", "misp-galaxy:" + galaxyType + " reference").put("url", ref.asText());
        }
        if (kind.resourceLevel() != null) {
            object.putArray("threat_actor_types").add(kind.threatActorType());
            object.put("resource_level", kind.resourceLevel());
        }
        object.put("x_misp_galaxy", galaxyType);
        ArrayNode attribution = object.putArray("x_misp_name_attribution");
        for (JsonNode entry : meta.path("name-attribution")) {
            String text = entry.asText();
            int colon = text.lastIndexOf(':');
            ObjectNode named = attribution.addObject();
            named.put("name", colon < 0 ? text : text.substring(0, colon));
            if (colon >= 0) {
                named.put("attribution_uuid", text.substring(colon + 1));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = meta.fields();
        ObjectNode origins = StixJson.newObject();
        ObjectNode other = StixJson.newObject();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (key.startsWith("origin:")) {
                origins.set(key.substring("origin:".length()), field.getValue());
            } else if (KNOWN_META.contains(key)) {
                if (!key.equals("synonyms") && !key.equals("refs") && !key.equals("name-attribution")) {
                    object.set("x_misp_" + key.replace('-', '_'), field.getValue());
                }
            } else {
                other.set(key, field.getValue());
            }
        }
        if (!origins.isEmpty()) {
            object.set("x_misp_name_origin", origins);
        }
        if (!other.isEmpty()) {
            object.set("x_misp_meta", other);
        }
        ArrayNode related = object.putArray("x_misp_related");
        for (JsonNode relation : cluster.path("related")) {
            ObjectNode link = related.addObject();
            link.put("dest_uuid", relation.path("dest-uuid").asText());
            link.put("type", relation.path("type").asText());
            for (JsonNode tag : relation.path("tags")) {
                String text = tag.asText();
                if (text.startsWith("estimative-language:likelihood-probability=")) {
                    link.put("likelihood", text.substring(text.indexOf('=') + 1).replace("\"", ""));
                }
            }
        }
        return object;
    }
}
