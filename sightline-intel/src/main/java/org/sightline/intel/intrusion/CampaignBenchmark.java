package org.sightline.intel.intrusion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.intel.similarity.AttackCatalog;
import org.sightline.intel.similarity.SimilarityModel;
import org.sightline.stix.StixObject;
import org.sightline.store.StixStore;

/**
 * Attribution measured on intrusions that were never part of any profile (docs/attribution.md):
 * every campaign the store attributes to a known group, with all campaigns and what they used left
 * out of the profiles, attributed from its own techniques, software and dates. Reports top-1,
 * top-5, mean reciprocal rank and the calibration error of the top probability, for the whole
 * model and for behaviour alone (what `similar` does).
 */
public final class CampaignBenchmark {

    /** The figures for one model, and each campaign's outcome (name, group, rank, top probability). */
    public record Result(int campaigns, double top1, double top5, double mrr, double calibrationError, List<Outcome> outcomes) {
    }

    /** One campaign: the group ATT&CK attributes it to, the rank the model gave that group, and the top probability. */
    public record Outcome(String campaign, String group, int rank, double topProbability, String top) {
    }

    /** Both figures: every factor, and behaviour alone. */
    public record Comparison(Result attribution, Result behaviourOnly) {
    }

    private static final int CALIBRATION_BINS = 10;

    private CampaignBenchmark() {
    }

    public static Comparison run(StixStore store) {
        return run(store, SimilarityModel.Parameters.defaults(), AttributionModel.Weights.defaults());
    }

    public static Comparison run(StixStore store, SimilarityModel.Parameters parameters, AttributionModel.Weights weights) {
        AttackCatalog catalog = AttackCatalog.load(store).withoutCampaigns();
        Set<String> groups = new HashSet<>();
        catalog.groups().forEach(group -> groups.add(group.id()));
        Map<String, ReportingYears.Years> years = ReportingYears.load(store);
        SimilarityModel behaviour = new SimilarityModel(catalog, parameters);
        AttributionModel full = new AttributionModel(catalog, behaviour, years, Map.of(), Map.of(), Map.of(),
                weights, ReportingYears.lastYear(years));
        AttributionModel alone = new AttributionModel(catalog, behaviour, Map.of(), Map.of(), Map.of(), Map.of(),
                weights, ReportingYears.lastYear(years));
        IntrusionLoader loader = new IntrusionLoader(store);
        List<Outcome> withAll = new ArrayList<>();
        List<Outcome> withBehaviour = new ArrayList<>();
        List<StixObject> campaigns = new ArrayList<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("campaign"), Set.of(), false), campaigns::add);
        for (StixObject campaign : campaigns) {
            if (campaign.json().path("x_mitre_deprecated").asBoolean(false)) {
                continue;
            }
            List<String> attributedTo = store.edgesFrom(campaign.id(), "attributed-to").stream()
                    .map(StixStore.Edge::targetId).filter(groups::contains).distinct().toList();
            if (attributedTo.size() != 1) {
                continue;
            }
            Intrusion intrusion = loader.load(campaign.id()).withoutClaims();
            if (intrusion.techniques().isEmpty() && intrusion.software().isEmpty()) {
                continue;
            }
            String group = attributedTo.get(0);
            withAll.add(outcome(full.rank(intrusion, Integer.MAX_VALUE), campaign, group));
            withBehaviour.add(outcome(alone.rank(new Intrusion(intrusion.id(), intrusion.name(), intrusion.techniques(),
                    intrusion.software(), List.of(), List.of(), null, null, List.of(), List.of()), Integer.MAX_VALUE), campaign, group));
        }
        return new Comparison(result(withAll), result(withBehaviour));
    }

    private static Outcome outcome(Attribution attribution, StixObject campaign, String group) {
        int rank = 0;
        for (int i = 0; i < attribution.candidates().size(); i++) {
            if (attribution.candidates().get(i).id().equals(group)) {
                rank = i + 1;
                break;
            }
        }
        Attribution.Candidate top = attribution.candidates().get(0);
        return new Outcome(campaign.name(), group, rank, top.probability(), top.name());
    }

    private static Result result(List<Outcome> outcomes) {
        int top1 = 0;
        int top5 = 0;
        double reciprocal = 0;
        double[][] bins = new double[CALIBRATION_BINS][3];
        for (Outcome outcome : outcomes) {
            top1 += outcome.rank() == 1 ? 1 : 0;
            top5 += outcome.rank() >= 1 && outcome.rank() <= 5 ? 1 : 0;
            reciprocal += outcome.rank() == 0 ? 0 : 1.0 / outcome.rank();
            double[] bin = bins[Math.min(CALIBRATION_BINS - 1, (int) (outcome.topProbability() * CALIBRATION_BINS))];
            bin[0]++;
            bin[1] += outcome.topProbability();
            bin[2] += outcome.rank() == 1 ? 1 : 0;
        }
        int n = Math.max(1, outcomes.size());
        double calibration = 0;
        for (double[] bin : bins) {
            calibration += bin[0] == 0 ? 0 : bin[0] / n * Math.abs(bin[1] / bin[0] - bin[2] / bin[0]);
        }
        return new Result(outcomes.size(), (double) top1 / n, (double) top5 / n, reciprocal / n, calibration, List.copyOf(outcomes));
    }
}
