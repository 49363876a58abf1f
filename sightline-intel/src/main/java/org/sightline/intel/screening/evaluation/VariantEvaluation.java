package org.sightline.intel.screening.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.sightline.intel.screening.Screening;

/**
 * How screening does on spellings someone else wrote ({@link PublishedVariants}): the share of
 * variants whose entry is found at the threshold, ranked first at any score, and retrieved by the
 * index at all (candidate recall); and the share of invented namesakes that raise an alert.
 */
public record VariantEvaluation(int variants, double found, double first, double candidateRecall, int namesakes, double namesakeAlertRate,
                                List<String> errors) {

    /** "At any score": the lowest threshold screening takes, so every scored candidate is ranked. */
    static final double ANY_SCORE = 0.05;

    public static VariantEvaluation of(Screening screening, List<LabelledQuery> variants, List<LabelledQuery> namesakes, double threshold) {
        int found = 0;
        int first = 0;
        int candidates = 0;
        List<String> errors = new ArrayList<>();
        for (LabelledQuery variant : variants) {
            Screening.Query query = new Screening.Query(variant.query(), variant.kind(), null, null, null);
            boolean candidate = screening.candidateIds(variant.query()).contains(variant.expectedId());
            List<Screening.Match> ranked = screening.screen(query, ANY_SCORE);
            boolean isFirst = !ranked.isEmpty() && ranked.get(0).id().equals(variant.expectedId());
            boolean isFound = ranked.stream().anyMatch(match -> match.id().equals(variant.expectedId()) && match.score() >= threshold);
            candidates += candidate ? 1 : 0;
            first += isFirst ? 1 : 0;
            found += isFound ? 1 : 0;
            if (!isFound) {
                Screening.Match own = ranked.stream().filter(match -> match.id().equals(variant.expectedId())).findFirst().orElse(null);
                errors.add("missed: '" + variant.query() + "' for '" + variant.source() + "'"
                        + (own == null ? " (not scored" + (candidate ? ")" : ", not a candidate)") : " at " + own.score() + " " + own.reasons())
                        + (isFirst || ranked.isEmpty() ? "" : "; first '" + ranked.get(0).name() + "' " + ranked.get(0).score()));
            }
        }
        int alerts = 0;
        for (LabelledQuery namesake : namesakes) {
            List<Screening.Match> matches = screening.screen(new Screening.Query(namesake.query(), namesake.kind(), null, null, null), threshold);
            if (!matches.isEmpty()) {
                alerts++;
                errors.add("namesake alert: '" + namesake.query() + "' (" + namesake.source() + ") matched '" + matches.get(0).name() + "' "
                        + matches.get(0).score() + " " + matches.get(0).reasons());
            }
        }
        int n = Math.max(1, variants.size());
        return new VariantEvaluation(variants.size(), (double) found / n, (double) first / n, (double) candidates / n, namesakes.size(),
                (double) alerts / Math.max(1, namesakes.size()), List.copyOf(errors));
    }
}
