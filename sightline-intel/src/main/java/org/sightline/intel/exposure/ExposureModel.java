package org.sightline.intel.exposure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.sightline.intel.timeline.ActivityTimeline;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;

/**
 * Scores how exposed an organisation is to each actor through its suppliers (docs/exposure.md).
 * <ul>
 *   <li>How strongly the actor targets a supplier: the noisy-or over the distinct facts that match it
 *       of weight × confidence × recency × specificity. Weights: seen at the supplier 0.9, targets it
 *       0.8, its service type 0.6 (0.5 when read from a technique that goes through it), its sector
 *       0.4, its country 0.2; recency discounts old and undated evidence ({@link Recency});
 *       specificity is how few actors share the fact ({@link Specificity}), so a sector or country
 *       half the actors list counts for little.</li>
 *   <li>The path's reach: the product over its hops of access weight × criticality.</li>
 *   <li>How active the actor is: 1 when its timeline (campaigns, reports, sightings) shows it active
 *       as of the date, 0.4 when dormant, and 0.7 when nothing dated is on record.</li>
 *   <li>A path scores targeting × reach × activity; an actor, the noisy-or of its paths; a
 *       supplier, the noisy-or of the paths that start at it.</li>
 * </ul>
 * A score grows with more access, more paths and stronger facts; it falls only when a fact becomes
 * less specific: more actors hold it, or the actor lists more sectors or countries beside it. Activity is
 * looked up for actors in order of their score before it, until no remaining actor could enter the
 * top of the ranking: activity can only lower a score.
 */
public final class ExposureModel {
    public static final double DORMANT = 0.4;
    /** Nothing dated on record: less than known activity, more than known silence. */
    public static final double ACTIVITY_UNKNOWN = 0.7;
    private static final int PATHS_SHOWN = 3;
    private static final int ACTORS_PER_SUPPLIER = 3;

    private final StixStore store;

    public ExposureModel(StixStore store) {
        this.store = store;
    }

    public Exposure rank(String organisation, int top, Instant asOf) {
        SupplierNetwork network = SupplierNetwork.load(store, organisation);
        List<TargetingFacts.Actor> actors = TargetingFacts.load(store, network.suppliers().keySet(), asOf);
        Specificity specificity = Specificity.among(actors);
        Map<String, List<String>> bySector = new HashMap<>();
        Map<String, List<String>> byService = new HashMap<>();
        Map<String, List<String>> byCountry = new HashMap<>();
        for (SupplierNetwork.Supplier supplier : network.suppliers().values()) {
            supplier.sectors().forEach(s -> bySector.computeIfAbsent(s, k -> new ArrayList<>()).add(supplier.id()));
            supplier.services().forEach(s -> byService.computeIfAbsent(s, k -> new ArrayList<>()).add(supplier.id()));
            supplier.countries().forEach(c -> byCountry.computeIfAbsent(c, k -> new ArrayList<>()).add(supplier.id()));
        }

        List<Scored> scored = new ArrayList<>();
        for (TargetingFacts.Actor actor : actors) {
            // Each fact merged and weighed once for the actor, then laid on the suppliers it matches.
            Map<String, List<WeighedFact>> matches = new HashMap<>();
            List<Reached> reached = new ArrayList<>();
            for (WeighedFact fact : WeighedFact.of(actor, actor.facts(), specificity, asOf)) {
                List<String> hit = switch (fact.dimension()) {
                    case SUPPLIER -> network.suppliers().containsKey(fact.value()) ? List.of(fact.value()) : List.of();
                    case SECTOR -> bySector.getOrDefault(fact.value(), List.of());
                    case SERVICE -> byService.getOrDefault(fact.value(), List.of());
                    case COUNTRY -> byCountry.getOrDefault(fact.value(), List.of());
                };
                double miss = 1;
                for (String supplier : hit) {
                    matches.computeIfAbsent(supplier, k -> new ArrayList<>()).add(fact);
                    miss *= 1 - network.route(supplier).reach();
                }
                if (!hit.isEmpty()) {
                    reached.add(new Reached(fact, 1 - miss));
                }
            }
            if (matches.isEmpty()) {
                continue;
            }
            List<RawPath> paths = new ArrayList<>();
            matches.forEach((supplier, evidence) -> paths.add(new RawPath(supplier, targeting(evidence), network.route(supplier).reach(), evidence)));
            paths.sort(Comparator.comparingDouble(RawPath::score).reversed().thenComparing(RawPath::supplier));
            scored.add(new Scored(actor, paths, actorScore(reached)));
        }
        scored.sort(Comparator.comparingDouble(Scored::raw).reversed().thenComparing(s -> s.actor.id()));

        // Activity only lowers a score: look it up in order until the next raw score cannot reach the top.
        PriorityQueue<Double> best = new PriorityQueue<>();
        Map<String, Double> activity = new HashMap<>();
        Map<String, String> activityWords = new HashMap<>();
        int wanted = Math.max(top, 20);
        for (Scored candidate : scored) {
            if (best.size() >= wanted && candidate.raw <= best.peek()) {
                break;
            }
            ActivityTimeline.Timeline timeline = new ActivityTimeline(store).of(candidate.actor.objects(), asOf);
            // When all a timeline has is when the records were written, nothing is known of the actor's activity.
            boolean dated = timeline.dated();
            boolean dormant = timeline.dormant();
            activity.put(candidate.actor.id(), !dated ? ACTIVITY_UNKNOWN : dormant ? DORMANT : 1.0);
            String last = dated ? timeline.events().get(timeline.events().size() - 1).date() : null;
            activityWords.put(candidate.actor.id(), last == null ? "activity unknown: no dated campaign, report or sighting on record"
                    : (dormant ? "dormant: quiet since " : "active: last dated event ") + last.substring(0, 10));
            best.add(candidate.raw * activity.get(candidate.actor.id()));
            if (best.size() > wanted) {
                best.poll();
            }
        }

        List<Exposure.RankedActor> rankedActors = new ArrayList<>();
        Map<String, List<Double>> supplierPaths = new HashMap<>();
        Map<String, List<Exposure.RankedActor>> supplierActors = new HashMap<>();
        for (Scored candidate : scored) {
            double factor = activity.getOrDefault(candidate.actor.id(), 1.0);
            String words = activityWords.getOrDefault(candidate.actor.id(), "activity not looked up: outside the top of the ranking");
            List<Exposure.Path> shown = new ArrayList<>();
            double[] scores = new double[candidate.paths.size()];
            for (int i = 0; i < candidate.paths.size(); i++) {
                RawPath path = candidate.paths.get(i);
                scores[i] = path.score() * factor;
                if (shown.size() < PATHS_SHOWN) {
                    shown.add(explain(network, candidate.actor, path, scores[i], words, specificity.actors()));
                }
            }
            Exposure.RankedActor ranked = new Exposure.RankedActor(candidate.actor.id(), candidate.actor.name(),
                    round(candidate.raw * factor), words, shown);
            rankedActors.add(ranked);
            for (int i = 0; i < candidate.paths.size(); i++) {
                String supplier = candidate.paths.get(i).supplier();
                supplierPaths.computeIfAbsent(supplier, k -> new ArrayList<>()).add(scores[i]);
                supplierActors.computeIfAbsent(supplier, k -> new ArrayList<>()).add(ranked);
            }
        }
        rankedActors.sort(Comparator.comparingDouble(Exposure.RankedActor::score).reversed().thenComparing(Exposure.RankedActor::id));

        List<Exposure.RankedSupplier> rankedSuppliers = new ArrayList<>();
        for (SupplierNetwork.Supplier supplier : network.suppliers().values()) {
            double[] scores = supplierPaths.getOrDefault(supplier.id(), List.of()).stream().mapToDouble(Double::doubleValue).toArray();
            List<String> topActors = supplierActors.getOrDefault(supplier.id(), List.of()).stream()
                    .sorted(Comparator.comparingDouble(Exposure.RankedActor::score).reversed())
                    .limit(ACTORS_PER_SUPPLIER).map(Exposure.RankedActor::name).toList();
            rankedSuppliers.add(new Exposure.RankedSupplier(supplier.id(), supplier.name(), round(noisyOr(scores)), topActors));
        }
        rankedSuppliers.sort(Comparator.comparingDouble(Exposure.RankedSupplier::score).reversed()
                .thenComparing(Exposure.RankedSupplier::name));
        return new Exposure(network.organisation(), network.organisationName(), StixTimestamp.format(asOf),
                WhyFirst.of(rankedActors, network.organisationName()), rankedActors.subList(0, Math.min(top, rankedActors.size())),
                rankedSuppliers);
    }

    private record RawPath(String supplier, double targeting, double reach, List<WeighedFact> evidence) {
        double score() {
            return targeting * reach;
        }
    }

    private record Scored(TargetingFacts.Actor actor, List<RawPath> paths, double raw) {
    }

    /**
     * The actor's score before activity, each fact counted once however many suppliers it matches:
     * 1 - prod(1 - strength x the chance that one of those suppliers lets the actor in). "Targets the
     * technology sector" is one uncertain fact whether one supplier or three are in that sector; if it
     * is wrong, none of the three paths it opens is real. The suppliers it matches add only by their
     * reach (the noisy-or of their routes', given with each fact). More facts, stronger facts or more
     * reach never lower it.
     */
    static double actorScore(List<Reached> facts) {
        double miss = 1;
        for (Reached fact : facts) {
            miss *= 1 - fact.fact().strength() * fact.reach();
        }
        return 1 - miss;
    }

    /** A fact and the chance that one of the suppliers it matches lets the actor in. */
    record Reached(WeighedFact fact, double reach) {
    }

    /** 1 - prod(1 - strength) over the distinct facts: each further fact adds, none subtracts. */
    static double targeting(List<WeighedFact> evidence) {
        return noisyOr(evidence.stream().mapToDouble(WeighedFact::strength).toArray());
    }

    static double noisyOr(double[] scores) {
        double miss = 1;
        for (double score : scores) {
            miss *= 1 - score;
        }
        return 1 - miss;
    }

    private static Exposure.Path explain(SupplierNetwork network, TargetingFacts.Actor actor, RawPath path, double score, String activity,
                                         int actors) {
        SupplierNetwork.Route route = network.route(path.supplier());
        List<String> reasons = new ArrayList<>();
        String supplierName = network.name(path.supplier());
        List<Exposure.Evidence> evidence = new ArrayList<>();
        for (WeighedFact fact : path.evidence()) {
            String what = switch (fact.dimension()) {
                case SUPPLIER -> supplierName + " itself";
                case SERVICE -> fact.value() + " providers, as " + supplierName + " is";
                case SECTOR -> "the " + fact.value() + " sector, " + supplierName + "'s";
                case COUNTRY -> "organisations in " + fact.value() + ", where " + supplierName + " is";
            };
            String dated = fact.dated() == null ? null : StixTimestamp.format(fact.dated()).substring(0, 10);
            List<String> context = new ArrayList<>();
            if (fact.dimension() != TargetingFacts.Dimension.SUPPLIER) {
                context.add(fact.holders() + " of " + actors + " actors do");
            }
            context.add(dated == null ? "undated" : "evidence of " + dated);
            reasons.add(actor.name() + " targets " + what + " (" + String.join("; ", context) + "): " + String.join("; ", fact.said()));
            evidence.add(new Exposure.Evidence(fact.dimension().name().toLowerCase(java.util.Locale.ROOT), fact.value(),
                    fact.kinds().stream().map(TargetingFacts.Kind::label).toList(), round(fact.strength()), fact.holders(), dated,
                    fact.said()));
        }
        for (SupplierNetwork.Hop hop : route.hops()) {
            reasons.add(network.name(hop.supplier()) + " supplies " + network.name(hop.customer()) + " (" + hop.service().label()
                    + ") with " + hop.access().label() + " access, criticality " + hop.criticality().label());
        }
        reasons.add(actor.name() + ": " + activity);
        List<String> names = new ArrayList<>();
        route.via().forEach(id -> names.add(network.name(id)));
        return new Exposure.Path(route.via(), names, round(score), reasons, evidence);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    /** The organisation to rank for: the one named, or the only one with declared suppliers. */
    public static String organisation(StixStore store, String named) {
        if (named != null) {
            return named;
        }
        List<String> organisations = SupplierNetwork.organisations(store);
        if (organisations.size() == 1) {
            return organisations.get(0);
        }
        throw new org.sightline.error.InvalidInputException(organisations.isEmpty()
                ? "no suppliers are declared yet: import a supplier list (sightline import FILE.csv, or the import page)"
                : "suppliers are declared for " + organisations.size() + " organisations; name one (org): " + organisations);
    }
}
