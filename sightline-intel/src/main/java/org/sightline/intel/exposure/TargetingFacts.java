package org.sightline.intel.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.intel.actors.ActorClusters;
import org.sightline.intel.claims.ClaimAssessor;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.vocabulary.Countries;
import org.sightline.stix.vocabulary.Sectors;
import org.sightline.store.StixStore;

/**
 * What the store says each actor goes after, as facts with their provenance, date and confidence:
 * <ul>
 *   <li>"targets" relationships from the actor, or from a campaign attributed to it, to an identity
 *       (one of the suppliers itself, or its sectors), to a country, and the service types the
 *       relationship names through Sightline's supplies extension;</li>
 *   <li>the MISP galaxy's target categories (mapped to STIX sectors) and suspected victims (countries);</li>
 *   <li>sightings of the actor, or of an indicator that indicates it, at a supplier;</li>
 *   <li>an analyst's claim that the actor targets something ({@code sightline claim add --type targets}),
 *       weighed by the claim's assessed probability as of the date.</li>
 * </ul>
 * A fact that reaches the actor through a campaign's attribution carries that attribution's
 * confidence: the claim's assessed probability as of the date, or the relationship's confidence.
 * Linked objects (the same actor under several names) count as one actor.
 */
public final class TargetingFacts {
    /** How telling each kind of fact is: seen at the supplier beats "goes after its sector". */
    public static final double SIGHTED_AT_SUPPLIER = 0.9;
    public static final double TARGETS_SUPPLIER = 0.8;
    public static final double SERVICE = 0.6;
    public static final double SECTOR = 0.4;
    public static final double COUNTRY = 0.2;

    public enum Dimension { SUPPLIER, SERVICE, SECTOR, COUNTRY }

    public record Fact(Dimension dimension, String value, double weight, double confidence, String reason, String source) {
    }

    /** One actor (all its linked objects) and what it targets. */
    public record Actor(String id, String name, List<String> objects, List<Fact> facts) {
    }

    private TargetingFacts() {
    }

    public static List<Actor> load(StixStore store, Set<String> suppliers, Instant asOf) {
        Map<String, StixObject> actorObjects = new HashMap<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("intrusion-set", "threat-actor"), Set.of(), false),
                actor -> actorObjects.put(actor.id(), actor));
        ActorClusters clusters = new ActorClusters(store);
        Map<String, List<Fact>> factsByObject = new HashMap<>();

        // targets relationships, from actors directly or through the campaigns attributed to them
        List<StixStore.Edge> targets = store.edgesOfType("targets");
        Set<String> wanted = new HashSet<>();
        targets.forEach(edge -> {
            wanted.add(edge.relationshipId());
            wanted.add(edge.sourceId());
            wanted.add(edge.targetId());
        });
        Map<String, StixObject> objects = new HashMap<>();
        store.currentObjects(wanted).forEach(object -> objects.put(object.id(), object));
        ClaimAssessor assessor = new ClaimAssessor(store);
        for (StixStore.Edge edge : targets) {
            StixObject relationship = objects.get(edge.relationshipId());
            StixObject source = objects.get(edge.sourceId());
            StixObject target = objects.get(edge.targetId());
            if (relationship == null || source == null || target == null || after(relationship, asOf)) {
                continue;
            }
            Map<String, Attribution> actors = new LinkedHashMap<>();
            if (actorObjects.containsKey(source.id())) {
                actors.put(source.id(), new Attribution(1.0, null));
            } else if ("campaign".equals(source.type())) {
                for (StixStore.Edge attributed : store.edgesFrom(source.id(), "attributed-to")) {
                    if (actorObjects.containsKey(attributed.targetId())) {
                        actors.put(attributed.targetId(), attribution(store, assessor, attributed.relationshipId(), source.name(), asOf));
                    }
                }
            }
            String why = relationship.description() != null ? relationship.description()
                    : source.name() + " targets " + target.name();
            String provenance = "targets relationship " + relationship.id() + since(relationship);
            double claimed = 1.0;
            if (!SightlineExtensions.of(relationship.json(), SightlineExtensions.CLAIM).isMissingNode()) {
                // An analyst's claim that the actor targets this: as sure as its evidence makes it on the date.
                var assessment = assessor.assess(relationship.id(), asOf);
                claimed = assessment.probability();
                why = why + " (a claim, " + assessment.wep() + ")";
                provenance = "claim " + relationship.id();
            }
            double confidence = claimed;
            List<Fact> facts = new ArrayList<>();
            if (suppliers.contains(target.id())) {
                facts.add(new Fact(Dimension.SUPPLIER, target.id(), TARGETS_SUPPLIER, confidence, why, provenance));
            }
            if ("identity".equals(target.type())) {
                for (String sector : target.strings("sectors")) {
                    facts.add(new Fact(Dimension.SECTOR, sector, SECTOR, confidence, why, provenance));
                }
            }
            if ("location".equals(target.type()) && target.text("country") != null) {
                facts.add(new Fact(Dimension.COUNTRY, target.text("country").toUpperCase(java.util.Locale.ROOT), COUNTRY, confidence, why,
                        provenance));
            }
            for (JsonNode service : SightlineExtensions.of(relationship.json(), SightlineExtensions.SUPPLIES).path("service_types")) {
                facts.add(new Fact(Dimension.SERVICE, service.asText(), SERVICE, confidence, why, provenance));
            }
            actors.forEach((actor, attribution) -> facts.forEach(fact -> factsByObject.computeIfAbsent(actor, k -> new ArrayList<>())
                    .add(attribution.reason == null ? fact : new Fact(fact.dimension(), fact.value(), fact.weight(),
                            fact.confidence() * attribution.confidence, fact.reason() + " (" + attribution.reason + ")", fact.source()))));
        }

        // MISP galaxy target categories and victims
        for (StixObject actor : actorObjects.values()) {
            String galaxy = actor.text("x_misp_galaxy");
            if (galaxy == null) {
                continue;
            }
            String provenance = "MISP galaxy " + galaxy;
            for (JsonNode category : actor.json().path("x_misp_cfr_target_category")) {
                Sectors.normalise(category.asText()).ifPresent(sector -> factsByObject.computeIfAbsent(actor.id(), k -> new ArrayList<>())
                        .add(new Fact(Dimension.SECTOR, sector, SECTOR, 1, "CFR lists '" + category.asText() + "' among its targets", provenance)));
            }
            for (JsonNode victim : actor.json().path("x_misp_cfr_suspected_victims")) {
                Countries.code(victim.asText()).ifPresent(code -> factsByObject.computeIfAbsent(actor.id(), k -> new ArrayList<>())
                        .add(new Fact(Dimension.COUNTRY, code, COUNTRY, 1, "CFR lists victims in " + victim.asText(), provenance)));
            }
        }

        // sightings at a supplier
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("sighting"), Set.of(), false), sighting -> {
            if (after(sighting, asOf)) {
                return;
            }
            List<String> where = sighting.strings("where_sighted_refs").stream().filter(suppliers::contains).toList();
            String of = sighting.text("sighting_of_ref");
            if (where.isEmpty() || of == null) {
                return;
            }
            List<String> actors = new ArrayList<>();
            if (actorObjects.containsKey(of)) {
                actors.add(of);
            } else {
                store.edgesFrom(of, "indicates").stream().map(StixStore.Edge::targetId).filter(actorObjects::containsKey).forEach(actors::add);
            }
            String date = sighting.text("first_seen") != null ? sighting.text("first_seen") : sighting.created();
            for (String actor : actors) {
                for (String supplier : where) {
                    factsByObject.computeIfAbsent(actor, k -> new ArrayList<>()).add(new Fact(Dimension.SUPPLIER, supplier,
                            SIGHTED_AT_SUPPLIER, 1, "sighted at the supplier on " + date.substring(0, 10), "sighting " + sighting.id()));
                }
            }
        });

        // one actor per cluster of linked objects, named after its ATT&CK member when it has one
        Map<String, List<String>> members = new LinkedHashMap<>();
        actorObjects.keySet().stream().sorted().forEach(id -> members.computeIfAbsent(clusters.root(id), k -> new ArrayList<>()).add(id));
        List<Actor> actors = new ArrayList<>();
        members.forEach((root, ids) -> {
            List<Fact> facts = new ArrayList<>();
            ids.forEach(id -> facts.addAll(factsByObject.getOrDefault(id, List.of())));
            if (facts.isEmpty()) {
                return;
            }
            StixObject canonical = ids.stream().map(actorObjects::get).filter(o -> o.externalId("mitre-attack").isPresent())
                    .findFirst().orElse(actorObjects.get(ids.get(0)));
            actors.add(new Actor(canonical.id(), canonical.name(), ids, facts));
        });
        return actors;
    }

    private record Attribution(double confidence, String reason) {
    }

    /** How sure the attribution of a campaign to the actor is: the claim's assessment when it is a claim, else its confidence. */
    private static Attribution attribution(StixStore store, ClaimAssessor assessor, String relationshipId, String campaign, Instant asOf) {
        StixObject relationship = store.current(relationshipId).orElse(null);
        if (relationship == null) {
            return new Attribution(1.0, null);
        }
        if (!SightlineExtensions.of(relationship.json(), SightlineExtensions.CLAIM).isMissingNode()) {
            var assessment = assessor.assess(relationshipId, asOf);
            return new Attribution(assessment.probability(), "through " + campaign + ", attributed to it: " + assessment.wep());
        }
        JsonNode confidence = relationship.json().path("confidence");
        double value = confidence.isNumber() ? confidence.asDouble() / 100.0 : 1.0;
        return new Attribution(value, "through " + campaign + ", attributed to it" + (confidence.isNumber() ? " with confidence "
                + confidence.asInt() : ""));
    }

    private static boolean after(StixObject object, Instant asOf) {
        String date = object.text("start_time") != null ? object.text("start_time") : object.created();
        return date != null && StixTimestamp.isValid(date) && StixTimestamp.parse(date).isAfter(asOf);
    }

    private static String since(StixObject relationship) {
        String start = relationship.text("start_time");
        return start == null ? "" : ", from " + start.substring(0, 10);
    }
}
