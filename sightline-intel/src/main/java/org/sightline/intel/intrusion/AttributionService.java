package org.sightline.intel.intrusion;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sightline.error.InvalidInputException;
import org.sightline.intel.actors.ActorClusters;
import org.sightline.intel.actors.Provenance;
import org.sightline.intel.similarity.AttackCatalog;
import org.sightline.intel.similarity.SimilarityModel;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTypes;
import org.sightline.store.StixStore;

/**
 * "Who did this intrusion?" over the store: builds the {@link AttributionModel} from what the store
 * knows (behaviour from ATT&CK, reporting years, targeting from galaxies and targets
 * relationships, indicators tied to actors) once, and again only when the store has changed.
 * Linked objects (same-actor links) count as one actor, shown as its ATT&CK group when it has one.
 */
public final class AttributionService {
    private final StixStore store;
    private AttributionModel model;
    /** Every actor object to the object shown for its actor (see {@link #canonicalActors}). */
    private Map<String, String> canonical = Map.of();
    private long builtAt = -1;

    public AttributionService(StixStore store) {
        this.store = store;
    }

    /** Ranks actors for a campaign, report or grouping in the store, by id or name. */
    public Attribution attribute(String idOrName, int top) {
        return attribute(new IntrusionLoader(store).load(idOrName), top);
    }

    public synchronized Attribution attribute(Intrusion intrusion, int top) {
        if (top < 1 || top > 200) {
            throw new InvalidInputException("top must be between 1 and 200, got " + top);
        }
        if (intrusion.techniques().isEmpty() && intrusion.software().isEmpty() && intrusion.indicators().isEmpty()
                && intrusion.claims().isEmpty() && intrusion.sectors().isEmpty() && intrusion.countries().isEmpty()) {
            throw new InvalidInputException("the intrusion shows nothing to attribute from: give techniques, software, "
                    + "sectors, countries or indicators (dates alone cannot tell actors apart)");
        }
        if (intrusion.from() != null && intrusion.to() != null && intrusion.to().isBefore(intrusion.from())) {
            throw new InvalidInputException("the intrusion ends (" + intrusion.to() + ") before it starts (" + intrusion.from() + ")");
        }
        refresh();
        return model.rank(canonicalClaims(intrusion), top);
    }

    private Intrusion canonicalClaims(Intrusion intrusion) {
        List<Intrusion.SourceClaim> claims = new ArrayList<>();
        for (Intrusion.SourceClaim claim : intrusion.claims()) {
            claims.add(new Intrusion.SourceClaim(canonical.getOrDefault(claim.actorId(), claim.actorId()), claim.probability(),
                    claim.source()));
        }
        return new Intrusion(intrusion.id(), intrusion.name(), intrusion.techniques(), intrusion.software(), intrusion.sectors(),
                intrusion.countries(), intrusion.from(), intrusion.to(), intrusion.indicators(), claims);
    }

    private void refresh() {
        long sequence = store.lastSequence();
        if (sequence == builtAt) {
            return;
        }
        AttackCatalog catalog = AttackCatalog.load(store);
        Map<String, StixObject> actors = new HashMap<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("intrusion-set", "threat-actor"), Set.of(), false),
                actor -> actors.put(actor.id(), actor));
        canonical = canonicalActors(catalog, actors.keySet());
        Map<String, AttributionModel.Actor> known = new HashMap<>();
        for (String id : new HashSet<>(canonical.values())) {
            StixObject actor = actors.get(id);
            if (actor != null) {
                known.put(id, new AttributionModel.Actor(id, actor.name(), actor.externalId("mitre-attack").orElse(null)));
            }
        }
        Map<String, ReportingYears.Years> years = years();
        model = new AttributionModel(catalog, new SimilarityModel(catalog, SimilarityModel.Parameters.defaults()),
                years, targeting(actors), indicators(), known, AttributionModel.Weights.defaults(), ReportingYears.lastYear(years));
        builtAt = sequence;
    }

    /** Every actor object to the object shown for its actor: the ATT&CK group of its cluster, else the cluster's first id. */
    private Map<String, String> canonicalActors(AttackCatalog catalog, Set<String> actorIds) {
        ActorClusters clusters = new ActorClusters(store);
        Set<String> groups = new HashSet<>();
        catalog.groups().forEach(group -> groups.add(group.id()));
        Map<String, String> canonical = new HashMap<>();
        for (String id : actorIds) {
            if (canonical.containsKey(id)) {
                continue;
            }
            List<String> members = clusters.members(id);
            String shown = members.stream().filter(groups::contains).sorted().findFirst()
                    .orElseGet(() -> members.stream().filter(actorIds::contains).sorted().findFirst().orElse(id));
            members.forEach(member -> canonical.put(member, shown));
        }
        return canonical;
    }

    private Map<String, ReportingYears.Years> years() {
        Map<String, TreeMap<Integer, Integer>> merged = new HashMap<>();
        ReportingYears.load(store).forEach((id, years) -> years.reports().forEach((year, count) ->
                merged.computeIfAbsent(canonical.getOrDefault(id, id), k -> new TreeMap<>()).merge(year, count, Integer::sum)));
        Map<String, ReportingYears.Years> result = new HashMap<>();
        merged.forEach((id, reports) -> result.put(id, new ReportingYears.Years(reports)));
        return result;
    }

    /** Sectors and countries each actor is known to target: MISP's CFR fields, and targets relationships to identities and locations. */
    private Map<String, AttributionModel.Targeting> targeting(Map<String, StixObject> actors) {
        Map<String, Set<String>> sectors = new HashMap<>();
        Map<String, Set<String>> countries = new HashMap<>();
        Map<String, Set<String>> sources = new HashMap<>();
        for (StixObject actor : actors.values()) {
            String id = canonical.getOrDefault(actor.id(), actor.id());
            boolean any = addAll(sectors, id, actor.json().path("x_misp_cfr_target_category"))
                    | addAll(countries, id, actor.json().path("x_misp_cfr_suspected_victims"));
            if (any) {
                sources.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(Provenance.of(store, actor));
            }
        }
        List<StixStore.Edge> targets = store.edgesOfType("targets");
        Map<String, StixObject> objects = store.currentOfEdges(targets, false, true);
        for (StixStore.Edge edge : targets) {
            String id = canonical.get(edge.sourceId());
            StixObject target = objects.get(edge.targetId());
            StixObject relationship = objects.get(edge.relationshipId());
            if (id == null || target == null || relationship == null) {
                continue;
            }
            boolean any = false;
            if (target.type().equals("identity")) {
                List<String> named = target.strings("sectors");
                sectors.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(named);
                any = !named.isEmpty();
            } else if (target.type().equals("location") && target.text("country") != null) {
                countries.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(target.text("country"));
                any = true;
            }
            if (any) {
                sources.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(Provenance.of(store, relationship));
            }
        }
        Map<String, AttributionModel.Targeting> result = new HashMap<>();
        for (String id : sources.keySet()) {
            result.put(id, new AttributionModel.Targeting(sectors.getOrDefault(id, Set.of()), countries.getOrDefault(id, Set.of()),
                    List.copyOf(sources.get(id))));
        }
        return result;
    }

    private static boolean addAll(Map<String, Set<String>> into, String id, JsonNode values) {
        boolean any = false;
        for (JsonNode value : values) {
            into.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(value.asText());
            any = true;
        }
        return any;
    }

    /** Indicator values tied to an actor: indicating it, or a campaign attributed to it. */
    private Map<String, Set<String>> indicators() {
        Map<String, Set<String>> campaignActors = new HashMap<>();
        for (StixStore.Edge edge : store.edgesOfType("attributed-to")) {
            String actor = canonical.get(edge.targetId());
            if (actor != null && StixTypes.typeOf(edge.sourceId()).equals("campaign")) {
                campaignActors.computeIfAbsent(edge.sourceId(), k -> new HashSet<>()).add(actor);
            }
        }
        Map<String, Set<String>> byIndicator = new HashMap<>();
        List<StixStore.Edge> indicates = store.edgesOfType("indicates");
        for (StixStore.Edge edge : indicates) {
            Set<String> actors = new HashSet<>();
            if (canonical.containsKey(edge.targetId())) {
                actors.add(canonical.get(edge.targetId()));
            }
            actors.addAll(campaignActors.getOrDefault(edge.targetId(), Set.of()));
            if (!actors.isEmpty()) {
                byIndicator.computeIfAbsent(edge.sourceId(), k -> new HashSet<>()).addAll(actors);
            }
        }
        Map<String, Set<String>> byValue = new HashMap<>();
        for (StixObject indicator : store.currentObjects(byIndicator.keySet())) {
            if (indicator.text("pattern") == null) {
                continue;
            }
            for (String value : IndicatorValues.of(indicator.text("pattern"))) {
                byValue.computeIfAbsent(IndicatorValues.normalise(value), k -> new HashSet<>()).addAll(byIndicator.get(indicator.id()));
            }
        }
        return byValue;
    }
}
