package org.sightline.ingest.misp.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.ingest.misp.GalaxyClusters;
import org.sightline.stix.StixTypes;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;
import org.sightline.store.names.NameKey;

/**
 * The galaxy clusters a MISP event or attribute is tagged with, as the STIX objects they stand for:
 * the actor, malware, tool or technique already in the store when one matches (by the cluster's
 * uuid, its ATT&CK id, or its name), or a new one made from the cluster. Clusters of other galaxies
 * (guidelines, sectors …) stay labels.
 */
final class GalaxyLinks {
    private static final Pattern ATTACK_ID = Pattern.compile("\\s+-\\s+([GSTC]\\d{4}(?:\\.\\d{3})?)$");
    private static final Set<String> ACTOR_TYPES = Set.of("intrusion-set", "threat-actor", "campaign");
    private static final Set<String> MALWARE_GALAXIES = Set.of("mitre-malware", "malpedia", "ransomware", "banker", "rat",
            "backdoor", "stealer", "android", "botnet", "exploit-kit", "mitre-mobile-attack-malware", "tds", "cryptominers");

    /** What kind of STIX object a galaxy's clusters are. */
    enum Kind {
        ACTOR(ACTOR_TYPES), MALWARE(Set.of("malware")), TOOL(Set.of("tool")), ATTACK_PATTERN(Set.of("attack-pattern")), LABEL(Set.of());

        final Set<String> types;

        Kind(Set<String> types) {
            this.types = types;
        }

        static Kind of(String galaxyType) {
            String type = galaxyType.toLowerCase(Locale.ROOT);
            if (type.contains("intrusion-set") || type.contains("threat-actor") || type.contains("activity-group")) {
                return ACTOR;
            }
            if (type.contains("attack-pattern")) {
                return ATTACK_PATTERN;
            }
            if (type.contains("tool")) {
                return TOOL;
            }
            return MALWARE_GALAXIES.contains(type) || type.contains("malware") ? MALWARE : LABEL;
        }
    }

    /** A cluster as linked: the object id and its kind, or a label. */
    record Link(String objectId, Kind kind, String label) {
    }

    private final StixStore store;
    private final String timestamp;
    private final Map<String, ObjectNode> created = new LinkedHashMap<>();

    GalaxyLinks(StixStore store, String timestamp) {
        this.store = store;
        this.timestamp = timestamp;
    }

    /** Objects made from clusters that matched nothing in the store, to be written with the event. */
    List<ObjectNode> created() {
        return new ArrayList<>(created.values());
    }

    List<Link> of(JsonNode item) {
        List<Link> links = new ArrayList<>();
        for (JsonNode galaxy : item.path("Galaxy")) {
            String galaxyType = galaxy.path("type").asText("");
            Kind kind = Kind.of(galaxyType);
            java.util.Map<String, Long> uuids = new java.util.HashMap<>();
            galaxy.path("GalaxyCluster").forEach(c -> uuids.merge(c.path("uuid").asText(""), 1L, Long::sum));
            for (JsonNode listed : galaxy.path("GalaxyCluster")) {
                String value = listed.path("value").asText("");
                JsonNode cluster = listed;
                if (uuids.getOrDefault(listed.path("uuid").asText(""), 0L) > 1) {
                    // Older MISP exports give every cluster the galaxy's uuid: then it names no cluster, the value does.
                    ObjectNode copy = listed.deepCopy();
                    copy.put("uuid", org.sightline.stix.StixId.uuid5("misp-cluster:" + galaxyType + ":" + value).toString());
                    cluster = copy;
                }
                if (value.isBlank()) {
                    continue;
                }
                if (kind == Kind.LABEL) {
                    links.add(new Link(null, kind, "misp-galaxy:" + galaxyType + "=\"" + value + "\""));
                } else {
                    links.add(new Link(resolve(cluster, galaxyType, kind), kind, null));
                }
            }
        }
        return links;
    }

    private String resolve(JsonNode cluster, String galaxyType, Kind kind) {
        String uuid = cluster.path("uuid").asText("");
        String value = cluster.path("value").asText();
        Matcher attack = ATTACK_ID.matcher(value);
        String externalId = attack.find() ? attack.group(1) : cluster.path("meta").path("external_id").path(0).asText(null);
        String name = attack.reset().find() ? value.substring(0, attack.start()) : value;
        if (!uuid.isEmpty()) {
            // ATT&CK's own object (a mitre-* galaxy tags it by ATT&CK's UUID) before the galaxy's copy of it
            for (String stixUuid : new java.util.LinkedHashSet<>(List.of(GalaxyClusters.stixUuid(uuid),
                    GalaxyClusters.objectUuid(galaxyType, uuid)))) {
                for (String type : kind.types) {
                    if (created.containsKey(type + "--" + stixUuid) || store.current(type + "--" + stixUuid).isPresent()) {
                        return type + "--" + stixUuid;
                    }
                }
            }
        }
        if (externalId != null) {
            Optional<String> known = store.findByExternalId(externalId).stream().map(StixStore.ExternalId::objectId)
                    .filter(id -> kind.types.contains(StixTypes.typeOf(id))).findFirst();
            if (known.isPresent()) {
                return known.get();
            }
        }
        Optional<String> named = store.findByNameKey(NameKey.of(name), kind.types).stream()
                .filter(match -> !match.deprecated())
                .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .map(StixStore.NameMatch::objectId).findFirst();
        return named.orElseGet(() -> create(cluster, galaxyType, kind, name, externalId));
    }

    private String create(JsonNode cluster, String galaxyType, Kind kind, String name, String externalId) {
        ObjectNode object;
        if (kind == Kind.ACTOR) {
            object = GalaxyClusters.actor(cluster, galaxyType, timestamp);
        } else {
            String type = kind.types.iterator().next();
            String uuid = cluster.path("uuid").asText("");
            String id = type + "--" + (uuid.isEmpty() ? org.sightline.stix.StixId.uuid5("misp-cluster:" + galaxyType + ":" + name)
                    : GalaxyClusters.stixUuid(uuid));
            object = StixJson.newObject(type, id, timestamp);
            object.put("name", name);
            if (kind == Kind.MALWARE) {
                object.put("is_family", true);
            }
            if (cluster.hasNonNull("description") && !cluster.get("description").asText().isBlank()) {
                object.put("description", cluster.get("description").asText());
            }
            var references = object.putArray("external_references");
            references.addObject().put("source_name", "misp-galaxy:" + galaxyType).put("external_id", uuid.isEmpty() ? name : uuid);
            if (externalId != null) {
                references.addObject().put("source_name", "mitre-attack").put("external_id", externalId);
            }
        }
        created.putIfAbsent(object.get("id").asText(), object);
        return object.get("id").asText();
    }
}
