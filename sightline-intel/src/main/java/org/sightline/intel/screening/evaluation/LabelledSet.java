package org.sightline.intel.screening.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.sightline.intel.screening.ListEntry;
import org.sightline.intel.screening.ScreeningName;
import org.sightline.store.names.JaroWinkler;

/**
 * A labelled set built from a list's own entries, to measure screening: for each chosen entry,
 * spellings of its name that a report or a customer file would plausibly carry (word order, split or
 * hyphenated syllables, another transliteration, a typo, the list's "LAST, First" form, a legal form
 * added or dropped) must find it; names of other people or companies that share part of it (the same
 * family name with other given names, another company's distinctive word) must find nothing. A
 * "negative" that is itself listed, or whose every word sits in one listed name, is not used: finding
 * it would be right.
 */
public final class LabelledSet {
    /** Transliteration choices seen across lists: each pair is two spellings of one sound. */
    private static final String[][] SPELLINGS = {{"mohammed", "muhammad"}, {"mohammad", "muhammad"}, {"muhammad", "mohamed"},
            {"mohamed", "mohammed"}, {"ahmed", "ahmad"}, {"hussein", "husayn"}, {"husain", "hussein"}, {"yusuf", "yousef"},
            {"abdul", "abdel"}, {"abdel", "abdul"}, {"osama", "usama"}, {"omar", "umar"}, {"ou", "u"}, {"yu", "iu"}, {"ya", "ia"},
            {"kh", "h"}, {"ov", "off"}, {"ev", "eff"}, {"iy", "y"}, {"ii", "y"}, {"ei", "ey"}, {"ai", "ay"}, {"sh", "sch"},
            {"ch", "tch"}, {"zh", "j"}, {"j", "dzh"}, {"q", "k"}, {"ph", "f"}, {"w", "v"}, {"v", "w"}, {"ee", "i"}, {"oo", "u"},
            {"ts", "tz"}, {"dj", "j"}, {"ss", "s"}, {"ll", "l"}, {"mm", "m"}, {"nn", "n"}, {"c", "k"}, {"y", "i"}};
    private static final List<String> LEGAL_FORMS = List.of("Co., Ltd.", "LLC", "Limited", "Company", "Inc.", "Corporation");
    private static final String KEYBOARD = "qwertyuiopasdfghjklzxcvbnm";

    private final List<ListEntry> entries;
    private final Random random;
    /** To tell a negative that is in truth listed. */
    private final ListedNames listed;

    public LabelledSet(List<ListEntry> entries, long seed) {
        this.entries = entries;
        this.random = new Random(seed);
        this.listed = new ListedNames(entries);
    }

    /**
     * Queries for {@code names} entries chosen at random among those with a name of two words or
     * more: {@code positives} spellings (each made another way) and up to {@code negatives} other names each.
     */
    public List<LabelledQuery> build(int names, int positives, int negatives) {
        List<ListEntry> eligible = new ArrayList<>(entries.stream()
                .filter(entry -> ScreeningName.of(entry.name()).tokens().size() >= 2).toList());
        Collections.shuffle(eligible, random);
        List<ListEntry> persons = eligible.stream().filter(this::isPerson).toList();
        List<ListEntry> bodies = eligible.stream().filter(entry -> !isPerson(entry)).toList();
        List<LabelledQuery> queries = new ArrayList<>();
        for (ListEntry entry : eligible.subList(0, Math.min(names, eligible.size()))) {
            List<Variant> ways = new ArrayList<>(isPerson(entry) ? personSpellings : bodySpellings);
            Collections.shuffle(ways, random);
            int made = 0;
            for (Variant way : ways) {
                String spelling = way.make.apply(entry.name());
                if (made < positives && spelling != null && !spelling.equals(entry.name())) {
                    queries.add(new LabelledQuery(spelling, entry.kind(), entry.id(), entry.name(), way.name));
                    made++;
                }
            }
            for (int i = 0, tries = 0; i < negatives && tries < 20; tries++) {
                String other = isPerson(entry) ? otherPerson(entry.name(), persons) : otherBody(entry.name(), bodies);
                if (other != null && !listed.contains(other)) {
                    queries.add(new LabelledQuery(other, entry.kind(), null, entry.name(), isPerson(entry) ? "another person" : "another company"));
                    i++;
                }
            }
        }
        return queries;
    }

    private boolean isPerson(ListEntry entry) {
        return "individual".equals(entry.kind());
    }

    private record Variant(String name, Function<String, String> make) {
    }

    private final List<Variant> personSpellings = List.of(
            new Variant("family name first", this::reorder),
            new Variant("syllables split or joined", this::split),
            new Variant("another transliteration", this::transliterate),
            new Variant("a typo", this::typo),
            new Variant("the list's LAST, First form", this::listedForm),
            new Variant("reordered with a typo", name -> typo(reorder(name))));
    private final List<Variant> bodySpellings = List.of(
            new Variant("legal form changed", this::legalForm),
            new Variant("syllables split or joined", this::split),
            new Variant("another transliteration", this::transliterate),
            new Variant("a typo", this::typo),
            new Variant("upper case, punctuation dropped", name -> name.toUpperCase(Locale.ROOT).replaceAll("[.,]", "")));

    private String reorder(String name) {
        List<String> words = words(name);
        if (words.size() < 2) {
            return null;
        }
        words.add(0, words.remove(words.size() - 1));
        return String.join(" ", words);
    }

    private String listedForm(String name) {
        List<String> words = words(name);
        if (words.size() < 2) {
            return null;
        }
        String last = words.remove(words.size() - 1);
        return last.toUpperCase(Locale.ROOT) + ", " + String.join(" ", words);
    }

    private String split(String name) {
        List<String> words = words(name);
        List<Integer> longWords = positionsOfWords(words, 6);
        if (longWords.isEmpty()) {
            if (words.size() < 2) {
                return null;
            }
            int i = random.nextInt(words.size() - 1);
            words.set(i, words.get(i) + words.remove(i + 1).toLowerCase(Locale.ROOT));
        } else {
            int i = longWords.get(random.nextInt(longWords.size()));
            String word = words.get(i);
            int at = 3 + random.nextInt(word.length() - 5);
            words.set(i, word.substring(0, at) + (random.nextBoolean() ? "-" : " ") + word.substring(at).toLowerCase(Locale.ROOT));
        }
        return String.join(" ", words);
    }

    private String transliterate(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String[]> applicable = new ArrayList<>();
        for (String[] pair : SPELLINGS) {
            if (lower.contains(pair[0])) {
                applicable.add(pair);
            }
        }
        if (applicable.isEmpty()) {
            return null;
        }
        String[] pair = applicable.get(random.nextInt(Math.min(3, applicable.size())));
        int at = lower.indexOf(pair[0]);
        return name.substring(0, at) + matchCase(name.substring(at, at + pair[0].length()), pair[1]) + name.substring(at + pair[0].length());
    }

    private String typo(String name) {
        if (name == null) {
            return null;
        }
        List<String> words = words(name);
        List<Integer> typable = positionsOfWords(words, 5);
        if (typable.isEmpty()) {
            return null;
        }
        int i = typable.get(random.nextInt(typable.size()));
        String word = words.get(i);
        int at = 1 + random.nextInt(word.length() - 2);
        String typed = switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
            case 2 -> word.substring(0, at) + matchCase(word.substring(at, at + 1), String.valueOf(neighbour(word.charAt(at)))) + word.substring(at + 1);
            default -> word.substring(0, at) + word.charAt(at) + word.substring(at);
        };
        words.set(i, typed);
        return String.join(" ", words);
    }

    private String legalForm(String name) {
        for (String form : LEGAL_FORMS) {
            if (name.toLowerCase(Locale.ROOT).endsWith(" " + form.toLowerCase(Locale.ROOT))) {
                return name.substring(0, name.length() - form.length()).trim().replaceAll(",$", "");
            }
        }
        return name + " " + LEGAL_FORMS.get(random.nextInt(LEGAL_FORMS.size()));
    }

    /** The same family name with another listed person's given names, or the same given names with another family name. */
    private String otherPerson(String name, List<ListEntry> persons) {
        List<String> words = words(name);
        List<String> other = words(persons.get(random.nextInt(persons.size())).name());
        List<String> made = new ArrayList<>();
        if (random.nextBoolean()) {
            made.addAll(other.subList(0, other.size() - 1));
            made.add(words.get(words.size() - 1));
            if (!unlike(words.subList(0, words.size() - 1), other.subList(0, other.size() - 1))) {
                return null;
            }
        } else {
            made.addAll(words.subList(0, words.size() - 1));
            made.add(other.get(other.size() - 1));
            if (!unlike(List.of(words.get(words.size() - 1)), List.of(other.get(other.size() - 1)))) {
                return null;
            }
        }
        return String.join(" ", made);
    }

    /** The company's most distinctive (longest) word replaced by another listed company's. */
    private String otherBody(String name, List<ListEntry> bodies) {
        List<String> words = words(name);
        List<String> other = words(bodies.get(random.nextInt(bodies.size())).name());
        int mine = longest(words);
        String replacement = other.get(longest(other));
        if (!unlike(List.of(words.get(mine)), List.of(replacement))) {
            return null;
        }
        words.set(mine, replacement);
        return String.join(" ", words);
    }

    private static int longest(List<String> words) {
        int best = 0;
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).length() > words.get(best).length()) {
                best = i;
            }
        }
        return best;
    }

    /** Whether the replaced words are no spelling of the words they replace. */
    private static boolean unlike(List<String> replaced, List<String> replacements) {
        String a = ScreeningName.of(String.join(" ", replaced)).joined();
        String b = ScreeningName.of(String.join(" ", replacements)).joined();
        return !a.isEmpty() && !b.isEmpty() && JaroWinkler.similarity(a, b) < 0.8;
    }

    /** Where the words of at least {@code letters} letters stand. */
    private static List<Integer> positionsOfWords(List<String> words, int letters) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).length() >= letters) {
                positions.add(i);
            }
        }
        return positions;
    }

    private static List<String> words(String name) {
        return new ArrayList<>(List.of(name.trim().split("\\s+")));
    }

    private char neighbour(char c) {
        int at = KEYBOARD.indexOf(Character.toLowerCase(c));
        if (at < 0) {
            return c;
        }
        return KEYBOARD.charAt(at == 0 ? 1 : at == KEYBOARD.length() - 1 ? at - 1 : at + (random.nextBoolean() ? 1 : -1));
    }

    private static String matchCase(String original, String replacement) {
        return original.equals(original.toUpperCase(Locale.ROOT)) && !original.equals(original.toLowerCase(Locale.ROOT))
                ? replacement.toUpperCase(Locale.ROOT) : replacement;
    }
}
