package org.sightline.intel.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.store.StixStore;

/**
 * Screens names against list entries: the best-matching name of each entry (its main name or an
 * alias), adjusted for agreement or disagreement on country, birth year and identifiers, with every
 * feature that moved the score named. In the manner of OpenSanctions' matcher.
 *
 * <p>Every word of every listed name is indexed under its keys (see {@link ScreeningName#wordKeys}:
 * first letters, sound, and for longer words last letters and first and last two), and every listed
 * name under the sound of its words run together. A listed name is scored only when enough of the
 * query's words are found under those keys for the score to reach the threshold, or when both names
 * run together are about as long and split into a different number of words (the same letters split
 * otherwise), or, for a query written without short vowels, when their consonants run together
 * agree. Everything else costs a few index look-ups.
 */
public final class Screening {

    /** One match: the entry, its list, its countries and programmes (to tell namesakes apart), the score and the reasons. */
    public record Match(String id, String name, String matchedName, String list, String kind, List<String> countries, List<String> programs,
                        double score, List<String> reasons) {
    }

    /** What is screened: a name and, when known, the kind, country, birth date and an identifier that sharpen the score. */
    public record Query(String name, String kind, String country, String birthDate, String identifier) {
        public Query(String name) {
            this(name, null, null, null, null);
        }
    }

    private final List<ListEntry> entries;
    private final List<ScreeningName> names = new ArrayList<>();
    /** Per listed name: its entry, its number of words and its length run together (read for every candidate). */
    private final int[] entryOfName;
    private final int[] wordCount;
    private final int[] joinedLength;
    /** Listed names (their positions in {@link #names}) by word key. */
    private final Map<String, int[]> postings;
    private final NameMatcher matcher;
    private final LetterResemblance resemblance;

    public Screening(List<ListEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<Integer>> keyed = new HashMap<>();
        List<Integer> entryOf = new ArrayList<>();
        for (int e = 0; e < this.entries.size(); e++) {
            for (String listed : this.entries.get(e).names()) {
                ScreeningName name = ScreeningName.of(listed);
                if (name.isEmpty()) {
                    continue;
                }
                int position = names.size();
                names.add(name);
                entryOf.add(e);
                keyed.computeIfAbsent("j:" + name.joinedSound(), k -> new ArrayList<>()).add(position);
                for (int t = 0; t < name.tokens().size(); t++) {
                    for (String key : ScreeningName.wordKeys(name.tokens().get(t), name.spellings().get(t), name.sounds().get(t))) {
                        List<Integer> list = keyed.computeIfAbsent(key, k -> new ArrayList<>());
                        if (list.isEmpty() || list.get(list.size() - 1) != position) {
                            list.add(position);
                        }
                    }
                }
            }
        }
        matcher = new NameMatcher(WordRarity.of(names));
        resemblance = new LetterResemblance(names);
        entryOfName = entryOf.stream().mapToInt(Integer::intValue).toArray();
        wordCount = names.stream().mapToInt(name -> name.tokens().size()).toArray();
        joinedLength = names.stream().mapToInt(name -> name.joined().length()).toArray();
        postings = new HashMap<>();
        keyed.forEach((key, list) -> postings.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Every list entry in the store. */
    public static Screening of(StixStore store) {
        return new Screening(ListEntry.allIn(store));
    }

    public int entries() {
        return entries.size();
    }

    /** The lists loaded, by name, with how many entries each holds. */
    public Map<String, Long> lists() {
        Map<String, Long> lists = new java.util.TreeMap<>();
        entries.forEach(entry -> lists.merge(entry.list(), 1L, Long::sum));
        return lists;
    }

    public List<Match> screen(Query query, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new InvalidInputException("the threshold is a score between 0 and 1, not " + threshold);
        }
        ScreeningName name = ScreeningName.of(query.name());
        if (name.isEmpty()) {
            throw new InvalidInputException("'" + query.name() + "' has no letters or digits to screen");
        }
        double reachable = threshold - Adjustments.mostRaised(query);
        Map<Integer, Scored> best = new HashMap<>();
        LetterResemblance.Query letters = reachable <= LetterResemblance.MOST ? resemblance.query(name) : null;
        for (int position : candidates(name, reachable, letters == null)) {
            int entryIndex = entryOfName[position];
            ListEntry entry = entries.get(entryIndex);
            if (query.kind() != null && !query.kind().equalsIgnoreCase(entry.kind())) {
                continue;
            }
            NameMatcher.Similarity similarity = matcher.compare(name, names.get(position), reachable);
            if (letters != null && similarity.score() < LetterResemblance.MOST) {
                double cosine = resemblance.cosine(letters, position);
                if (LetterResemblance.MOST * cosine > similarity.score()) {
                    similarity = new NameMatcher.Similarity(LetterResemblance.MOST * cosine, List.of(String.format(java.util.Locale.ROOT,
                            "its words do not pair closely; their letters resemble the listed name's (trigram cosine %.2f, rare ones "
                                    + "weighing most), which alone never scores above %.1f", cosine, LetterResemblance.MOST)));
                }
            }
            Scored previous = best.get(entryIndex);
            if (similarity.score() >= reachable && (previous == null || similarity.score() > previous.similarity().score())) {
                best.put(entryIndex, new Scored(names.get(position), similarity));
            }
        }
        List<Match> matches = new ArrayList<>();
        best.forEach((entryIndex, scored) -> {
            ListEntry entry = entries.get(entryIndex);
            List<String> reasons = new ArrayList<>();
            reasons.add("name '" + scored.name().original() + "': " + String.join("; ", scored.similarity().reasons()));
            double score = Math.max(0, Math.min(1, scored.similarity().score() + Adjustments.adjust(query, entry, reasons)));
            if (score >= threshold) {
                matches.add(new Match(entry.id(), entry.name(), scored.name().original(), entry.list(), entry.kind(), entry.countries(),
                        entry.programs(), Math.round(score * 1000) / 1000.0, reasons));
            }
        });
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::name).thenComparing(Match::id));
        return matches;
    }

    private record Scored(ScreeningName name, NameMatcher.Similarity similarity) {
    }

    /**
     * The ids of the entries the index retrieves for this name: those sharing a word key with it, and
     * the others {@link #screen} looks at whatever the words. Screening then scores only those whose
     * score bound reaches the threshold; that bound never exceeds what the matcher can give, so an
     * entry missing here is the only kind the index can lose (the evaluation measures it as
     * candidate recall).
     */
    public Set<String> candidateIds(String query) {
        ScreeningName name = ScreeningName.of(query);
        Set<String> ids = new HashSet<>();
        if (!name.isEmpty()) {
            for (int position : candidates(name, 0, false)) {
                ids.add(entries.get(entryOfName[position]).id());
            }
        }
        return ids;
    }

    /**
     * The listed names worth scoring: those whose words are found under the query's word keys often
     * enough that the word-by-word score could reach {@code reachable}, and those of another number
     * of words about as long as the query when both are run together.
     */
    private int[] candidates(ScreeningName query, double reachable, boolean bounded) {
        int[] hits = new int[names.size()];
        int[] lastWord = new int[names.size()];
        Arrays.fill(lastWord, -1);
        int[] touched = new int[names.size()];
        int touchedCount = 0;
        for (int word = 0; word < query.tokens().size(); word++) {
            for (String key : ScreeningName.wordKeys(query.tokens().get(word), query.spellings().get(word), query.sounds().get(word))) {
                for (int position : postings.getOrDefault(key, NONE)) {
                    if (lastWord[position] == word) {
                        continue;
                    }
                    if (lastWord[position] == -1) {
                        touched[touchedCount++] = position;
                    }
                    lastWord[position] = word;
                    hits[position]++;
                }
            }
        }
        if (query.unvowelled()) {
            // Written without short vowels: the words' keys say little, the consonants run together say which name.
            for (String sound : query.joinedSounds()) {
                for (int position : postings.getOrDefault("j:" + sound, NONE)) {
                    if (lastWord[position] == -1) {
                        touched[touchedCount++] = position;
                        lastWord[position] = Integer.MAX_VALUE;
                    }
                    hits[position] = query.tokens().size();
                }
            }
        }
        int queryWords = query.tokens().size();
        double smallestShare = matcher.smallestShare(query);
        int queryLength = query.joined().length();
        int[] chosen = new int[touchedCount];
        int count = 0;
        for (int i = 0; i < touchedCount; i++) {
            int position = touched[i];
            int words = wordCount[position];
            if (!bounded || NameMatcher.wordScoreBound(queryWords, words, hits[position], smallestShare) >= reachable
                    || words != queryWords && Math.abs(queryLength - joinedLength[position]) <= 2) {
                chosen[count++] = position;
            }
        }
        return Arrays.copyOf(chosen, count);
    }

    private static final int[] NONE = new int[0];
}
