package org.sightline.intel.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sightline.store.names.JaroWinkler;

/**
 * A person's or company's name reduced to what screening compares: Latin letters (Cyrillic and Arabic
 * transliterated), lower case, no diacritics, no punctuation, hyphens and apostrophes as word breaks,
 * one spelling for Arabic particles (al/el, bin/ibn), and without legal-form words (Co., Ltd., LLC,
 * 有限公司 …) and titles (Dr., Mr.), which say what kind of body or person it is, not which one. Each word carries its sound key;
 * {@code joined} is the words run together ("zhang shi long" and "zhang shilong" both give
 * "zhangshilong"), {@code sortedJoined} the same in alphabetical order (word order set aside),
 * {@code letters} how often each letter occurs. A name written in Arabic script lacks its short
 * vowels ({@code unvowelled}): it is compared by its consonants, word by word and run together.
 */
public final class ScreeningName {
    private final String original;
    private final List<String> tokens;
    private final List<String> spellings;
    private final List<String> sounds;
    private final String joined;
    private final String sortedJoined;
    private final Set<String> joinedOrders;
    private final int[] letters;
    private final boolean unvowelled;
    private final String joinedSound;
    private final Set<String> joinedSounds;

    private ScreeningName(String original, List<String> tokens, boolean unvowelled) {
        this.original = original;
        this.tokens = List.copyOf(tokens);
        this.spellings = tokens.stream().map(Phonetic::spelling).toList();
        this.sounds = spellings.stream().map(Phonetic::key).toList();
        this.joined = String.join("", tokens);
        this.sortedJoined = String.join("", tokens.stream().sorted().toList());
        this.joinedOrders = joinedOrders(tokens);
        this.letters = letters(joined);
        this.unvowelled = unvowelled;
        this.joinedSound = Phonetic.key(Phonetic.spelling(joined));
        this.joinedSounds = unvowelled ? joinedOrders.stream().map(order -> Phonetic.key(Phonetic.spelling(order))).collect(
                java.util.stream.Collectors.toUnmodifiableSet()) : Set.of(joinedSound);
    }


    private static final Set<String> LEGAL_FORMS = Set.of("co", "company", "ltd", "limited", "llc", "inc", "incorporated",
            "corp", "corporation", "plc", "gmbh", "ag", "sa", "sarl", "srl", "bv", "nv", "oy", "ab", "as", "jsc", "ojsc", "cjsc",
            "pjsc", "ooo", "oao", "zao", "pte", "pty", "kg", "llp", "lp", "group", "holding", "holdings", "the", "ltda", "doo", "sal", "sas",
            "spa", "scs", "cv", "eood", "kft", "sro", "fze", "fzco", "fzc", "dr", "mr", "mrs", "ms", "prof");
    private static final List<String> LONG_LEGAL_FORMS = List.of("company", "limited", "incorporated", "corporation", "holdings");
    /** The dots of an abbreviation: "S.A." and "D.O.O." are the words "sa" and "doo". */
    private static final Pattern ABBREVIATION_DOT = Pattern.compile("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)");
    /** The Arabic article before a sun letter, written as it sounds: "az-Zawahiri", "ash-Shami", "ar-Rahman" are "al-…". */
    private static final Pattern ASSIMILATED_ARTICLE = Pattern.compile("\\b(?:a[dnrstz]|ash|adh|ath)-(?=\\p{L})");
    /**
     * An apostrophe inside a word marks a sound romanisation writes or leaves out (Arabic 'ayn and hamza: "Sa'd",
     * "Qa'ida", "Ju'aythini"; "Rica's"), not a word break: "Sa'd" is "Sad", as "Saad" without it.
     */
    private static final Pattern INNER_APOSTROPHE = Pattern.compile("(?<=\\p{L})['’‘ʼʻ`](?=\\p{L})");
    /** The Persian ezafe joining two words of a name ("Malek-e Ashtar", "Jihad-i-Islami"): no word of its own. */
    private static final Pattern EZAFE = Pattern.compile("(?<=\\p{L})-(?:e|i|ye|yi)(?=[\\s-]|$)");
    private static final Pattern ARABIC_SCRIPT = Pattern.compile("\\p{IsArabic}");
    private static final List<String> CJK_LEGAL_FORMS = List.of("有限责任公司", "股份有限公司", "有限公司", "集团", "公司");
    /** Arabic particles romanised several ways ("el-Masri", "al Masri", "Jamaat ud Dawa"; "ibn Said", "ben Said", "bin Said"). */
    private static final Map<String, String> PARTICLES = Map.of("el", "al", "ul", "al", "ud", "al", "ibn", "bin", "bn", "bin", "ben", "bin");

    public static ScreeningName of(String name) {
        String text = name == null ? "" : name;
        for (String form : CJK_LEGAL_FORMS) {
            text = text.replace(form, " ");
        }
        text = Transliteration.latin(text);
        text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        text = ABBREVIATION_DOT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        text = ASSIMILATED_ARTICLE.matcher(text).replaceAll("al-");
        text = INNER_APOSTROPHE.matcher(text).replaceAll("");
        text = EZAFE.matcher(text).replaceAll(" ");
        text = text.replaceAll("[\\p{Punct}‐-―’‘“”]+", " ").trim();
        List<String> words = new ArrayList<>(List.of(text.split("\\s+")));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String token = words.get(i);
            if (i + 1 < words.size() && (token + words.get(i + 1)).length() >= 6 && isLegalForm(token + words.get(i + 1))) {
                i++; // "Comp any", "Corpo-ration": a legal form split in two
            } else if (!token.isEmpty() && !isLegalForm(token)) {
                tokens.add(PARTICLES.getOrDefault(token, token));
            }
        }
        return new ScreeningName(name, tokens, ARABIC_SCRIPT.matcher(name == null ? "" : name).find());
    }

    public String original() {
        return original;
    }

    public List<String> tokens() {
        return tokens;
    }

    public List<String> spellings() {
        return spellings;
    }

    public List<String> sounds() {
        return sounds;
    }

    public String joined() {
        return joined;
    }

    public String sortedJoined() {
        return sortedJoined;
    }

    public Set<String> joinedOrders() {
        return joinedOrders;
    }

    public boolean unvowelled() {
        return unvowelled;
    }

    /** The sound key of the words run together, as written. */
    public String joinedSound() {
        return joinedSound;
    }

    /** For a name written without short vowels, the sound keys of its words run together in every order: how it is compared. */
    public Set<String> joinedSounds() {
        return joinedSounds;
    }

    /** How often each letter a-z occurs (digits and other letters in a 27th count). */
    private static int[] letters(String joined) {
        int[] counts = new int[27];
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            counts[c >= 'a' && c <= 'z' ? c - 'a' : 26]++;
        }
        return counts;
    }

    /** How many letters one name has that the other lacks, counted both ways: a bound on their edit distance (at least half this). */
    public int letterDifference(ScreeningName other) {
        int difference = 0;
        for (int i = 0; i < letters.length; i++) {
            difference += Math.abs(letters[i] - other.letters[i]);
        }
        return difference;
    }

    /** A legal-form word, or a long one misspelt ("Compani", "Corporaton"). */
    private static boolean isLegalForm(String token) {
        if (LEGAL_FORMS.contains(token)) {
            return true;
        }
        if (token.length() < 6) {
            return false;
        }
        for (String form : LONG_LEGAL_FORMS) {
            if (Math.abs(form.length() - token.length()) <= 1 && JaroWinkler.similarity(form, token) >= 0.93) {
                return true;
            }
        }
        return false;
    }

    /** The words run together in every order (up to four words; beyond, as written): computed once per name. */
    private static Set<String> joinedOrders(List<String> tokens) {
        Set<String> joined = new HashSet<>();
        if (tokens.size() <= 4) {
            permute(new ArrayList<>(tokens), 0, joined);
        } else {
            joined.add(String.join("", tokens));
        }
        return Set.copyOf(joined);
    }

    private static void permute(List<String> words, int from, Set<String> out) {
        if (from == words.size()) {
            out.add(String.join("", words));
            return;
        }
        for (int i = from; i < words.size(); i++) {
            Collections.swap(words, from, i);
            permute(words, from + 1, out);
            Collections.swap(words, from, i);
        }
    }

    /**
     * Keys under which a word is found before names are scored: its first three letters and its sound
     * key (its spelling when that key is a single sound: "Cia", "Kia"), and for words of four letters
     * or more its last three letters and its first and last two, so that a word with one typo
     * anywhere shares a key with the word it misspells.
     */
    public static List<String> wordKeys(String token, String spelling, String sound) {
        List<String> keys = new ArrayList<>(4);
        keys.add("p:" + (token.length() <= 3 ? token : token.substring(0, 3)));
        keys.add(sound.length() >= 2 ? "s:" + sound : "w:" + spelling);
        if (token.length() >= 4) {
            keys.add("e:" + token.substring(token.length() - 3));
            keys.add("f:" + token.substring(0, 2) + token.substring(token.length() - 2));
        }
        return keys;
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
