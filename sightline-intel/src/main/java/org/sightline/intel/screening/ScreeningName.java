package org.sightline.intel.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A person's or company's name reduced to what screening compares: lower case, no diacritics, no
 * punctuation, hyphens and apostrophes as word breaks, and without legal-form words (Co., Ltd., LLC,
 * 有限公司 …), which say what kind of body it is, not which one.
 */
public record ScreeningName(String original, List<String> tokens, java.util.Set<String> joinedOrders) {

    private static final Set<String> LEGAL_FORMS = Set.of("co", "company", "ltd", "limited", "llc", "inc", "incorporated",
            "corp", "corporation", "plc", "gmbh", "ag", "sa", "sarl", "srl", "bv", "nv", "oy", "ab", "as", "jsc", "ojsc", "cjsc",
            "pjsc", "ooo", "oao", "zao", "pte", "pty", "kg", "llp", "lp", "group", "holding", "holdings", "the");
    private static final List<String> CJK_LEGAL_FORMS = List.of("有限责任公司", "股份有限公司", "有限公司", "集团", "公司");

    public static ScreeningName of(String name) {
        String text = name == null ? "" : name;
        for (String form : CJK_LEGAL_FORMS) {
            text = text.replace(form, " ");
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        text = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}‐-―’‘“”]+", " ").trim();
        List<String> tokens = new ArrayList<>();
        for (String token : text.split("\\s+")) {
            if (!token.isEmpty() && !LEGAL_FORMS.contains(token)) {
                tokens.add(token);
            }
        }
        return new ScreeningName(name, List.copyOf(tokens), joinedOrders(tokens));
    }

    /** The words run together in every order (up to four words; beyond, as written): computed once per name. */
    private static java.util.Set<String> joinedOrders(List<String> tokens) {
        java.util.Set<String> joined = new java.util.HashSet<>();
        if (tokens.size() <= 4) {
            permute(new ArrayList<>(tokens), 0, joined);
        } else {
            joined.add(String.join("", tokens));
        }
        return java.util.Set.copyOf(joined);
    }

    private static void permute(List<String> words, int from, java.util.Set<String> out) {
        if (from == words.size()) {
            out.add(String.join("", words));
            return;
        }
        for (int i = from; i < words.size(); i++) {
            java.util.Collections.swap(words, from, i);
            permute(words, from + 1, out);
            java.util.Collections.swap(words, from, i);
        }
    }

    /** Keys under which a name is found before it is scored: each word's first three letters. */
    public java.util.Set<String> blockingKeys() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String token : tokens) {
            keys.add(token.length() <= 3 ? token : token.substring(0, 3));
        }
        return keys;
    }

    /** The tokens run together: "zhang shi long" and "zhang shilong" both give "zhangshilong". */
    public String joined() {
        return String.join("", tokens);
    }

    /** The tokens in alphabetical order, run together: word order no longer matters. */
    public String sortedJoined() {
        return String.join("", tokens.stream().sorted().toList());
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
