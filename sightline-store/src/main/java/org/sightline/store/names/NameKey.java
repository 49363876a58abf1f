package org.sightline.store.names;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key a name is looked up by: case, accents, whitespace, hyphens and punctuation removed, so
 * that "APT 10", "apt-10" and "APT10", or "Stone Panda" and "stone-panda", are one key.
 */
public final class NameKey {
    private static final int MAX_LENGTH = 500;

    private NameKey() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(cp -> Character.toLowerCase(cp))
                .forEach(key::appendCodePoint);
        String text = key.toString().toLowerCase(Locale.ROOT);
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
