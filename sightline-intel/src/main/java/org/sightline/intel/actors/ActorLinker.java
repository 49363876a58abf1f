package org.sightline.intel.actors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.stix.StixId;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.Versions;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;
import org.sightline.store.intake.Intake;
import org.sightline.store.names.NameKey;

/**
 * Records that two actor objects are the same actor, as STIX relationships of type
 * {@code same-actor} carrying their method, source and score. Never a merge: both objects stay
 * as their sources wrote them, and {@link #unlink} revokes a link (a new, revoked version) so
 * the history shows who linked what and who undid it.
 *
 * <p>Automatic links, strongest first: a mitre-* galaxy's copy of an ATT&CK group; a MISP cluster's
 * "related" entry ("similar", "same-as", "revoked-by") naming the object's UUID; an ATT&CK group id
 * (G0045) among a cluster's names; two objects that each list the other's canonical name (when
 * exactly one answers); the same canonical name. A name merely shared as an alias is never a link: "Grizzly Steppe" names APT28 and APT29
 * alike. A link is a claim, not a merge: {@link ActorClusters} refuses to follow one that would make
 * two of one source's entries one actor.
 */
public final class ActorLinker {
    public static final String SAME_ACTOR = "same-actor";
    private static final Pattern ATTACK_GROUP = Pattern.compile("^G\\d{4}$");
    private static final Pattern ATTACK_GROUP_PAGE = Pattern.compile("^https?://attack\\.mitre\\.org/groups/(G\\d{4})/?$");
    /**
     * The galaxy relations that say two clusters are one actor; "overlaps", "linked-to" or "uses"
     * between two actors says they are two that touch.
     */
    private static final Set<String> IDENTITY_RELATIONS = Set.of("similar", "same-as", "revoked-by");
    private static final Map<String, Double> LIKELIHOOD = Map.of("almost-certain", 0.95, "very-likely", 0.9,
            "likely", 0.8, "roughly-even-chance", 0.5, "unlikely", 0.2);

    /**
     * Groups and the persons or organisations behind them can be one actor under two names; a campaign
     * is something an actor did, so it is attributed to one, never linked as the same.
     */
    private static final Set<String> LINKABLE = Set.of("intrusion-set", "threat-actor");

    private final StixStore store;

    public ActorLinker(StixStore store) {
        this.store = store;
    }

    /** What a linking pass did. */
    public record LinkReport(int created, int alreadyKnown) {
    }

    /** After a write: when it brought actors, the "same actor" links their sources state. Returns how many links it made. */
    public int linkAfterImport(Set<String> importedTypes) {
        return importedTypes.stream().anyMatch(LINKABLE::contains) ? linkAll().created() : 0;
    }

    /**
     * Wires linking into a store's intake as its after-write step: whatever way actors come in
     * (import, the web upload, TAXII POST or pull), the links their sources state are made.
     */
    public static void linkOnWrite(Intake intake) {
        intake.afterWrite("same-actor links", added -> new ActorLinker(intake.store()).linkAfterImport(added.keySet()));
    }

    /** Links every intrusion set the rules above connect; links already recorded (or revoked) are left alone. */
    public LinkReport linkAll() {
        List<StixObject> actors = new ArrayList<>();
        store.forEachCurrent(new StixStore.ObjectQuery(LINKABLE, Set.of(), false), actors::add);
        Map<String, StixObject> byId = new HashMap<>();
        Map<String, String> byMispUuid = new HashMap<>();
        Map<String, String> byAttackId = new HashMap<>();
        Map<String, List<String>> byCanonicalName = new HashMap<>();
        for (StixObject actor : actors) {
            byId.put(actor.id(), actor);
            // a galaxy's "related" names a cluster by its MISP UUID: ATT&CK's own for the mitre-* galaxies
            byMispUuid.putIfAbsent(uuidOf(actor.id()), actor.id());
            actor.externalId("mitre-attack").ifPresent(id -> byAttackId.put(id, actor.id()));
            byCanonicalName.computeIfAbsent(NameKey.of(actor.name()), k -> new ArrayList<>()).add(actor.id());
        }
        for (StixObject actor : actors) {
            // the others keep theirs in x_misp_uuid; an object whose own UUID it is (ATT&CK's) answers first
            if (actor.text("x_misp_uuid") != null) {
                byMispUuid.putIfAbsent(actor.text("x_misp_uuid"), actor.id());
            }
        }
        List<ObjectNode> links = new ArrayList<>();
        int known = 0;
        for (StixObject actor : actors) {
            Map<String, ObjectNode> proposed = new HashMap<>();
            // a mitre-* galaxy's copy of an ATT&CK group, under ATT&CK's UUID, is that group
            String copied = actor.text("x_misp_uuid") == null ? null : byMispUuid.get(actor.text("x_misp_uuid"));
            if (copied != null && !copied.equals(actor.id())) {
                proposed.put(copied, link(actor.id(), copied, "misp-copy", 0.99, "MISP galaxy " + actor.text("x_misp_galaxy")
                        + " copies '" + byId.get(copied).name() + "' under its UUID"));
            }
            // Anyone's actor that cites an ATT&CK group's page as its own is that group (the demo's APT10 cites G0045).
            for (JsonNode reference : actor.json().path("external_references")) {
                Matcher page = ATTACK_GROUP_PAGE.matcher(reference.path("url").asText(""));
                String target = page.find() ? byAttackId.get(page.group(1)) : null;
                if (target != null && !target.equals(actor.id()) && actor.externalId("mitre-attack").isEmpty()) {
                    proposed.putIfAbsent(target, link(actor.id(), target, "attack-reference", 0.95,
                            "'" + actor.name() + "' cites ATT&CK group " + page.group(1) + " as itself"));
                }
            }
            if (!actor.has("x_misp_galaxy")) {
                known += recordNew(proposed, links);
                continue;
            }
            for (JsonNode related : actor.json().path("x_misp_related")) {
                if (!IDENTITY_RELATIONS.contains(related.path("type").asText())) {
                    continue;
                }
                String target = byMispUuid.get(related.path("dest_uuid").asText());
                if (target != null && !target.equals(actor.id())) {
                    double score = LIKELIHOOD.getOrDefault(related.path("likelihood").asText(""), 0.7);
                    proposed.putIfAbsent(target, link(actor.id(), target, "misp-related", score,
                            "MISP galaxy " + actor.text("x_misp_galaxy") + ": '" + related.path("type").asText() + "' ("
                                    + related.path("likelihood").asText("no likelihood given") + ")"));
                }
            }
            List<String> names = new ArrayList<>(actor.strings("aliases"));
            if (actor.text("x_misp_external_id") != null) {
                names.add(actor.text("x_misp_external_id"));
            }
            for (String name : names) {
                String target = ATTACK_GROUP.matcher(name).matches() ? byAttackId.get(name) : null;
                if (target != null && !target.equals(actor.id())) {
                    proposed.putIfAbsent(target, link(actor.id(), target, "attack-id", 0.95,
                            "MISP galaxy " + actor.text("x_misp_galaxy") + " names ATT&CK group " + name));
                }
            }
            // Two sources that each list the other's canonical name describe one actor; only when exactly one
            // object answers, so that an umbrella name cannot pull two actors together.
            List<String> mutual = new ArrayList<>();
            Set<String> ownAliases = new java.util.HashSet<>();
            actor.strings("aliases").forEach(alias -> ownAliases.add(NameKey.of(alias)));
            ownAliases.remove(NameKey.of(actor.name())); // its own name is the same-name rule's business, below
            for (String alias : ownAliases) {
                for (String target : byCanonicalName.getOrDefault(alias, List.of())) {
                    StixObject other = byId.get(target);
                    if (!target.equals(actor.id()) && !mutual.contains(target) && other.strings("aliases").stream()
                            .anyMatch(a -> NameKey.of(a).equals(NameKey.of(actor.name())))) {
                        mutual.add(target);
                    }
                }
            }
            if (mutual.size() == 1) {
                proposed.putIfAbsent(mutual.get(0), link(actor.id(), mutual.get(0), "mutual-names", 0.85,
                        "'" + actor.name() + "' and '" + byId.get(mutual.get(0)).name() + "' each list the other's name"));
            }
            // The same canonical name in ATT&CK, or in another galaxy (Microsoft's "Pink Sandstorm" in its own
            // galaxy and in the threat-actor galaxy), is the same actor; within one galaxy it would be a duplicate.
            for (String target : byCanonicalName.getOrDefault(NameKey.of(actor.name()), List.of())) {
                StixObject other = byId.get(target);
                boolean recordedFromTheOtherSide = other.has("x_misp_galaxy") && actor.id().compareTo(target) > 0;
                if (!target.equals(actor.id()) && !actor.text("x_misp_galaxy").equals(other.text("x_misp_galaxy"))
                        && !recordedFromTheOtherSide) {
                    proposed.putIfAbsent(target, link(actor.id(), target, "same-name", 0.9,
                            "same canonical name '" + actor.name() + "'"));
                }
            }
            known += recordNew(proposed, links);
        }
        write(links);
        return new LinkReport(links.size(), known);
    }

    private static String uuidOf(String id) {
        return id.substring(id.indexOf("--") + 2);
    }

    /** Adds the proposed links not recorded yet; returns how many were already recorded (or revoked). */
    private int recordNew(Map<String, ObjectNode> proposed, List<ObjectNode> links) {
        int known = 0;
        for (ObjectNode link : proposed.values()) {
            if (store.current(link.get("id").asText()).isPresent()) {
                known++;
            } else {
                links.add(link);
            }
        }
        return known;
    }

    /** An analyst's own assertion that two actors are one. */
    public StixObject link(String a, String b, String analyst) {
        for (String id : List.of(a, b)) {
            StixObject actor = store.current(id).orElseThrow(() -> new NotFoundException("no actor " + id));
            if (!Set.of("intrusion-set", "threat-actor", "campaign").contains(actor.type())) {
                throw new InvalidInputException(id + " is a " + actor.type() + ", not an intrusion set, threat actor or campaign");
            }
        }
        if (a.equals(b)) {
            throw new InvalidInputException("an actor is trivially the same as itself: " + a);
        }
        ObjectNode link = link(a, b, "analyst", 1.0, "asserted by " + analyst);
        write(List.of(link));
        return new StixObject(link);
    }

    /** Undoes a link between two actors, whoever recorded it, by revoking it. Returns how many were revoked. */
    public int unlink(String a, String b) {
        List<ObjectNode> revoked = new ArrayList<>();
        for (StixStore.Edge edge : store.edgesOfType(SAME_ACTOR)) {
            if ((edge.sourceId().equals(a) && edge.targetId().equals(b)) || (edge.sourceId().equals(b) && edge.targetId().equals(a))) {
                store.current(edge.relationshipId()).filter(link -> !link.revoked()).ifPresent(link -> revoked.add(Versions.revoke(link)));
            }
        }
        if (revoked.isEmpty()) {
            throw new NotFoundException("no same-actor link between " + a + " and " + b);
        }
        write(revoked);
        return revoked.size();
    }

    private void write(List<ObjectNode> links) {
        if (links.isEmpty()) {
            return;
        }
        // Through the intake's policy, not its after-write steps: this is one of them.
        Intake.of(store).writeAll(links, "same-actor links", null);
    }

    private static ObjectNode link(String source, String target, String method, double score, String reason) {
        String now = StixTimestamp.format(Instant.now());
        ObjectNode link = StixJson.newObject("relationship",
                StixId.deterministic("relationship", source + "|" + target + "|" + method), now);
        link.put("relationship_type", SAME_ACTOR);
        link.put("source_ref", source);
        link.put("target_ref", target);
        link.put("description", reason);
        link.put("confidence", (int) Math.round(score * 100));
        ObjectNode details = SightlineExtensions.put(link, SightlineExtensions.LINK);
        details.put("method", method);
        details.put("score", score);
        details.put("reason", reason);
        return link;
    }
}
