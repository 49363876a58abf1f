package org.sightline.ingest.sensors;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sightline.pattern.atoms.AtomicParts;

/**
 * A Zeek Intel framework file (Zeek's documentation, "Intelligence Framework"): a {@code #fields}
 * header naming {@code indicator}, {@code indicator_type} and the meta fields, then one line per
 * value, fields separated by one tab, {@code -} for an empty field. Types are Zeek's
 * {@code Intel::Type}: ADDR, SUBNET, DOMAIN, URL (without its scheme, as Zeek sees it), EMAIL,
 * FILE_HASH, FILE_NAME, CERT_HASH, USER_NAME, SOFTWARE. {@code meta.url} points back to the
 * indicator in Sightline; intel.log's {@code seen.indicator} finds it again.
 */
final class ZeekIntelFile {
    static final String FILE = "sightline.intel";
    static final String HEADER = "#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc\tmeta.url";

    private ZeekIntelFile() {
    }

    static SensorFiles render(SensorIndicators indicators, String baseUrl) {
        Map<String, String> lines = new LinkedHashMap<>(); // one line per value and type: Zeek keeps one item per indicator and source
        SensorIndicators.Taken taken = indicators.eachValue((indicator, atom) -> {
            String type = type(atom);
            if (type == null) {
                return "Zeek's Intel framework has no indicator type for " + atom.objectType() + ":" + atom.path();
            }
            String value = value(atom, type);
            lines.putIfAbsent(value + "\t" + type, String.join("\t", field(value), type, "sightline", field(indicator.label()),
                    field(baseUrl + "/ui/#/indicator/" + indicator.indicator().id())));
            return null;
        });
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        lines.values().forEach(line -> file.append(line).append('\n'));
        return new SensorFiles(SensorFormat.ZEEK_INTEL.text(), Map.of(FILE, file.toString()), taken.indicators(), lines.size(), taken.left());
    }

    /** The Intel::Type for the atom, or null when Zeek has none for it. */
    static String type(AtomicParts.Atom atom) {
        String where = atom.objectType() + ":" + atom.keys().get(0);
        return switch (where) {
            case "ipv4-addr:value", "ipv6-addr:value" -> atom.network() || atom.value().contains("/") ? "Intel::SUBNET" : "Intel::ADDR";
            case "domain-name:value" -> "Intel::DOMAIN";
            case "url:value" -> "Intel::URL";
            case "email-addr:value" -> "Intel::EMAIL";
            case "file:hashes" -> "Intel::FILE_HASH";
            case "file:name" -> "Intel::FILE_NAME";
            case "x509-certificate:hashes" -> "Intel::CERT_HASH";
            case "user-account:user_id", "user-account:account_login" -> "Intel::USER_NAME";
            case "software:name" -> "Intel::SOFTWARE";
            default -> null;
        };
    }

    private static String value(AtomicParts.Atom atom, String type) {
        return switch (type) {
            case "Intel::URL" -> atom.value().replaceFirst("(?i)^[a-z][a-z0-9+.-]*://", "");
            case "Intel::FILE_HASH", "Intel::CERT_HASH", "Intel::DOMAIN" -> atom.value().toLowerCase(Locale.ROOT);
            default -> atom.value();
        };
    }

    /** A field as the file format allows it: no tab or line break inside, "-" for nothing. */
    static String field(String text) {
        String flat = text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ").trim();
        return flat.isEmpty() ? "-" : flat;
    }
}
