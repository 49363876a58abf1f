package org.sightline.intel.similarity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fixed protocol that measures TTP-similarity attribution (docs/attribution.md): for every group
 * with at least 10 techniques+software, hide a random 30% of its items from its own profile, query
 * with 5 items drawn from its full set plus 1 random item from the whole catalogue, rank all groups;
 * 5 repeats with a fixed seed. Reports top-1, top-5 and mean reciprocal rank, and how well the
 * top group's score works as a probability (expected calibration error over ten bins).
 *
 * <p>Each query runs on a model built from a catalogue in which the group's hidden items are
 * unknown, so that nothing hidden leaks in, not even through how many groups use an item.
 */
public final class AttributionBenchmark {

    public record Result(int queries, double top1, double top5, double mrr, double calibrationError,
                         List<Double> latenciesMs) {
    }

    private static final int CALIBRATION_BINS = 10;

    private AttributionBenchmark() {
    }

    public static Result run(AttackCatalog catalog, SimilarityModel.Parameters parameters, long seed, int repeats) {
        Random random = new Random(seed);
        List<String> everything = new ArrayList<>(catalog.names().keySet());
        everything.sort(String::compareTo);
        int queries = 0;
        int top1 = 0;
        int top5 = 0;
        double reciprocal = 0;
        List<Double> latencies = new ArrayList<>();
        double[][] calibration = new double[CALIBRATION_BINS][3];
        SimilarityModel full = new SimilarityModel(catalog, parameters);
        for (int repeat = 0; repeat < repeats; repeat++) {
            for (int g = 0; g < catalog.groups().size(); g++) {
                AttackCatalog.Group group = catalog.groups().get(g);
                List<String> items = new ArrayList<>(group.techniques());
                items.addAll(group.software());
                items.sort(String::compareTo);
                if (items.size() < 10) {
                    continue;
                }
                List<String> shuffled = new ArrayList<>(items);
                java.util.Collections.shuffle(shuffled, random);
                Set<String> hidden = new HashSet<>(shuffled.subList(0, (int) Math.round(items.size() * 0.3)));
                List<String> kept = items.stream().filter(i -> !hidden.contains(i)).toList();
                AttackCatalog.Group reduced = new AttackCatalog.Group(group.id(), group.name(), group.externalId(),
                        kept.stream().filter(i -> !catalog.isSoftware(i)).collect(Collectors.toSet()),
                        kept.stream().filter(catalog::isSoftware).collect(Collectors.toSet()),
                        group.campaignItems().stream().filter(i -> !hidden.contains(i)).collect(Collectors.toSet()));
                SimilarityModel model = full.withGroup(g, reduced);

                java.util.Collections.shuffle(shuffled, random);
                Set<String> query = new HashSet<>(shuffled.subList(0, 5));
                query.add(everything.get(random.nextInt(everything.size())));

                long start = System.nanoTime();
                model.rank(query, 10); // what `similar` asks for by default: the latency a user sees
                latencies.add((System.nanoTime() - start) / 1e6);
                List<SimilarityModel.Ranked> ranking = model.rank(query, Integer.MAX_VALUE);
                int rank = 0;
                for (int i = 0; i < ranking.size(); i++) {
                    if (ranking.get(i).id().equals(group.id())) {
                        rank = i + 1;
                        break;
                    }
                }
                double confidence = ranking.get(0).score();
                double[] bin = calibration[Math.min(CALIBRATION_BINS - 1, (int) (confidence * CALIBRATION_BINS))];
                bin[0]++;
                bin[1] += confidence;
                bin[2] += rank == 1 ? 1 : 0;
                queries++;
                top1 += rank == 1 ? 1 : 0;
                top5 += rank >= 1 && rank <= 5 ? 1 : 0;
                reciprocal += rank == 0 ? 0 : 1.0 / rank;
            }
        }
        double calibrationError = 0;
        for (double[] bin : calibration) {
            calibrationError += bin[0] == 0 ? 0 : bin[0] / queries * Math.abs(bin[1] / bin[0] - bin[2] / bin[0]);
        }
        return new Result(queries, (double) top1 / queries, (double) top5 / queries, reciprocal / queries,
                calibrationError, latencies);
    }
}
