package org.sightline.intel.screening;

import java.util.ArrayList;
import java.util.List;
import org.sightline.store.names.JaroWinkler;

/**
 * How alike two names are, from 0 to 1, and why, in words. Transliterated names differ in three
 * ways, each handled: word order (family name first or last), how syllables are split or hyphenated
 * ("Shilong", "Shi-long", "Shi Long"), and spelling (a letter here and there, measured with
 * Jaro-Winkler, or another romanisation of the same sounds, see {@link Phonetic}); a single initial
 * matches a word it begins.
 *
 * <p>Words are paired one to one, best pairs first. Every word of a name says who it is, so a word
 * with no counterpart costs in proportion to its share of the name's information (its letters times
 * its rarity in the lists, see {@link WordRarity}, so a missing "al" or "trading" costs little): more for the query's
 * words (the query names someone the list does not) than for the listed name's (a middle name left
 * out). A word standing where the listed name has another word is the mark of another person with
 * the same family or given name, and costs most.
 */
public final class NameMatcher {

    /** A comparison's score and the reasons for it. */
    public record Similarity(double score, List<String> reasons) {
    }

    private final WordRarity rarity;

    /** Every word weighed by its letters alone. */
    public NameMatcher() {
        this(WordRarity.none());
    }

    /** Words weighed by their letters and by how rare they are in the lists ({@link WordRarity}). */
    public NameMatcher(WordRarity rarity) {
        this.rarity = rarity;
    }

    /** What a word says of who a name is: its letters, times its rarity in the lists. */
    private double information(String word) {
        return word.length() * rarity.weight(word);
    }

    public Similarity compare(ScreeningName query, ScreeningName candidate) {
        return compare(query, candidate, 0);
    }

    /** As {@link #compare(ScreeningName, ScreeningName)}, without the reasons when the score is below {@code floor} (the common case, spared the words). */
    public Similarity compare(ScreeningName query, ScreeningName candidate, double floor) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return new Similarity(0, List.of("nothing left to compare after normalisation"));
        }
        if (query.tokens().equals(candidate.tokens())) {
            return new Similarity(1.0, List.of("the same name once case, accents, punctuation and legal forms are set aside"));
        }
        if (query.sortedJoined().equals(candidate.sortedJoined()) && query.tokens().size() == candidate.tokens().size()) {
            return new Similarity(0.98, List.of("the same words in another order (family name first or last)"));
        }
        if (query.unvowelled() && query.joinedSounds().contains(candidate.joinedSound()) && candidate.joinedSound().length() >= 3) {
            return new Similarity(UNVOWELLED, List.of("written without its short vowels (Arabic script), its consonants are the listed name's"));
        }
        Similarity joined = joined(query, candidate);
        Similarity words = wordByWord(query, candidate, floor);
        return joined != null && joined.score() >= words.score() ? joined : words;
    }

    /**
     * The names run together, in the query's best word order: the same letters split into other
     * words ("Zhang Shi Long", "Zhang Shilong"), or a letter or two apart in a long name. Null when
     * they are further apart than that.
     */
    private static Similarity joined(ScreeningName query, ScreeningName candidate) {
        String listed = candidate.joined();
        // With the same number of words, a letter's difference is a word's difference ("Kyong Ok Kil", "Kyong Ok Kim"): left to the word pairing.
        int allowed = query.tokens().size() == candidate.tokens().size() ? 0
                : Math.min(query.joined().length(), listed.length()) >= 12 ? 2 : listed.length() >= 7 ? 1 : 0;
        if (Math.abs(query.joined().length() - listed.length()) > allowed || query.letterDifference(candidate) > 2 * allowed) {
            return null; // each edit changes the letters' counts by two at most
        }
        int best = Integer.MAX_VALUE;
        for (String order : query.joinedOrders()) {
            best = Math.min(best, EditDistance.atMost(order, listed, allowed));
        }
        if (best > allowed) {
            return null;
        }
        return best == 0 ? new Similarity(0.97, List.of("the same letters with the syllables split or hyphenated differently"))
                : new Similarity(0.97 - 0.04 * best, List.of("the names run together are " + best + (best == 1 ? " letter" : " letters")
                + " apart (a typo, or syllables split differently)"));
    }

    private Similarity wordByWord(ScreeningName query, ScreeningName candidate, double floor) {
        List<String> q = query.tokens();
        List<String> l = candidate.tokens();
        double[][] similarity = new double[q.size()][l.size()];
        for (int i = 0; i < q.size(); i++) {
            for (int j = 0; j < l.size(); j++) {
                String word = q.get(i);
                similarity[i][j] = word.length() == 1 && l.get(j).length() > 1 && l.get(j).charAt(0) == word.charAt(0) ? INITIAL
                        : wordSimilarity(word, query.spellings().get(i), query.sounds().get(i), l.get(j), candidate.spellings().get(j),
                        candidate.sounds().get(j));
                if (query.unvowelled() && query.sounds().get(i).length() >= 2 && query.sounds().get(i).equals(candidate.sounds().get(j))) {
                    similarity[i][j] = Math.max(similarity[i][j], UNVOWELLED);
                }
            }
        }
        int[] pairOf = pairs(similarity);
        boolean[] listedPaired = new boolean[l.size()];
        double weighted = 0;
        double weights = 0;
        double queryInformation = 0;
        double unpairedQueryInformation = 0;
        for (int i = 0; i < q.size(); i++) {
            queryInformation += information(q.get(i));
            if (pairOf[i] < 0) {
                unpairedQueryInformation += information(q.get(i));
                continue;
            }
            int j = pairOf[i];
            listedPaired[j] = true;
            double weight = Math.max(information(q.get(i)), information(l.get(j)));
            weighted += weight * similarity[i][j];
            weights += weight;
        }
        if (weights == 0) {
            return new Similarity(0, List.of("no word of it is a word of the listed name"));
        }
        double listedInformation = 0;
        double unpairedListedInformation = 0;
        for (int j = 0; j < l.size(); j++) {
            listedInformation += information(l.get(j));
            if (!listedPaired[j]) {
                unpairedListedInformation += information(l.get(j));
            }
        }
        double paired = weighted / weights;
        // Every listed word found, and most of what the query says: its other words are more given names, a patronymic or a
        // qualifier the list leaves out ("SINWAR, Yahya Ibrahim Hassan" for "Yahya SINWAR"), not the mark of someone else.
        boolean saysMore = unpairedQueryInformation > 0 && unpairedListedInformation == 0 && l.size() >= 2
                && (queryInformation - unpairedQueryInformation >= SAYS_MORE_PAIRED * queryInformation || mostTellingPaired(q, pairOf));
        // Every query word found in a longer listed name: the list's other given names or qualifiers left out ("FAWAZ, Mustafa").
        boolean saysLess = unpairedListedInformation > 0 && unpairedQueryInformation == 0 && q.size() >= 2;
        double score = paired - (saysMore ? QUERY_WORD_EXTRA : QUERY_WORD_MISSING) * unpairedQueryInformation / queryInformation
                - (saysLess ? LISTED_WORD_LEFT_OUT : LISTED_WORD_MISSING) * unpairedListedInformation / listedInformation
                - (unpairedQueryInformation > 0 && unpairedListedInformation > 0 ? WORD_REPLACED : 0);
        score = Math.max(0, Math.min(MOST_FOR_WORDS, score));
        if (score < floor) {
            return new Similarity(score, List.of());
        }
        List<String> unpairedQuery = new ArrayList<>();
        List<String> alike = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            if (pairOf[i] < 0) {
                unpairedQuery.add(q.get(i));
            } else if (!q.get(i).equals(l.get(pairOf[i]))) {
                alike.add("'" + q.get(i) + "' ~ '" + l.get(pairOf[i]) + "' " + String.format("%.2f", similarity[i][pairOf[i]]));
            }
        }
        List<String> unpairedListed = new ArrayList<>();
        for (int j = 0; j < l.size(); j++) {
            if (!listedPaired[j]) {
                unpairedListed.add(l.get(j));
            }
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format("%d of its %d words pair with the listed name's %d at %.2f", q.size() - unpairedQuery.size(), q.size(),
                l.size(), paired) + (alike.isEmpty() ? "" : " (" + String.join(", ", alike) + ")"));
        if (!unpairedQuery.isEmpty() && !unpairedListed.isEmpty()) {
            reasons.add("'" + String.join(" ", unpairedQuery) + "' stands where the listed name has '" + String.join(" ", unpairedListed)
                    + "': another person or company sharing the other words");
        } else if (saysMore) {
            reasons.add("its '" + String.join(" ", unpairedQuery) + "' is not in the listed name, which it holds whole "
                    + "(more given names, a patronymic or a qualifier)");
        } else if (!unpairedQuery.isEmpty()) {
            reasons.add("its '" + String.join(" ", unpairedQuery) + "' is not in the listed name");
        } else if (!unpairedListed.isEmpty()) {
            reasons.add("the listed name's '" + String.join(" ", unpairedListed) + "' is not in it (a middle name or a qualifier left out, say)");
        }
        return new Similarity(score, reasons);
    }

    /** Whether the query's most telling word (the most information: a family name, a company's own word) has a pair. */
    private boolean mostTellingPaired(List<String> words, int[] pairOf) {
        int most = 0;
        for (int i = 1; i < words.size(); i++) {
            if (information(words.get(i)) > information(words.get(most))) {
                most = i;
            }
        }
        return pairOf[most] >= 0;
    }

    /** Pairs each query word with at most one listed word, best pairs first, at or above {@value #SAME_WORD}; -1 for none. */
    private static int[] pairs(double[][] similarity) {
        int rows = similarity.length;
        int columns = similarity[0].length;
        int[] pairOf = new int[rows];
        java.util.Arrays.fill(pairOf, -1);
        boolean[] taken = new boolean[columns];
        for (int round = 0; round < Math.min(rows, columns); round++) {
            int bestI = -1;
            int bestJ = -1;
            double best = SAME_WORD;
            for (int i = 0; i < rows; i++) {
                if (pairOf[i] >= 0) {
                    continue;
                }
                for (int j = 0; j < columns; j++) {
                    if (!taken[j] && similarity[i][j] >= best && (bestI < 0 || similarity[i][j] > best)) {
                        best = similarity[i][j];
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI < 0) {
                break;
            }
            pairOf[bestI] = bestJ;
            taken[bestJ] = true;
        }
        return pairOf;
    }

    /**
     * The most the word-by-word score can be when only {@code found} of the query's words have a
     * listed word under one of their keys (the others pair with none), for the candidate filter;
     * {@code smallestShare} is the least share of the query's information one of its words holds
     * ({@link #smallestShare}), as which of its words go unpaired is not known yet.
     */
    static double wordScoreBound(int queryWords, int listedWords, int found, double smallestShare) {
        if (found == 0) {
            return 0;
        }
        double bound = MOST_FOR_WORDS;
        if (found < queryWords) {
            double cost = found >= listedWords && listedWords >= 2 ? QUERY_WORD_EXTRA : QUERY_WORD_MISSING;
            bound -= cost * (queryWords - found) * smallestShare + (found < listedWords ? WORD_REPLACED : 0);
        }
        return bound;
    }

    /** The least share of the name's information that one of its words holds (see {@link #wordScoreBound}). */
    double smallestShare(ScreeningName query) {
        double total = 0;
        double least = Double.MAX_VALUE;
        for (String word : query.tokens()) {
            double information = information(word);
            total += information;
            least = Math.min(least, information);
        }
        return total == 0 ? 0 : least / total;
    }

    /**
     * Two words' similarity: their spelling (Jaro-Winkler), at least {@value #ONE_EDIT} for a typo (one
     * letter added, dropped, changed or swapped) between words of four letters or more, one of them five or more; {@value #SPELT_ALIKE} when they are one
     * word in two romanisations (Dzhose, Jose); {@value #SOUND_ALIKE} when they sound alike by a key
     * of at least four sounds (Mohammed, Muhammad), as shorter keys say too little (Hassan and
     * Hussein are both "hsn").
     */
    static double wordSimilarity(String word, String spelling, String sound, String other, String otherSpelling, String otherSound) {
        double similarity = JaroWinkler.similarity(word, other);
        if (similarity < SPELT_ALIKE && spelling.equals(otherSpelling)) {
            return SPELT_ALIKE;
        }
        if (similarity < ONE_EDIT && Math.min(word.length(), other.length()) >= 4 && Math.max(word.length(), other.length()) >= 5
                && EditDistance.atMost(word, other, 1) <= 1) {
            similarity = ONE_EDIT;
        }
        if (sound.equals(otherSound) && sound.length() >= 4) {
            return Math.max(similarity, SOUND_ALIKE);
        }
        // Three consonants say less ("Hassan" and "Hussein" are both "hsn", and two names), yet long words alike in them and
        // at most two vowels apart are one name romanised twice ("Zraiq", "Zuraik", "Zreik")
        boolean vowelsApart = sound.length() == 3 && sound.equals(otherSound) && Math.min(word.length(), other.length()) >= 5
                && word.charAt(0) == other.charAt(0) && EditDistance.atMost(word, other, 2) <= 2;
        return vowelsApart ? Math.max(similarity, VOWELS_APART) : similarity;
    }

    /** The most a comparison of different words can score: below an exact match, a reordering (0.98) and a resplitting (0.97). */
    private static final double MOST_FOR_WORDS = 0.96;
    /** Jaro-Winkler at or above which two words are taken as spellings of one word. */
    private static final double SAME_WORD = 0.88;
    /** The similarity of two words one typo apart, one of five letters or more ("Rojas", "Rohas"; shorter words so apart are other names: "Kim", "Kil"). */
    private static final double ONE_EDIT = 0.9;
    /** A word or name written without short vowels whose consonants are the listed one's. */
    private static final double UNVOWELLED = 0.9;
    /** The similarity of one word in two romanisations. */
    private static final double SPELT_ALIKE = 0.95;
    /** The similarity of two words that sound alike but are spelt differently. */
    private static final double SOUND_ALIKE = 0.93;
    /** Two words of five letters or more, with the same first letter and three consonants, one or two vowels apart. */
    private static final double VOWELS_APART = 0.89;
    /** An initial the user typed ("Z. Shilong") against the word it begins. */
    private static final double INITIAL = 0.9;
    /** Taken off in proportion to the share of the query's letters in words the listed name lacks. */
    private static final double QUERY_WORD_MISSING = 0.7;
    /** The same when the query holds the whole listed name and most of its information pairs: it says more, not someone else. */
    private static final double QUERY_WORD_EXTRA = 0.35;
    /** The share of the query's information that must pair for its other words to count as saying more. */
    private static final double SAYS_MORE_PAIRED = 0.5;
    /** Taken off in proportion to the share of the listed name's letters in words the query lacks. */
    private static final double LISTED_WORD_MISSING = 0.4;
    /** The same when the query is two words or more, all of them in the listed name. */
    private static final double LISTED_WORD_LEFT_OUT = 0.3;
    /** Taken off when each name has a word the other lacks: one word stands in another's place. */
    private static final double WORD_REPLACED = 0.15;
}
