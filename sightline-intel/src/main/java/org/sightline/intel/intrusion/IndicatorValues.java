package org.sightline.intel.intrusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values an indicator points at (a domain, an address, a hash, a URL), so that two indicators
 * written differently ("[domain-name:value = 'x.example']" and a plain "x.example" line) meet.
 */
public final class IndicatorValues {
    /** A comparison with a quoted literal in a STIX pattern: the literal is the value. */
    private static final Pattern QUOTED = Pattern.compile("(?:=|\\bIN\\b|\\bLIKE\\b)\\s*\\(?\\s*'((?:[^'\\\\]|\\\\.)*)'",
            Pattern.CASE_INSENSITIVE);

    private IndicatorValues() {
    }

    /** The literals compared with in a STIX pattern, or the text itself when it is not a pattern. */
    public static List<String> of(String patternOrValue) {
        String text = patternOrValue.trim();
        List<String> values = new ArrayList<>();
        if (text.startsWith("[")) {
            Matcher quoted = QUOTED.matcher(text);
            while (quoted.find()) {
                values.add(quoted.group(1).replace("\\'", "'").replace("\\\\", "\\"));
            }
        } else if (!text.isEmpty()) {
            values.add(text);
        }
        return values;
    }

    /** The form values are compared in: trimmed, lower case, without a DNS name's final dot. */
    public static String normalise(String value) {
        String folded = value.trim().toLowerCase(Locale.ROOT);
        return folded.endsWith(".") ? folded.substring(0, folded.length() - 1) : folded;
    }
}
