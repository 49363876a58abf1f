package org.sightline.intel.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.intel.actors.ActorClusters;
import org.sightline.intel.claims.ClaimAssessor;
import org.sightline.stix.CitationDates;
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
 *   <li>ATT&CK techniques that go through a kind of supplier (Trusted Relationship, Supply Chain
 *       Compromise), used by the actor or by a campaign attributed to it: see {@link SupplierTechniques};</li>
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
    /** Uses a technique that goes through that kind of supplier: behaviour, a little less than named targeting of it. */
    public static final double SERVICE_BY_TECHNIQUE = 0.5;
    public static final double SECTOR = 0.4;
    public static final double COUNTRY = 0.2;

    public enum Dimension { SUPPLIER, SERVICE, SECTOR, COUNTRY }

    /** Where a fact comes from, for a reader who wants only some kinds of evidence. */
    public enum Kind {
        SIGHTING, CAMPAIGN, RELATIONSHIP, CLAIM, GALAXY, TECHNIQUE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code dated}: how recent the evidence behind the statement is (null when nothing dates it), see {@link Recency}. */
    public record Fact(Dimension dimension, String value, double weight, double confidence, String reason, String source, Kind kind,
                       Instant dated) {
        /**
         * What the fact says, whoever states it: two sources saying the same are one fact. Using a
         * technique that passes through a kind of supplier is a different fact from being reported
         * to go after that kind of supplier, with its own holders.
         */
        String key() {
            return dimension + "|" + value + (kind == Kind.TECHNIQUE ? "|technique" : "");
        }

        /** The same fact reached through a campaign's attribution: as sure as that attribution, and saying so. */
        Fact through(Attribution attribution) {
            return attribution.reason == null ? this : new Fact(dimension, value, weight, confidence * attribution.confidence,
                    reason + " (" + attribution.reason + ")", source, kind, dated);
        }
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
        Map<String, StixObject> objects = store.currentOfEdges(targets, true, true);
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
            Kind kind = provenance.startsWith("claim ") ? Kind.CLAIM : "campaign".equals(source.type()) ? Kind.CAMPAIGN : Kind.RELATIONSHIP;
            Instant dated = evidenceDate(relationship, "campaign".equals(source.type()) ? source : null, asOf);
            List<Fact> facts = new ArrayList<>();
            if (suppliers.contains(target.id())) {
                facts.add(new Fact(Dimension.SUPPLIER, target.id(), TARGETS_SUPPLIER, confidence, why, provenance, kind, dated));
            }
            if ("identity".equals(target.type())) {
                for (String sector : target.strings("sectors")) {
                    facts.add(new Fact(Dimension.SECTOR, sector, SECTOR, confidence, why, provenance, kind, dated));
                }
            }
            if ("location".equals(target.type()) && target.text("country") != null) {
                facts.add(new Fact(Dimension.COUNTRY, target.text("country").toUpperCase(java.util.Locale.ROOT), COUNTRY, confidence, why,
                        provenance, kind, dated));
            }
            for (JsonNode service : SightlineExtensions.of(relationship.json(), SightlineExtensions.SUPPLIES).path("service_types")) {
                facts.add(new Fact(Dimension.SERVICE, service.asText(), SERVICE, confidence, why, provenance, kind, dated));
            }
            actors.forEach((actor, attribution) -> facts.forEach(fact -> factsByObject.computeIfAbsent(actor, k -> new ArrayList<>())
                    .add(fact.through(attribution))));
        }

        SupplierTechniques.facts(store, actorObjects.keySet(), asOf, assessor)
                .forEach((actor, facts) -> factsByObject.computeIfAbsent(actor, k -> new ArrayList<>()).addAll(facts));

        // MISP galaxy target categories and victims
        for (StixObject actor : actorObjects.values()) {
            String galaxy = actor.text("x_misp_galaxy");
            if (galaxy == null) {
                continue;
            }
            String provenance = "MISP galaxy " + galaxy;
            for (JsonNode category : actor.json().path("x_misp_cfr_target_category")) {
                Sectors.normalise(category.asText()).ifPresent(sector -> factsByObject.computeIfAbsent(actor.id(), k -> new ArrayList<>())
                        .add(new Fact(Dimension.SECTOR, sector, SECTOR, 1, "CFR lists '" + category.asText() + "' among its targets", provenance,
                        Kind.GALAXY, null)));
            }
            for (JsonNode victim : actor.json().path("x_misp_cfr_suspected_victims")) {
                Countries.code(victim.asText()).ifPresent(code -> factsByObject.computeIfAbsent(actor.id(), k -> new ArrayList<>())
                        .add(new Fact(Dimension.COUNTRY, code, COUNTRY, 1, "CFR lists victims in " + victim.asText(), provenance, Kind.GALAXY, null)));
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
            Instant dated = firstKnowable(asOf, sighting.text("last_seen"), date);
            for (String actor : actors) {
                for (String supplier : where) {
                    factsByObject.computeIfAbsent(actor, k -> new ArrayList<>()).add(new Fact(Dimension.SUPPLIER, supplier,
                            SIGHTED_AT_SUPPLIER, 1, "sighted at the supplier on " + date.substring(0, 10), "sighting " + sighting.id(), Kind.SIGHTING,
                            dated));
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

    record Attribution(double confidence, String reason) {
    }

    /** How sure the attribution of a campaign to the actor is: the claim's assessment when it is a claim, else its confidence. */
    static Attribution attribution(StixStore store, ClaimAssessor assessor, String relationshipId, String campaign, Instant asOf) {
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

    static boolean after(StixObject object, Instant asOf) {
        String date = object.text("start_time") != null ? object.text("start_time") : object.created();
        return date != null && StixTimestamp.isValid(date) && StixTimestamp.parse(date).isAfter(asOf);
    }

    /**
     * How recent the evidence behind a relationship is, as of the date: the newest report it cites,
     * its stop_time or the last_seen of the campaign it comes through; failing those, when it says
     * the targeting started, or else when it was recorded (a record written today about 2014 is not
     * evidence from today). Null when nothing dated is knowable then.
     */
    static Instant evidenceDate(StixObject relationship, StixObject campaign, Instant asOf) {
        List<Instant> dates = new ArrayList<>(CitationDates.of(relationship));
        timestamp(relationship.text("stop_time")).ifPresent(dates::add);
        if (campaign != null) {
            timestamp(campaign.text("last_seen")).ifPresent(dates::add);
        }
        return dates.stream().filter(date -> !date.isAfter(asOf)).max(Instant::compareTo)
                .orElseGet(() -> firstKnowable(asOf, relationship.text("start_time"), relationship.created()));
    }

    /** The first of the timestamps, in the order given, that is on or before the date; null if none is. */
    private static Instant firstKnowable(Instant asOf, String... timestamps) {
        for (String timestamp : timestamps) {
            var date = timestamp(timestamp).filter(d -> !d.isAfter(asOf));
            if (date.isPresent()) {
                return date.get();
            }
        }
        return null;
    }

    private static java.util.Optional<Instant> timestamp(String text) {
        return text != null && StixTimestamp.isValid(text) ? java.util.Optional.of(StixTimestamp.parse(text)) : java.util.Optional.empty();
    }

    private static String since(StixObject relationship) {
        String start = relationship.text("start_time");
        return start == null ? "" : ", from " + start.substring(0, 10);
    }
}
