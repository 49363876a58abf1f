package org.sightline.intel.screening;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much a word says about who a name is, learnt from the lists themselves: a word in many listed
 * names ("al", "bin", "abu", "bank", "trading", "international", "muhammad") says little, a word in
 * few ("zawahiri", "slutsky") says most. Screening weighs the words of a name by it, so that a
 * missing or extra common word costs little and a missing rare word costs much.
 *
 * <p>The weight is the word's inverse document frequency over the listed names, scaled to 0–1 by
 * that of a word found once, and kept above {@value #FLOOR}: even "al" is part of a name.
 */
public final class WordRarity {
    static final double FLOOR = 0.2;

    private final Map<String, Integer> namesWith;
    private final double names;

    private WordRarity(Map<String, Integer> namesWith, int names) {
        this.namesWith = namesWith;
        this.names = names;
    }

    /** Every word equally telling: what a matcher without lists to learn from uses. */
    public static WordRarity none() {
        return new WordRarity(Map.of(), 0);
    }

    /** Learnt from the listed names. */
    public static WordRarity of(List<ScreeningName> listed) {
        Map<String, Integer> namesWith = new HashMap<>();
        for (ScreeningName name : listed) {
            Set<String> words = new HashSet<>(name.tokens());
            words.forEach(word -> namesWith.merge(word, 1, Integer::sum));
        }
        return new WordRarity(namesWith, listed.size());
    }

    /** From {@value #FLOOR} (in a large share of listed names) to 1 (in one, or in none). */
    public double weight(String word) {
        if (names < 2) {
            return 1;
        }
        int with = namesWith.getOrDefault(word, 1);
        double weight = Math.log(names / with) / Math.log(names);
        return Math.max(FLOOR, Math.min(1, weight));
    }
}
