package org.sightline.intel.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.sightline.stix.StixTimestamp;

/**
 * Computes a claim's confidence from its graded evidence (docs/attribution.md). It works in
 * log-odds, starting from the prior. Each item weighs {@code maxWeight × reliability × credibility}.
 * Within one origin, only the strongest item counts fully and the others add a tenth each (ten
 * articles repeating one blog post are one origin), capped at a quarter more than the strongest.
 * Supporting origins raise the odds and refuting ones lower them. Evidence not yet knowable on the
 * as-of date is ignored.
 */
public final class ConfidenceModel {
    /** The starting belief, the log-odds of one fully graded item (A1), and how much repeats add. */
    public record Parameters(double prior, double maxWeight, double repeatShare, double repeatCap) {
        public static Parameters defaults() {
            return new Parameters(0.5, 2.0, 0.1, 1.25);
        }
    }

    private final Parameters parameters;

    public ConfidenceModel(Parameters parameters) {
        this.parameters = parameters;
    }

    /**
     * Assesses the claim as of the date, grading each source's reliability as {@code reliabilityOf}
     * says it stood then (its track record); the evidence's own grade is used when that gives null.
     */
    public Assessment assess(String claim, List<Evidence> evidence, Instant asOf,
                             Function<Evidence, Reliability> reliabilityOf) {
        Map<String, List<Evidence>> byOrigin = new TreeMap<>();
        for (Evidence item : evidence) {
            if (!item.knownFrom().isAfter(asOf)) {
                byOrigin.computeIfAbsent(item.origin(), k -> new ArrayList<>()).add(item);
            }
        }
        double logOdds = Math.log(parameters.prior() / (1 - parameters.prior()));
        List<Assessment.Contribution> contributions = new ArrayList<>();
        for (Map.Entry<String, List<Evidence>> origin : byOrigin.entrySet()) {
            List<Evidence> items = origin.getValue();
            double support = combined(items, Evidence.Stance.SUPPORTS, reliabilityOf);
            double refute = combined(items, Evidence.Stance.REFUTES, reliabilityOf);
            double effect = support - refute;
            logOdds += effect;
            contributions.add(new Assessment.Contribution(origin.getKey(), items.stream().map(Evidence::id).sorted().toList(),
                    round(effect), reason(origin.getKey(), items, effect, reliabilityOf)));
        }
        contributions.sort(Comparator.comparingDouble((Assessment.Contribution c) -> -Math.abs(c.effect()))
                .thenComparing(Assessment.Contribution::origin));
        double probability = 1 / (1 + Math.exp(-logOdds));
        return new Assessment(claim, StixTimestamp.format(asOf), round(probability), (int) Math.round(probability * 100),
                EstimativeWords.of(probability), contributions);
    }

    /** One origin's weight for one stance: the strongest item, plus a small share of the others, capped. */
    private double combined(List<Evidence> items, Evidence.Stance stance, Function<Evidence, Reliability> reliabilityOf) {
        List<Double> weights = items.stream().filter(i -> i.stance() == stance)
                .map(i -> weight(i, reliabilityOf)).sorted(Comparator.reverseOrder()).toList();
        if (weights.isEmpty()) {
            return 0;
        }
        double strongest = weights.get(0);
        double rest = weights.subList(1, weights.size()).stream().mapToDouble(Double::doubleValue).sum();
        return Math.min(strongest + parameters.repeatShare() * rest, strongest * parameters.repeatCap());
    }

    private double weight(Evidence item, Function<Evidence, Reliability> reliabilityOf) {
        Reliability reliability = reliabilityOf.apply(item);
        return parameters.maxWeight() * (reliability == null ? item.reliability() : reliability).weight()
                * item.credibility().weight();
    }

    private String reason(String origin, List<Evidence> items, double effect, Function<Evidence, Reliability> reliabilityOf) {
        Evidence strongest = items.stream().max(Comparator.comparingDouble(i -> weight(i, reliabilityOf))).orElseThrow();
        Reliability reliability = reliabilityOf.apply(strongest) == null ? strongest.reliability() : reliabilityOf.apply(strongest);
        String kinds = String.join(", ", items.stream().map(Evidence::kind).distinct().toList());
        String direction = effect > 0 ? "raises" : effect < 0 ? "lowers" : "leaves";
        return String.format(Locale.ROOT, "%s: %d item%s (%s) from one origin; strongest %s (%s source, %s); %s the odds %s",
                origin, items.size(), items.size() == 1 ? "" : "s", kinds,
                new AdmiraltyGrade(strongest.reliability(), strongest.credibility(), reliability).label(),
                reliability.wording(), strongest.credibility().wording(), direction,
                effect == 0 ? "unchanged" : String.format(Locale.ROOT, "x%.1f", Math.exp(Math.abs(effect))));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
