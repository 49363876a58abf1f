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
 *   <li>How strongly the actor targets a supplier: the noisy-or of every matching fact's weight
 *       times its confidence (seen at the supplier 0.9, targets it 0.8, its service type 0.6, its
 *       sector 0.4, its country 0.2).</li>
 *   <li>The path's reach: the product over its hops of access weight × criticality.</li>
 *   <li>How active the actor is: 1, or 0.4 when its timeline (campaigns, reports, sightings) shows it
 *       dormant as of the date; an actor with no dated activity on record counts as active.</li>
 *   <li>A path scores targeting × reach × activity; an actor, the noisy-or of its paths; a
 *       supplier, the noisy-or of the paths that start at it.</li>
 * </ul>
 * Every part only grows with more targeting, more access or more paths, so no added fact lowers a
 * score. Activity is looked up for actors in order of their score before it, until no remaining
 * actor could enter the top of the ranking: a dormant actor can only fall.
 */
public final class ExposureModel {
    public static final double DORMANT = 0.4;
    private static final int PATHS_SHOWN = 3;
    private static final int ACTORS_PER_SUPPLIER = 3;

    private final StixStore store;

    public ExposureModel(StixStore store) {
        this.store = store;
    }

    public Exposure rank(String organisation, int top, Instant asOf) {
        SupplierNetwork network = SupplierNetwork.load(store, organisation);
        List<TargetingFacts.Actor> actors = TargetingFacts.load(store, network.suppliers().keySet(), asOf);
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
            Map<String, List<TargetingFacts.Fact>> matches = new HashMap<>();
            for (TargetingFacts.Fact fact : actor.facts()) {
                List<String> hit = switch (fact.dimension()) {
                    case SUPPLIER -> network.suppliers().containsKey(fact.value()) ? List.of(fact.value()) : List.of();
                    case SECTOR -> bySector.getOrDefault(fact.value(), List.of());
                    case SERVICE -> byService.getOrDefault(fact.value(), List.of());
                    case COUNTRY -> byCountry.getOrDefault(fact.value(), List.of());
                };
                hit.forEach(supplier -> matches.computeIfAbsent(supplier, k -> new ArrayList<>()).add(fact));
            }
            if (matches.isEmpty()) {
                continue;
            }
            List<RawPath> paths = new ArrayList<>();
            matches.forEach((supplier, facts) -> paths.add(new RawPath(supplier, targeting(facts),
                    network.route(supplier).reach(), facts)));
            paths.sort(Comparator.comparingDouble(RawPath::score).reversed().thenComparing(RawPath::supplier));
            scored.add(new Scored(actor, paths, noisyOr(paths.stream().mapToDouble(RawPath::score).toArray())));
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
            boolean dated = timeline.events().stream().anyMatch(e -> !e.kind().equals("first documented") && !e.kind().equals("last updated"));
            boolean dormant = dated && timeline.dormant();
            activity.put(candidate.actor.id(), dormant ? DORMANT : 1.0);
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
                    shown.add(explain(network, candidate.actor, path, scores[i], words));
                }
            }
            Exposure.RankedActor ranked = new Exposure.RankedActor(candidate.actor.id(), candidate.actor.name(),
                    round(noisyOr(scores)), words, shown);
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
                rankedActors.subList(0, Math.min(top, rankedActors.size())), rankedSuppliers);
    }

    private record RawPath(String supplier, double targeting, double reach, List<TargetingFacts.Fact> facts) {
        double score() {
            return targeting * reach;
        }
    }

    private record Scored(TargetingFacts.Actor actor, List<RawPath> paths, double raw) {
    }

    /**
     * 1 - prod(1 - weight x confidence) over distinct facts: each further fact adds, none subtracts.
     * The same fact from two sources ("targets the technology sector") counts once, at its best.
     */
    static double targeting(List<TargetingFacts.Fact> facts) {
        Map<String, Double> strongest = new HashMap<>();
        for (TargetingFacts.Fact fact : facts) {
            strongest.merge(fact.dimension() + "|" + fact.value(), fact.weight() * fact.confidence(), Math::max);
        }
        double miss = 1;
        for (double strength : strongest.values()) {
            miss *= 1 - strength;
        }
        return 1 - miss;
    }

    static double noisyOr(double[] scores) {
        double miss = 1;
        for (double score : scores) {
            miss *= 1 - score;
        }
        return 1 - miss;
    }

    private static Exposure.Path explain(SupplierNetwork network, TargetingFacts.Actor actor, RawPath path, double score, String activity) {
        SupplierNetwork.Route route = network.route(path.supplier());
        List<String> reasons = new ArrayList<>();
        String supplierName = network.name(path.supplier());
        for (TargetingFacts.Fact fact : path.facts()) {
            String what = switch (fact.dimension()) {
                case SUPPLIER -> supplierName + " itself";
                case SERVICE -> fact.value() + " providers, as " + supplierName + " is";
                case SECTOR -> "the " + fact.value() + " sector, " + supplierName + "'s";
                case COUNTRY -> "organisations in " + fact.value() + ", where " + supplierName + " is";
            };
            reasons.add(actor.name() + " targets " + what + ": " + fact.reason() + " [" + fact.source() + "]");
        }
        for (SupplierNetwork.Hop hop : route.hops()) {
            reasons.add(network.name(hop.supplier()) + " supplies " + network.name(hop.customer()) + " (" + hop.service().label()
                    + ") with " + hop.access().label() + " access, criticality " + hop.criticality().label());
        }
        reasons.add(actor.name() + ": " + activity);
        List<String> names = new ArrayList<>();
        route.via().forEach(id -> names.add(network.name(id)));
        return new Exposure.Path(route.via(), names, round(score), reasons);
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
                ? "no suppliers are declared yet (sightline suppliers import FILE)"
                : "suppliers are declared for " + organisations.size() + " organisations; name one with --org: " + organisations);
    }
}
