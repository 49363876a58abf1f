package org.sightline.ingest.sensors;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sightline.pattern.atoms.AtomicParts;

/**
 * One Suricata rule per value (Suricata's documentation, "Rules Format"): domains on
 * {@code dns.query} matched whole ({@code startswith; endswith}), addresses and networks in the
 * rule's address part both ways ({@code <>}), URLs on {@code http.host} and {@code http.uri}. Each
 * rule's {@code metadata:sightline_id} names its indicator, which Suricata copies into the EVE
 * alert, so the alert comes back as a sighting of it. Numbers ({@code sid}) are drawn from the
 * indicator and value in 9,100,000–9,999,999, so a rule keeps its number from one export to the next.
 */
final class SuricataRules {
    static final String FILE = "sightline.rules";
    static final int FIRST_SID = 9_100_000;
    static final int SIDS = 900_000;

    private SuricataRules() {
    }

    static SensorFiles render(SensorIndicators indicators) {
        StringBuilder rules = new StringBuilder("# Sightline indicators, one Suricata rule per value; metadata:sightline_id names the indicator\n");
        Set<Integer> sids = new HashSet<>();
        int[] values = {0};
        SensorIndicators.Taken taken = indicators.eachValue((indicator, atom) -> {
            String body = body(atom);
            if (body == null) {
                return "one Suricata rule per value covers domains, addresses, networks and URLs, not " + atom.objectType() + ":" + atom.path()
                        + (atom.objectType().equals("file") ? " (the suricata-dataset format takes file hashes)" : "");
            }
            int sid = sid(indicator.indicator().id() + "|" + atom.pattern(), sids);
            rules.append(body.replace("MSG", "msg:\"Sightline " + msg(indicator.label()) + ": " + msg(atom.value()) + "\""))
                    .append(" metadata:sightline_id ").append(indicator.indicator().id()).append("; sid:").append(sid).append("; rev:1;)\n");
            values[0]++;
            return null;
        });
        return new SensorFiles(SensorFormat.SURICATA_RULES.text(), Map.of(FILE, rules.toString()), taken.indicators(), values[0], taken.left());
    }

    /** The rule up to its metadata, with MSG where the message goes; null when one rule cannot say it. */
    private static String body(AtomicParts.Atom atom) {
        String where = atom.objectType() + ":" + atom.path();
        switch (where) {
            case "domain-name:value":
                return "alert dns any any -> any any (MSG; dns.query; content:\"" + content(atom.value().toLowerCase(Locale.ROOT))
                        + "\"; nocase; startswith; endswith;";
            case "ipv4-addr:value":
            case "ipv6-addr:value":
                if (!atom.value().matches("[0-9A-Fa-f:./]+")) {
                    return null;
                }
                return "alert ip any any <> [" + atom.value() + "] any (MSG;";
            case "url:value":
                return url(atom.value());
            default:
                return null;
        }
    }

    private static String url(String value) {
        java.util.regex.Matcher url = URL.matcher(value.trim());
        if (!url.matches()) {
            return null;
        }
        String host = url.group(1).replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        String target = url.group(2).isEmpty() ? "/" : url.group(2).replaceFirst("#.*$", "");
        return "alert http any any -> any any (MSG; http.host; content:\"" + content(host)
                + "\"; nocase; startswith; endswith; http.uri; content:\"" + content(target) + "\"; startswith; endswith;";
    }

    /** An http(s) URL as written: its host (with an optional port) and everything after it, as the request line carries it. */
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("(?i)https?://([^/?#\\s]+)([^\\s]*)");

    /** A content string as the rule language takes it: the characters it reserves written as hex bytes. */
    static String content(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c == '"' || c == ';' || c == '\\' || c == '|' || c < 0x20 || c >= 0x7F) {
                out.append('|').append(String.format("%02X", b & 0xFF)).append('|');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Text for msg: no quote, semicolon or backslash, which end or escape it, and short. */
    private static String msg(String text) {
        String flat = text.replaceAll("[\"\\\\;\\r\\n\\t]+", " ").trim();
        return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
    }

    /** A rule number from the text, the next free one on a collision. */
    private static int sid(String key, Set<Integer> taken) {
        int sid = FIRST_SID + Math.floorMod(key.hashCode(), SIDS);
        while (!taken.add(sid)) {
            sid = sid + 1 >= FIRST_SID + SIDS ? FIRST_SID : sid + 1;
        }
        return sid;
    }
}
