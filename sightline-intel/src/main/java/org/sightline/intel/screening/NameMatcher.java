package org.sightline.intel.screening;

import org.sightline.store.names.JaroWinkler;

import java.util.ArrayList;
import java.util.List;

/**
 * How alike two names are, from 0 to 1, and why, in words. Transliterated names differ in three
 * ways, each handled: word order (family name first or last), how syllables are split or hyphenated
 * ("Shilong", "Shi-long", "Shi Long"), and spelling (a letter here and there), measured with
 * Jaro-Winkler; a single initial matches a word it begins.
 */
public final class NameMatcher {

    /** A comparison's score and the reasons for it. */
    public record Similarity(double score, List<String> reasons) {
    }

    public Similarity compare(ScreeningName query, ScreeningName candidate) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return new Similarity(0, List.of("nothing left to compare after normalisation"));
        }
        if (query.tokens().equals(candidate.tokens())) {
            return new Similarity(1.0, List.of("the same name once case, accents, punctuation and legal forms are set aside"));
        }
        if (query.sortedJoined().equals(candidate.sortedJoined()) && query.tokens().size() == candidate.tokens().size()) {
            return new Similarity(0.98, List.of("the same words in another order (family name first or last)"));
        }
        if (query.joinedOrders().contains(candidate.joined()) || candidate.joinedOrders().contains(query.joined())) {
            return new Similarity(0.97, List.of("the same letters with the syllables split or hyphenated differently"));
        }
        // A typo in a name whose syllables are split differently: compare the names run together, in the best order.
        double joined = 0;
        for (String order : query.joinedOrders()) {
            joined = Math.max(joined, JaroWinkler.similarity(order, candidate.joined()));
        }
        // Word by word: how well the query's words are found in the listed name (most weight), and the other way.
        double forward = wordByWord(query.tokens(), candidate.tokens(), true);
        double backward = wordByWord(candidate.tokens(), query.tokens(), false);
        double words = 0.8 * forward + 0.2 * backward;
        List<String> reasons = new ArrayList<>();
        double score;
        if (joined >= 0.95 && joined > words) {
            score = joined - 0.02;
            reasons.add(String.format("the names run together differ by a letter or two (spelling similarity %.2f)", joined));
        } else {
            score = words;
            reasons.add(String.format("its words match the listed name's at %.2f, the listed name's words match it at %.2f", forward, backward));
        }
        if (query.tokens().size() != candidate.tokens().size()) {
            score -= 0.02 * Math.abs(query.tokens().size() - candidate.tokens().size());
            reasons.add("one name has more words than the other (a middle name, say)");
        }
        return new Similarity(Math.max(0, Math.min(0.96, score)), reasons);
    }

    /**
     * The mean, over the words of {@code from}, of the best similarity to a word of {@code to}. A word
     * that only resembles another (below {@value #SAME_WORD}, "Lei" and "Wei") counts for little: it
     * is most likely another name. An initial the user typed ("Z. Shilong") matches a word it begins;
     * a listed name's lone letters ("I&S Holding") do not match whole words of the query.
     */
    private static double wordByWord(List<String> from, List<String> to, boolean initials) {
        double total = 0;
        for (String word : from) {
            double best = 0;
            for (String other : to) {
                double similarity = initials && word.length() == 1 && other.startsWith(word) ? 0.9 : JaroWinkler.similarity(word, other);
                best = Math.max(best, similarity >= SAME_WORD ? similarity : similarity * 0.5);
            }
            total += best;
        }
        return total / from.size();
    }

    /** Jaro-Winkler at or above which two words are taken as spellings of one word. */
    private static final double SAME_WORD = 0.88;
}
