package org.sightline.intel.screening;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much two names have in their letters when their words do not pair: the cosine of their
 * character trigrams (each word with its edges marked), weighed by how rare each trigram is among
 * the listed names. It ranks a translation or a heavily respelt name ("JAMAAT UD DAWA" and "JAMA'AT
 * UL DAWA", "PAVLIUCHENKO" and "PAULICHENKA") above names that share only common letters, but on its
 * own it never raises an alert: {@link Screening} scales it to at most {@link #MOST}, below any
 * threshold an analyst would screen at, so it only orders what lies beneath.
 */
final class LetterResemblance {
    /** The most a resemblance by letters alone can score. */
    static final double MOST = 0.7;

    private final int[][] trigramsOf;
    private final double[] normOf;
    private final Map<Integer, Double> rarity = new HashMap<>();

    LetterResemblance(List<ScreeningName> names) {
        trigramsOf = new int[names.size()][];
        Map<Integer, Integer> namesWith = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            trigramsOf[i] = trigrams(names.get(i));
            for (int trigram : trigramsOf[i]) {
                namesWith.merge(trigram, 1, Integer::sum);
            }
        }
        namesWith.forEach((trigram, with) -> rarity.put(trigram, Math.log((names.size() + 1.0) / with)));
        normOf = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            double sum = 0;
            for (int trigram : trigramsOf[i]) {
                double weight = rarity.get(trigram);
                sum += weight * weight;
            }
            normOf[i] = Math.sqrt(sum);
        }
    }

    /** The query's trigrams with their weights, computed once per query. */
    Query query(ScreeningName name) {
        int[] trigrams = trigrams(name);
        double[] weights = new double[trigrams.length];
        double sum = 0;
        double unseen = Math.log(trigramsOf.length + 1.0); // a trigram no listed name has is as rare as can be
        for (int i = 0; i < trigrams.length; i++) {
            weights[i] = rarity.getOrDefault(trigrams[i], unseen);
            sum += weights[i] * weights[i];
        }
        return new Query(trigrams, weights, Math.sqrt(sum));
    }

    /** A query's sorted trigrams, their rarity weights and its norm. */
    record Query(int[] trigrams, double[] weights, double norm) {
    }

    /** The weighted cosine of the query's trigrams and the listed name's at {@code position}, 0 to 1. */
    double cosine(Query query, int position) {
        int[] listed = trigramsOf[position];
        if (query.norm() == 0 || normOf[position] == 0) {
            return 0;
        }
        double dot = 0;
        for (int i = 0, j = 0; i < query.trigrams().length && j < listed.length; ) {
            if (query.trigrams()[i] == listed[j]) {
                dot += query.weights()[i] * rarity.get(listed[j]);
                i++;
                j++;
            } else if (query.trigrams()[i] < listed[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot / (query.norm() * normOf[position]);
    }

    /** Each word's trigrams with its edges marked ("^al", "ali", "li$"), distinct and sorted, as ints. */
    private static int[] trigrams(ScreeningName name) {
        return name.tokens().stream().flatMapToInt(token -> {
            String marked = "^" + token + "$";
            int[] grams = new int[Math.max(0, marked.length() - 2)];
            for (int i = 0; i + 3 <= marked.length(); i++) {
                grams[i] = marked.charAt(i) << 16 | (marked.charAt(i + 1) & 0xFF) << 8 | marked.charAt(i + 2) & 0xFF;
            }
            return Arrays.stream(grams);
        }).distinct().sorted().toArray();
    }
}
