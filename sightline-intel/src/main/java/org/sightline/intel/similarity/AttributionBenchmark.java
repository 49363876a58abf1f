package org.sightline.intel.similarity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The fixed protocol that measures TTP-similarity attribution (docs/attribution.md): for every group
 * with at least 10 techniques+software, hide a random 30% of its items from its own profile, query
 * with 5 items drawn from its full set plus 1 random item from the whole catalogue, rank all groups;
 * 5 repeats with a fixed seed. Reports top-1, top-5 and mean reciprocal rank.
 */
public final class AttributionBenchmark {

    public record Result(int queries, double top1, double top5, double mrr, List<Double> latenciesMs) {
    }

    private AttributionBenchmark() {
    }

    public static Result run(SimilarityModel model, AttackCatalog catalog, long seed, int repeats) {
        Random random = new Random(seed);
        List<String> everything = new ArrayList<>(catalog.names().keySet());
        everything.sort(String::compareTo);
        int queries = 0;
        int top1 = 0;
        int top5 = 0;
        double reciprocal = 0;
        List<Double> latencies = new ArrayList<>();
        List<SimilarityModel.Profile> full = model.profiles();
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
                SimilarityModel.Profile reduced = model.profile(group,
                        kept.stream().filter(i -> !catalog.isSoftware(i)).toList(),
                        kept.stream().filter(catalog::isSoftware).toList(),
                        group.campaignItems().stream().filter(i -> !hidden.contains(i)).toList());
                List<SimilarityModel.Profile> profiles = new ArrayList<>(full);
                profiles.set(g, reduced);

                java.util.Collections.shuffle(shuffled, random);
                Set<String> query = new HashSet<>(shuffled.subList(0, 5));
                query.add(everything.get(random.nextInt(everything.size())));

                long start = System.nanoTime();
                List<SimilarityModel.Ranked> ranking = model.rank(query, profiles, profiles.size());
                latencies.add((System.nanoTime() - start) / 1e6);
                int rank = 0;
                for (int i = 0; i < ranking.size(); i++) {
                    if (ranking.get(i).id().equals(group.id())) {
                        rank = i + 1;
                        break;
                    }
                }
                queries++;
                top1 += rank == 1 ? 1 : 0;
                top5 += rank >= 1 && rank <= 5 ? 1 : 0;
                reciprocal += rank == 0 ? 0 : 1.0 / rank;
            }
        }
        return new Result(queries, (double) top1 / queries, (double) top5 / queries, reciprocal / queries, latencies);
    }
}
