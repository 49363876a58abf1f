package org.sightline.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.intrusion.CampaignBenchmark;
import org.sightline.intel.similarity.AttackCatalog;
import org.sightline.intel.similarity.AttributionBenchmark;
import org.sightline.intel.similarity.SimilarityModel;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "attribution", mixinStandardHelpOptions = true,
        description = {"Measure TTP-similarity attribution on ATT&CK Enterprise with the fixed protocol of docs/attribution.md: "
                + "hide 30%% of a group's items, query with 5 of its items plus 1 random one, rank all groups; 5 repeats, fixed seed.",
                "Then every ATT&CK campaign attributed to one group, attributed from its own techniques, software and dates with "
                        + "all campaigns left out of the profiles.",
                "Metrics: top1, top5, mrr, calibration_error (of the top score as a probability), similar_p99_ms; campaign_top1, "
                        + "campaign_top5, campaign_mrr, campaign_calibration_error, and the same _behaviour_only."})
public final class AttributionBench implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "BUNDLE", description = "ATT&CK bundle (default ../shared/data/attack/enterprise-attack-18.1.json.gz).")
    Path file;

    @Option(names = "--seed", defaultValue = "20181220", description = "Random seed (default 20181220).")
    long seed;

    @Option(names = "--repeats", defaultValue = "5", description = "Repeats of the protocol (default 5).")
    int repeats;

    @Option(names = "--campaigns", description = "Also print each campaign's outcome (rank of its group, the top candidate) on stderr.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output output = ((Sightline) spec.root().userObject()).output();
        Path bundle = BenchData.attackBundle(file);
        Path dataDir = Files.createTempDirectory("sightline-bench-attribution-");
        BenchReport report = BenchReport.start("attribution");
        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(dataDir))) {
            BenchData.importInto(knowledge, bundle);
            AttackCatalog catalog = AttackCatalog.load(knowledge.store());
            AttributionBenchmark.run(catalog, SimilarityModel.Parameters.defaults(), seed, 1); // warm-up
            AttributionBenchmark.Result result = AttributionBenchmark.run(catalog, SimilarityModel.Parameters.defaults(), seed, repeats);
            List<Double> latencies = new ArrayList<>(result.latenciesMs());
            Collections.sort(latencies);
            double p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
            Map<String, Object> params = Map.of("queries", result.queries(), "repeats", repeats, "seed", seed,
                    "groups", catalog.groups().size());
            report.add("top1", result.top1(), "ratio", params);
            report.add("top5", result.top5(), "ratio", params);
            report.add("mrr", result.mrr(), "ratio", params);
            report.add("calibration_error", result.calibrationError(), "ratio", params);
            report.add("similar_p99_ms", p99, "ms", Map.of("queries", result.queries()));
            CampaignBenchmark.Comparison campaigns = CampaignBenchmark.run(knowledge.store());
            for (var model : List.of(Map.entry("all factors", campaigns.attribution()), Map.entry("behaviour only", campaigns.behaviourOnly()))) {
                CampaignBenchmark.Result figures = model.getValue();
                Map<String, Object> campaignParams = Map.of("campaigns", figures.campaigns(), "model", model.getKey());
                String suffix = model.getKey().equals("all factors") ? "" : "_behaviour_only";
                report.add("campaign_top1" + suffix, figures.top1(), "ratio", campaignParams);
                report.add("campaign_top5" + suffix, figures.top5(), "ratio", campaignParams);
                report.add("campaign_mrr" + suffix, figures.mrr(), "ratio", campaignParams);
                report.add("campaign_calibration_error" + suffix, figures.calibrationError(), "ratio", campaignParams);
            }
            if (verbose) {
                for (CampaignBenchmark.Outcome outcome : campaigns.attribution().outcomes()) {
                    output.note(String.format("%-45s rank %3d  top %s (%.0f%%)", outcome.campaign(), outcome.rank(), outcome.top(),
                            100 * outcome.topProbability()));
                }
            }
        } finally {
            BenchData.deleteRecursively(dataDir);
        }
        report.print(output);
        return Sightline.OK;
    }
}
