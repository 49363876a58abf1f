package org.sightline.stix.vocabulary;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Countries as ISO 3166-1 alpha-2 codes, which STIX locations use: from a code ("CN", "cn") or an
 * English name ("China", "United Kingdom", "South Korea"), as MISP's victim lists write them.
 */
public final class Countries {
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            BY_NAME.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        Map.of("united states of america", "US", "usa", "US", "uk", "GB", "great britain", "GB", "south korea", "KR",
                "north korea", "KP", "russia", "RU", "iran", "IR", "taiwan", "TW", "vietnam", "VN").forEach(BY_NAME::put);
        BY_NAME.put("syria", "SY");
        BY_NAME.put("czech republic", "CZ");
        BY_NAME.put("laos", "LA");
        BY_NAME.put("hong kong", "HK");
    }

    private Countries() {
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").replaceAll("\\s+", " ");
    }

    public static Optional<String> code(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.length() == 2) {
            String upper = trimmed.toUpperCase(Locale.ROOT);
            return java.util.Arrays.asList(Locale.getISOCountries()).contains(upper) ? Optional.of(upper) : Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(key(trimmed)));
    }
}
