package org.sightline.intel.intrusion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sightline.intel.attribution.EstimativeWords;
import org.sightline.intel.similarity.AttackCatalog;
import org.sightline.intel.similarity.SimilarityModel;
import org.sightline.stix.vocabulary.Countries;

/**
 * Ranks actors for an intrusion from everything it shows (see docs/attribution.md). Each factor
 * adds log-odds to a candidate: behaviour (the TTP-similarity fit), time (how much of the actor's
 * reporting falls in the intrusion's window, against an even spread), targeting (sectors and
 * countries it is known to hit), infrastructure (indicator values already tied to it) and claims
 * (what sources say about this intrusion). A factor with nothing to compare for a candidate (no
 * dates known, no targeting known) adds nothing to it and is reported as unused, so missing
 * knowledge neither helps nor hurts. The sums go through a softmax over every candidate.
 */
public final class AttributionModel {
    /** Log-odds weights of the factors other than behaviour (whose scale is the similarity model's temperature). */
    public record Weights(double time, double timeFloor, double timeCap, double sectorMatch, double sectorMiss,
                          double countryMatch, double countryMiss, double perIndicator, double indicatorCap,
                          double claimScale, double referenceItems, double temperatureDecay) {
        public static Weights defaults() {
            return new Weights(2.0, -2.0, 1.0, 0.7, -0.3, 0.5, -0.2, 1.5, 4.5, 1.0, 6, 1.0);
        }
    }

    /** Sectors and countries an actor is known to target, and who says so. */
    public record Targeting(Set<String> sectors, Set<String> countries, List<String> sources) {
    }

    /** An actor known to the store beyond the behaviour catalogue (its canonical object). */
    public record Actor(String id, String name, String externalId) {
    }

    /** Years covered by all reporting: the yardstick an even spread of an actor's reports is measured against. */
    private static final int FIRST_YEAR = 2005;

    private final AttackCatalog catalog;
    private final SimilarityModel behaviour;
    private final Map<String, ReportingYears.Years> years;
    private final Map<String, Targeting> targeting;
    private final Map<String, Set<String>> actorsByIndicator;
    private final Map<String, Actor> actors;
    private final Weights weights;
    private final int lastYear;

    public AttributionModel(AttackCatalog catalog, SimilarityModel behaviour, Map<String, ReportingYears.Years> years,
                            Map<String, Targeting> targeting, Map<String, Set<String>> actorsByIndicator,
                            Map<String, Actor> actors, Weights weights, int lastYear) {
        this.catalog = catalog;
        this.behaviour = behaviour;
        this.years = years;
        this.targeting = targeting;
        this.actorsByIndicator = actorsByIndicator;
        this.actors = actors;
        this.weights = weights;
        this.lastYear = lastYear;
    }

    public Attribution rank(Intrusion intrusion, int top) {
        AttackCatalog.Observed seen = catalog.observed(intrusion.techniques(), intrusion.software());
        Set<String> observed = seen.known();
        List<String> unknown = seen.unknown();
        Map<String, Scored> candidates = new LinkedHashMap<>();
        // The similarity model's discount of large repertoires and its temperature were fitted on 6-item
        // queries; an intrusion that shows 30 items is told apart by the items themselves, so both ease.
        double scale = observed.isEmpty() ? 1 : Math.min(1, weights.referenceItems() / observed.size());
        List<SimilarityModel.Fit> fits = observed.isEmpty() ? List.of() : behaviour.fits(observed, behaviour.sizeExponent() * scale);
        double temperature = behaviour.temperature() * Math.pow(scale, weights.temperatureDecay());
        for (AttackCatalog.Group group : catalog.groups()) {
            candidates.put(group.id(), new Scored(group.id(), group.name(), group.externalId()));
        }
        for (SimilarityModel.Fit fit : fits) {
            candidates.get(fit.group().id()).add(behaviourFactor(fit, observed.size(), temperature));
        }
        Map<String, List<String>> sharedIndicators = sharedIndicators(intrusion);
        for (String actorId : sharedIndicators.keySet()) {
            candidate(candidates, actorId);
        }
        Map<String, List<Intrusion.SourceClaim>> claims = new LinkedHashMap<>();
        for (Intrusion.SourceClaim claim : intrusion.claims()) {
            if (candidate(candidates, claim.actorId()) != null) {
                claims.computeIfAbsent(claim.actorId(), k -> new ArrayList<>()).add(claim);
            }
        }
        for (Scored candidate : candidates.values()) {
            if (observed.isEmpty()) {
                candidate.add(Factor.unused("behaviour", "no known technique or software observed"));
            } else if (candidate.factors.stream().noneMatch(f -> f.name().equals("behaviour"))) {
                candidate.add(Factor.unused("behaviour", "no known behaviour to compare"));
            }
            candidate.add(timeFactor(intrusion, years.get(candidate.id)));
            candidate.add(targetingFactor(intrusion, targeting.get(candidate.id)));
            candidate.add(infrastructureFactor(sharedIndicators.getOrDefault(candidate.id, List.of()), intrusion.indicators().size()));
            candidate.add(claimsFactor(claims.getOrDefault(candidate.id, List.of()), intrusion.claims().isEmpty(), candidates.size()));
        }
        List<Scored> ranked = new ArrayList<>(candidates.values());
        double best = ranked.stream().mapToDouble(Scored::logit).max().orElse(0);
        double total = ranked.stream().mapToDouble(s -> Math.exp(s.logit() - best)).sum();
        ranked.sort(Comparator.comparingDouble(Scored::logit).reversed().thenComparing(s -> s.id));
        List<Attribution.Candidate> result = new ArrayList<>();
        for (Scored scored : ranked.subList(0, Math.min(top, ranked.size()))) {
            double probability = Math.exp(scored.logit() - best) / total;
            result.add(new Attribution.Candidate(scored.id, scored.name, scored.externalId, Math.round(probability * 10000) / 10000.0,
                    EstimativeWords.of(probability),
                    scored.factors.stream().filter(Factor::used).map(Factor::name).toList(), List.copyOf(scored.factors)));
        }
        return new Attribution(intrusion.name(), result, given(intrusion, observed), unknown);
    }

    private Scored candidate(Map<String, Scored> candidates, String actorId) {
        Scored known = candidates.get(actorId);
        if (known == null && actors.containsKey(actorId)) {
            Actor actor = actors.get(actorId);
            known = new Scored(actor.id(), actor.name(), actor.externalId());
            candidates.put(actorId, known);
        }
        return known;
    }

    private static List<String> given(Intrusion intrusion, Set<String> observed) {
        List<String> given = new ArrayList<>();
        if (!observed.isEmpty()) {
            given.add("behaviour");
        }
        if (intrusion.dated()) {
            given.add("time");
        }
        if (!intrusion.sectors().isEmpty() || !intrusion.countries().isEmpty()) {
            given.add("targeting");
        }
        if (!intrusion.indicators().isEmpty()) {
            given.add("infrastructure");
        }
        if (!intrusion.claims().isEmpty()) {
            given.add("claims");
        }
        return given;
    }

    private Factor behaviourFactor(SimilarityModel.Fit fit, int observed, double temperature) {
        SimilarityModel.Ranked why = fit.explanation();
        double weight = temperature * fit.value();
        if (why.shared().isEmpty() && weight == 0) {
            return Factor.used("behaviour", 0, "uses none of the " + observed + " observed techniques and software");
        }
        String telling = why.distinctive().isEmpty() ? "" : "; telling: " + String.join(", ", named(why.distinctive()));
        return Factor.used("behaviour", weight, "uses " + why.shared().size() + " of the " + observed
                + " observed techniques and software" + (why.shared().isEmpty() ? " directly (related ones only)" : "") + telling);
    }

    /**
     * The share of the actor's reports dated inside the intrusion's window (a year either side),
     * against the share an even spread over all reporting years would give: in log-odds, floored
     * and capped so that a thin record cannot decide alone.
     */
    private Factor timeFactor(Intrusion intrusion, ReportingYears.Years record) {
        if (!intrusion.dated()) {
            return Factor.unused("time", "the intrusion has no dates");
        }
        int from = (intrusion.from() != null ? intrusion.from() : intrusion.to()).getYear();
        int to = (intrusion.to() != null ? intrusion.to() : intrusion.from()).getYear();
        if (record == null) {
            return Factor.unused("time", "no dated reporting known for this actor");
        }
        int inside = record.within(from - 1, to + 1);
        int span = Math.max(1, lastYear - FIRST_YEAR + 1);
        double window = Math.min(span, to - from + 3);
        double share = (inside + 0.5) / (record.total() + 0.5 * span / window);
        double ratio = Math.log(share / (window / span));
        double weight = Math.max(weights.timeFloor(), Math.min(weights.timeCap(), weights.time() * ratio));
        String period = from == to ? String.valueOf(from) : from + "–" + to;
        String reported = "reported " + (record.first() == record.last() ? "in " + record.first() : record.first() + "–" + record.last());
        String reason;
        if (inside == 0) {
            reason = reported + ", none of its " + record.total() + " dated reports near " + period;
        } else if (from >= record.first() && to <= record.last()) {
            reason = reported + ", " + period + " inside the window (" + inside + " of " + record.total() + " dated reports)";
        } else {
            reason = reported + "; " + inside + " of " + record.total() + " dated reports near " + period;
        }
        return Factor.used("time", weight, reason);
    }

    private Factor targetingFactor(Intrusion intrusion, Targeting known) {
        if (intrusion.sectors().isEmpty() && intrusion.countries().isEmpty()) {
            return Factor.unused("targeting", "the intrusion names no sector or country");
        }
        if (known == null || (known.sectors().isEmpty() && known.countries().isEmpty())) {
            return Factor.unused("targeting", "no known targeting for this actor");
        }
        double weight = 0;
        List<String> parts = new ArrayList<>();
        if (!intrusion.sectors().isEmpty() && !known.sectors().isEmpty()) {
            Set<String> hit = overlap(intrusion.sectors(), known.sectors(), AttributionModel::fold);
            weight += hit.isEmpty() ? weights.sectorMiss() : weights.sectorMatch() * Math.min(2, hit.size());
            parts.add(hit.isEmpty() ? "targets none of the sectors " + String.join(", ", intrusion.sectors())
                    : "targets " + String.join(", ", hit));
        }
        if (!intrusion.countries().isEmpty() && !known.countries().isEmpty()) {
            Set<String> hit = overlap(intrusion.countries(), known.countries(), AttributionModel::country);
            weight += hit.isEmpty() ? weights.countryMiss() : weights.countryMatch() * Math.min(2, hit.size());
            parts.add(hit.isEmpty() ? "not known in " + String.join(", ", intrusion.countries()) : "has hit " + String.join(", ", hit));
        }
        if (parts.isEmpty()) {
            return Factor.unused("targeting", "its known targeting is of another kind than the intrusion's");
        }
        return Factor.used("targeting", weight, String.join("; ", parts) + " (per " + String.join("; ", known.sources()) + ")");
    }

    private Factor infrastructureFactor(List<String> shared, int given) {
        if (given == 0) {
            return Factor.unused("infrastructure", "the intrusion lists no indicators");
        }
        if (shared.isEmpty()) {
            return Factor.unused("infrastructure", "none of the " + given + " indicators is tied to this actor");
        }
        double weight = Math.min(weights.indicatorCap(), weights.perIndicator() * shared.size());
        List<String> shown = shared.stream().limit(3).toList();
        return Factor.used("infrastructure", weight, "shares " + shared.size() + " of the " + given
                + " indicators with this actor's known activity: " + String.join(", ", shown) + (shared.size() > 3 ? ", …" : ""));
    }

    /**
     * A claim's probability is a posterior over all candidates, not a ratio: "likely (60%) menuPass"
     * must leave menuPass near 60% when nothing else is known, not at 60% of one candidate in 170.
     * So its log-odds are taken against the even prior 1/N: logit(p) + log(N − 1).
     */
    private Factor claimsFactor(List<Intrusion.SourceClaim> claims, boolean none, int candidates) {
        if (none) {
            return Factor.unused("claims", "no source claims who is behind it");
        }
        if (claims.isEmpty()) {
            return Factor.unused("claims", "no source names this actor");
        }
        double weight = 0;
        List<String> who = new ArrayList<>();
        for (Intrusion.SourceClaim claim : claims) {
            double p = Math.max(0.01, Math.min(0.99, claim.probability()));
            weight += weights.claimScale() * (Math.log(p / (1 - p)) + Math.log(Math.max(1, candidates - 1)));
            who.add(claim.source() + " (" + EstimativeWords.of(claim.probability()) + ", " + Math.round(100 * claim.probability()) + "%)");
        }
        return Factor.used("claims", weight, "attributed to it by " + String.join("; ", who));
    }

    private Map<String, List<String>> sharedIndicators(Intrusion intrusion) {
        Map<String, List<String>> shared = new LinkedHashMap<>();
        Set<String> values = new TreeSet<>();
        intrusion.indicators().forEach(given -> values.addAll(IndicatorValues.of(given)));
        for (String value : values) {
            for (String actor : actorsByIndicator.getOrDefault(IndicatorValues.normalise(value), Set.of())) {
                shared.computeIfAbsent(actor, k -> new ArrayList<>()).add(value);
            }
        }
        return shared;
    }

    private List<String> named(List<String> ids) {
        return ids.stream().map(id -> catalog.names().containsKey(id) ? id + " " + catalog.names().get(id) : id).toList();
    }

    /**
     * The wanted values the known ones cover, compared folded; a sector matches one that starts
     * like it ("government" and "government-national").
     */
    private static Set<String> overlap(List<String> wanted, Set<String> known, java.util.function.UnaryOperator<String> key) {
        Set<String> keys = new TreeSet<>();
        known.forEach(k -> keys.add(key.apply(k)));
        Set<String> hit = new TreeSet<>();
        for (String value : wanted) {
            String folded = key.apply(value);
            if (keys.stream().anyMatch(k -> !k.isEmpty() && !folded.isEmpty() && (k.startsWith(folded) || folded.startsWith(k)))) {
                hit.add(value);
            }
        }
        return hit;
    }

    private static String fold(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** "JP", "Japan" and "japan" alike, as the ISO code when the name is known. */
    private static String country(String value) {
        return Countries.code(value).map(code -> code.toLowerCase(Locale.ROOT)).orElseGet(() -> fold(value));
    }

    /** A candidate as its factors are added up. */
    private static final class Scored {
        final String id;
        final String name;
        final String externalId;
        final List<Factor> factors = new ArrayList<>();

        Scored(String id, String name, String externalId) {
            this.id = id;
            this.name = name;
            this.externalId = externalId;
        }

        void add(Factor factor) {
            factors.add(factor);
        }

        double logit() {
            return factors.stream().mapToDouble(Factor::weight).sum();
        }
    }
}
