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
public record ScreeningName(String original, List<String> tokens) {

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
        return new ScreeningName(name, List.copyOf(tokens));
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
