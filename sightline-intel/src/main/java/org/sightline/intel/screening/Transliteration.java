package org.sightline.intel.screening;

import java.util.HashMap;
import java.util.Map;

/**
 * Cyrillic and Arabic script written in Latin letters, so a name typed as the person writes it
 * ("Евгений Богачёв", "محمد") is compared with the romanised forms the lists use. Cyrillic follows
 * BGN/PCGN; Arabic gives its consonants (and long vowels), since its short vowels are not written:
 * "محمد" becomes "mhmd", which {@link Phonetic} keys like "Muhammad" and "Mohammed".
 */
final class Transliteration {
    private static final Map<Character, String> LETTERS = new HashMap<>();

    static {
        String[][] cyrillic = {{"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "zh"},
                {"з", "z"}, {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"}, {"п", "p"}, {"р", "r"},
                {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"},
                {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"}, {"я", "ya"}, {"і", "i"}, {"ї", "yi"}, {"є", "ye"}, {"ґ", "g"},
                {"ў", "w"}, {"ј", "j"}, {"љ", "lj"}, {"њ", "nj"}, {"ћ", "c"}, {"ђ", "dj"}, {"џ", "dz"}};
        String[][] arabic = {{"ا", "a"}, {"أ", "a"}, {"إ", "i"}, {"آ", "a"}, {"ء", ""}, {"ب", "b"}, {"ت", "t"}, {"ث", "th"},
                {"ج", "j"}, {"ح", "h"}, {"خ", "kh"}, {"د", "d"}, {"ذ", "dh"}, {"ر", "r"}, {"ز", "z"}, {"س", "s"}, {"ش", "sh"},
                {"ص", "s"}, {"ض", "d"}, {"ط", "t"}, {"ظ", "z"}, {"ع", ""}, {"غ", "gh"}, {"ف", "f"}, {"ق", "q"}, {"ك", "k"}, {"ل", "l"},
                {"م", "m"}, {"ن", "n"}, {"ه", "h"}, {"ة", "a"}, {"و", "w"}, {"ي", "y"}, {"ى", "a"}, {"ئ", "y"}, {"ؤ", "w"},
                {"پ", "p"}, {"چ", "ch"}, {"ژ", "zh"}, {"گ", "g"}, {"ک", "k"}, {"ی", "y"}};
        for (String[][] table : new String[][][] {cyrillic, arabic}) {
            for (String[] pair : table) {
                LETTERS.put(pair[0].charAt(0), pair[1]);
                LETTERS.put(Character.toUpperCase(pair[0].charAt(0)), pair[1]);
            }
        }
    }

    private Transliteration() {
    }

    /** The text with every Cyrillic and Arabic letter written in Latin letters; other characters unchanged. */
    static String latin(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String latin = LETTERS.get(text.charAt(i));
            if (latin != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(latin != null ? latin : String.valueOf(text.charAt(i)));
            }
        }
        return out == null ? text : out.toString();
    }
}
