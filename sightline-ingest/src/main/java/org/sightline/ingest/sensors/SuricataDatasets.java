package org.sightline.ingest.sensors;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.sightline.pattern.atoms.AtomicParts;

/**
 * Suricata datasets with the rules that use them (Suricata's documentation, "Datasets" and "File
 * Keywords"): domains as a {@code string} dataset (one base64-encoded value per line, as the string
 * type is stored) looked up on {@code dns.query}, {@code tls.sni} and {@code http.host}; single
 * addresses as an {@code ip} dataset on {@code ip.src} and {@code ip.dst}; file hashes as the
 * lists {@code filemd5}, {@code filesha1} and {@code filesha256} read (one lower-case hex hash per
 * line). A dataset holds values, not networks or URLs: those are listed as left out.
 */
final class SuricataDatasets {
    static final String RULES = "sightline-datasets.rules";
    static final int FIRST_SID = 9_000_001;

    private SuricataDatasets() {
    }

    static SensorFiles render(SensorIndicators indicators) {
        Map<String, TreeSet<String>> lists = new LinkedHashMap<>();
        for (String name : List.of("sightline-domains.lst", "sightline-ips.lst", "sightline-md5.lst", "sightline-sha1.lst", "sightline-sha256.lst")) {
            lists.put(name, new TreeSet<>());
        }
        SensorIndicators.Taken taken = indicators.eachValue((indicator, atom) -> {
            String list = list(atom);
            if (list == null) {
                return "a Suricata dataset holds domains, single addresses and file hashes, not " + atom.objectType() + ":" + atom.path()
                        + (atom.network() || atom.value().contains("/") ? " networks (the suricata-rules format takes them)" : "");
            }
            String value = atom.value().toLowerCase(Locale.ROOT);
            lists.get(list).add(list.equals("sightline-domains.lst") ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value);
            return null;
        });
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder rules = new StringBuilder("# Sightline indicators as Suricata datasets; load with: rule-files: [" + RULES + "]\n");
        int[] sid = {FIRST_SID};
        int values = 0;
        for (Map.Entry<String, TreeSet<String>> list : lists.entrySet()) {
            if (list.getValue().isEmpty()) {
                continue;
            }
            values += list.getValue().size();
            files.put(list.getKey(), String.join("\n", list.getValue()) + "\n");
            rules(list.getKey()).forEach(rule -> rules.append(rule.replace("SID", String.valueOf(sid[0]++))).append('\n'));
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put(RULES, rules.toString());
        all.putAll(files);
        return new SensorFiles(SensorFormat.SURICATA_DATASET.text(), all, taken.indicators(), values, taken.left());
    }

    private static String list(AtomicParts.Atom atom) {
        String where = atom.objectType() + ":" + atom.path();
        if (where.equals("domain-name:value")) {
            return "sightline-domains.lst";
        }
        if ((where.equals("ipv4-addr:value") || where.equals("ipv6-addr:value")) && !atom.network() && !atom.value().contains("/")) {
            return "sightline-ips.lst";
        }
        if (atom.objectType().equals("file") && atom.keys().size() == 2 && atom.keys().get(0).equals("hashes")) {
            return switch (atom.keys().get(1).toUpperCase(Locale.ROOT)) {
                case "MD5" -> "sightline-md5.lst";
                case "SHA-1", "SHA1" -> "sightline-sha1.lst";
                case "SHA-256", "SHA256" -> "sightline-sha256.lst";
                default -> null;
            };
        }
        return null;
    }

    /** The rules that look a list up, each with SID for its number. */
    private static List<String> rules(String list) {
        String set = list.substring(0, list.length() - ".lst".length());
        return switch (list) {
            case "sightline-domains.lst" -> List.of(
                    dataset("dns", "DNS query for a listed domain", "dns.query", set, "string", list),
                    dataset("tls", "TLS server name of a listed domain", "tls.sni", set, "string", list),
                    dataset("http", "HTTP host of a listed domain", "http.host", set, "string", list));
            case "sightline-ips.lst" -> List.of(
                    dataset("ip", "traffic to a listed address", "ip.dst", set, "ip", list),
                    dataset("ip", "traffic from a listed address", "ip.src", set, "ip", list));
            case "sightline-md5.lst" -> List.of(file("MD5", "filemd5", list));
            case "sightline-sha1.lst" -> List.of(file("SHA-1", "filesha1", list));
            default -> List.of(file("SHA-256", "filesha256", list));
        };
    }

    private static String dataset(String protocol, String what, String buffer, String set, String type, String file) {
        return "alert " + protocol + " any any -> any any (msg:\"Sightline: " + what + "\"; " + buffer + "; dataset:isset," + set + ",type "
                + type + ",load " + file + "; metadata:sightline_export " + set + "; sid:SID; rev:1;)";
    }

    private static String file(String hash, String keyword, String list) {
        return "alert http any any -> any any (msg:\"Sightline: file with a listed " + hash + "\"; " + keyword + ":" + list
                + "; metadata:sightline_export " + list.substring(0, list.length() - 4) + "; sid:SID; rev:1;)";
    }
}
