package org.sightline.intel.screening.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.sightline.intel.screening.Screening;

/**
 * Precision and recall of screening on a labelled set, counted per query as a compliance team sees
 * alerts: a spelling whose matches include its entry is found (a true positive), one whose matches
 * do not is missed, and any match it raises on another entry is a false alert; a name of someone
 * else that raises any match is a false alert too.
 */
public record Evaluation(int found, int missed, int falseAlerts, int quietNegatives, List<String> errors) {

    public static Evaluation of(Screening screening, List<LabelledQuery> queries, double threshold) {
        int found = 0;
        int missed = 0;
        int falseAlerts = 0;
        int quiet = 0;
        List<String> errors = new ArrayList<>();
        for (LabelledQuery query : queries) {
            List<Screening.Match> matches = screening.screen(new Screening.Query(query.query(), query.kind(), null, null, null), threshold);
            if (query.positive()) {
                boolean hit = matches.stream().anyMatch(match -> match.id().equals(query.expectedId()));
                if (hit) {
                    found++;
                } else {
                    missed++;
                    errors.add("missed (" + query.variant() + "): '" + query.query() + "' for '" + query.source() + "'"
                            + (matches.isEmpty() ? "" : ", found instead '" + matches.get(0).name() + "' " + matches.get(0).score()));
                    if (!matches.isEmpty()) {
                        falseAlerts++;
                    }
                }
            } else if (matches.isEmpty()) {
                quiet++;
            } else {
                falseAlerts++;
                errors.add("false alert (" + query.variant() + " than '" + query.source() + "'): '" + query.query() + "' matched '"
                        + matches.get(0).name() + "' " + matches.get(0).score() + " " + matches.get(0).reasons());
            }
        }
        return new Evaluation(found, missed, falseAlerts, quiet, errors);
    }

    public double precision() {
        return found + falseAlerts == 0 ? 1.0 : (double) found / (found + falseAlerts);
    }

    public double recall() {
        return found + missed == 0 ? 1.0 : (double) found / (found + missed);
    }
}
