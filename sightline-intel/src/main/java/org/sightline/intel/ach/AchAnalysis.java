package org.sightline.intel.ach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Heuer's analysis of competing hypotheses over a matrix: each hypothesis is scored by the weighted
 * inconsistency of the evidence against it (the weight is the evidence's Admiralty weight, so a
 * confirmed, reliable item that contradicts a hypothesis hurts it more than a rumour does) and the
 * hypotheses are ranked from least to most inconsistent. Each evidence item's diagnosticity is how
 * far its ratings spread across the hypotheses: an item rated alike for all of them does not help
 * choose, however strong it is.
 */
public final class AchAnalysis {

    /** The result: hypotheses least inconsistent first, and every evidence item with its diagnosticity. */
    public record Result(String id, String question, List<Ranked> ranking, List<Row> evidence) {
    }

    public record Ranked(String key, String label, String claim, double inconsistency, int inconsistentItems) {
    }

    /** One row of the matrix: the item, its weight, its rating per hypothesis key, and its diagnosticity (0 to 1). */
    public record Row(String evidence, String title, double weight, Map<String, String> ratings, double diagnosticity) {
    }

    private AchAnalysis() {
    }

    /**
     * @param weightOf the weight of an evidence item (its Admiralty reliability × credibility weight);
     *                 items it gives null for (unknown, or not knowable as of the date) are left out
     * @param titleOf  the item's one-line summary
     */
    public static Result of(AchMatrix matrix, Function<String, Double> weightOf, Function<String, String> titleOf) {
        Map<String, Map<String, Consistency>> byEvidence = new LinkedHashMap<>();
        for (AchMatrix.Rating rating : matrix.ratings()) {
            byEvidence.computeIfAbsent(rating.evidence(), k -> new LinkedHashMap<>()).put(rating.hypothesis(), rating.consistency());
        }
        Map<String, Double> inconsistency = new HashMap<>();
        Map<String, Integer> inconsistentItems = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        byEvidence.forEach((evidence, ratings) -> {
            Double weight = weightOf.apply(evidence);
            if (weight == null) {
                return;
            }
            Map<String, String> codes = new LinkedHashMap<>();
            int high = Integer.MIN_VALUE;
            int low = Integer.MAX_VALUE;
            for (AchMatrix.Hypothesis hypothesis : matrix.hypotheses()) {
                Consistency rating = ratings.getOrDefault(hypothesis.key(), Consistency.NEUTRAL);
                codes.put(hypothesis.key(), rating.code());
                high = Math.max(high, rating.value());
                low = Math.min(low, rating.value());
                if (rating.inconsistency() > 0) {
                    inconsistency.merge(hypothesis.key(), weight * rating.inconsistency(), Double::sum);
                    inconsistentItems.merge(hypothesis.key(), 1, Integer::sum);
                }
            }
            double diagnosticity = matrix.hypotheses().isEmpty() ? 0 : (high - low) / 4.0;
            rows.add(new Row(evidence, titleOf.apply(evidence), round(weight), codes, diagnosticity));
        });
        List<Ranked> ranking = new ArrayList<>();
        for (AchMatrix.Hypothesis hypothesis : matrix.hypotheses()) {
            ranking.add(new Ranked(hypothesis.key(), hypothesis.label(), hypothesis.claim(),
                    round(inconsistency.getOrDefault(hypothesis.key(), 0.0)), inconsistentItems.getOrDefault(hypothesis.key(), 0)));
        }
        ranking.sort(Comparator.comparingDouble(Ranked::inconsistency).thenComparing(Ranked::key));
        rows.sort(Comparator.comparingDouble(Row::diagnosticity).reversed().thenComparing(Row::evidence));
        return new Result(matrix.id(), matrix.question(), ranking, rows);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
