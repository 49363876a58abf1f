package org.sightline.intel.screening;

/**
 * A word's sound key: how it is likely pronounced, with the choices transliteration makes set aside.
 * Vowels after the first letter are dropped (Muhammad, Mohammed, Mohamed, محمد are all "mhmd"), a
 * leading vowel or y is one sound (Evgeny, Yevgeny), and letters that romanisation systems swap are
 * made one (kh/h, ph/f, w/v and the -off of Ivanoff, q/c/k, dzh/dj/j, ts/tz, shch/sch/sh, ch/tch, y/i);
 * doubled letters count once and a final h is silent (Abdullah, Abdulla).
 */
final class Phonetic {
    /** Letter groups romanisations swap, in the order they are replaced; upper-case letters stand for one sound (S for sh, C for ch, T for ts). */
    private static final String[][] SOUNDS = {{"shch", "S"}, {"tsch", "C"}, {"sch", "S"}, {"dzh", "j"}, {"tch", "C"}, {"sh", "S"},
            {"ch", "C"}, {"kh", "h"}, {"gh", "g"}, {"ph", "f"}, {"th", "t"}, {"dh", "d"}, {"dj", "j"}, {"ck", "k"}, {"ts", "T"}, {"tz", "T"},
            {"ff", "v"}, {"w", "v"}, {"q", "k"}, {"x", "ks"}, {"c", "k"}, {"y", "i"}};

    private Phonetic() {
    }

    /**
     * The word with the letter groups that romanisations swap made one and doubled letters once, its
     * vowels kept: "Dzhose" and "Jose", "Radzhab" and "Rajab", "Korporation" and "Corporation" agree.
     */
    static String spelling(String word) {
        String sounds = word;
        for (String[] sound : SOUNDS) {
            if (sounds.contains(sound[0])) {
                sounds = sounds.replace(sound[0], sound[1]);
            }
        }
        StringBuilder spelling = new StringBuilder(sounds.length());
        for (int i = 0; i < sounds.length(); i++) {
            char c = sounds.charAt(i);
            if (spelling.length() == 0 || c != spelling.charAt(spelling.length() - 1)) {
                spelling.append(c);
            }
        }
        return spelling.toString();
    }

    /** The sound key of a word already in {@link #spelling} form. */
    static String key(String spelling) {
        if (spelling.isEmpty()) {
            return spelling;
        }
        String sounds = spelling;
        StringBuilder key = new StringBuilder(sounds.length());
        char first = sounds.charAt(0);
        key.append(isVowel(first) ? 'a' : first);
        for (int i = 1; i < sounds.length(); i++) {
            char c = sounds.charAt(i);
            if (!isVowel(c) && c != key.charAt(key.length() - 1)) {
                key.append(c);
            }
        }
        if (key.length() > 2 && key.charAt(key.length() - 1) == 'h') {
            key.setLength(key.length() - 1);
        }
        return key.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
}
