package org.sightline.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.NotFoundException;
import org.sightline.intel.screening.ListEntry;
import org.sightline.intel.screening.Screening;
import org.sightline.intel.screening.evaluation.Evaluation;
import org.sightline.intel.screening.evaluation.LabelledQuery;
import org.sightline.intel.screening.evaluation.LabelledSet;
import org.sightline.intel.screening.evaluation.PublishedVariants;
import org.sightline.intel.screening.evaluation.VariantEvaluation;
import org.sightline.ingest.sanctions.Listing;
import org.sightline.ingest.sanctions.OfacSdnCsv;
import org.sightline.ingest.sanctions.SanctionsList;
import org.sightline.error.InvalidInputException;
import java.util.Map;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "screen", mixinStandardHelpOptions = true,
        description = {"Measure sanctions screening on the full OFAC SDN list (January 2019, in ../shared/data): a labelled set "
                + "built from the list (for each of --names entries, three spellings that must find it: word order, split "
                + "syllables, another transliteration, typos, the list's own form; and two names of other people or companies "
                + "that must find nothing), then 10,000 such names screened one after another.",
                "Then spellings someone else wrote: the list's own other names (alt.csv) that share a word with the listed name, "
                        + "screened against the list with every alt.csv name taken out, for the entries whose number has the parity "
                        + "of --half (even: the half tuned on and published; odd: kept for an independent check), and invented "
                        + "namesakes (one listed person's given name with another's family name) that must raise no alert.",
                "Metrics: precision, recall (at --threshold), seconds_10k; variant_found (at --threshold), variant_first (ranked "
                        + "first at any score), candidate_recall, namesake_alert_rate."})
public final class ScreenBench implements Callable<Integer> {
    @Option(names = "--list", paramLabel = "FOLDER", description = "An OFAC SDN CSV folder (default: the full 2019 list in ../shared/data).")
    Path list;

    @Option(names = "--names", defaultValue = "400", description = "Listed names to build the labelled set from (default 400).")
    int names;

    @Option(names = "--threshold", defaultValue = "0.8", description = "The screening threshold (default 0.8).")
    double threshold;

    @Option(names = "--seed", defaultValue = "20170101")
    long seed;

    @Option(names = "--half", defaultValue = "even", paramLabel = "even|odd",
            description = "Which entries' published variants to measure, by the parity of their list number (default even).")
    String half;

    @Option(names = "--namesakes", defaultValue = "1000", description = "Invented namesakes to screen (default 1000).")
    int namesakes;

    @Option(names = "--show-errors", defaultValue = "0", paramLabel = "N", description = "Print up to N misses and false alerts.")
    int showErrors;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output output = ((Sightline) spec.root().userObject()).output();
        Path folder = list != null ? list : BenchData.SHARED.resolve("sanctions/ofac-sdn-csv-full-older");
        if (!Files.isRegularFile(folder.resolve("sdn.csv"))) {
            throw new NotFoundException("no OFAC SDN CSV folder at " + folder + "; pass --list FOLDER holding sdn.csv");
        }
        Path scratch = Files.createTempDirectory("sightline-bench-screen-");
        BenchReport report = BenchReport.start("screen");
        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(scratch))) {
            BenchData.importInto(knowledge, folder);
            List<ListEntry> entries = ListEntry.allIn(knowledge.store());
            long start = System.nanoTime();
            Screening screening = new Screening(entries);
            double indexSeconds = (System.nanoTime() - start) / 1e9;

            List<LabelledQuery> labelled = new LabelledSet(entries, seed).build(names, 3, 2);
            Evaluation evaluation = Evaluation.of(screening, labelled, threshold);
            long positives = labelled.stream().filter(LabelledQuery::positive).count();
            var params = BenchReport.params("entries", entries.size(), "names", names, "positives", positives,
                    "negatives", labelled.size() - positives, "threshold", threshold);
            report.add("precision", evaluation.precision(), "ratio", params);
            report.add("recall", evaluation.recall(), "ratio", params);

            List<LabelledQuery> tenThousand = tenThousand(entries);
            Evaluation.of(screening, tenThousand.subList(0, 500), threshold); // warm-up
            start = System.nanoTime();
            long matches = 0;
            for (LabelledQuery query : tenThousand) {
                matches += screening.screen(new Screening.Query(query.query(), query.kind(), null, null, null), threshold).size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add("seconds_10k", seconds, "s", BenchReport.params("entries", entries.size(), "queries", tenThousand.size(),
                    "threads", 1, "matches", matches, "index_seconds", Math.round(indexSeconds * 1000) / 1000.0));
            VariantEvaluation variants = publishedVariants(folder, entries);
            var variantParams = BenchReport.params("half", half, "variants", variants.variants(), "namesakes", variants.namesakes(),
                    "threshold", threshold);
            report.add("variant_found", variants.found(), "ratio", variantParams);
            report.add("variant_first", variants.first(), "ratio", variantParams);
            report.add("candidate_recall", variants.candidateRecall(), "ratio", variantParams);
            report.add("namesake_alert_rate", variants.namesakeAlertRate(), "ratio", variantParams);
            if (showErrors > 0 && !output.json()) {
                evaluation.errors().stream().limit(showErrors).forEach(output::line);
                variants.errors().stream().limit(showErrors).forEach(output::line);
            }
        } finally {
            BenchData.deleteRecursively(scratch);
        }
        report.print(output);
        return Sightline.OK;
    }

    /** The list's own other names of one half of its entries, screened against the list without them. */
    private VariantEvaluation publishedVariants(Path folder, List<ListEntry> entries) {
        PublishedVariants.Half which = switch (half.toLowerCase(java.util.Locale.ROOT)) {
            case "even" -> PublishedVariants.Half.EVEN;
            case "odd" -> PublishedVariants.Half.ODD;
            default -> throw new InvalidInputException("--half is even or odd, not '" + half + "'");
        };
        SanctionsList list = OfacSdnCsv.read(folder);
        Map<String, List<String>> otherNames = OfacSdnCsv.otherNames(folder);
        List<PublishedVariants.Published> published = new ArrayList<>();
        for (Listing listing : list.listings()) {
            published.add(new PublishedVariants.Published(list.idOf(listing), Long.parseLong(listing.entry()), listing.listedForm(),
                    listing.individual(), otherNames.getOrDefault(listing.entry(), List.of())));
        }
        PublishedVariants set = PublishedVariants.of(entries, published, which, namesakes, seed);
        return VariantEvaluation.of(new Screening(set.entries()), set.variants(), set.namesakes(), threshold);
    }

    /** 10,000 names made the way the labelled set is (another seed): spellings of listed names and names of others. */
    private List<LabelledQuery> tenThousand(List<ListEntry> entries) {
        List<LabelledQuery> queries = new ArrayList<>();
        for (long round = 1; queries.size() < 10_000; round++) {
            queries.addAll(new LabelledSet(entries, seed + round).build(2_000, 3, 2));
        }
        return queries.subList(0, 10_000);
    }
}
