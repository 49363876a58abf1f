package org.sightline.ingest.misp.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sightline.stix.markings.Tlp;

/**
 * How far a MISP event or attribute may be shared, as a TLP level: its {@code tlp:} tag when it has one
 * (tlp:white is TLP:CLEAR), else its distribution read conservatively: "your organisation only" is
 * AMBER+STRICT, "this community only" and sharing groups AMBER, connected and all communities GREEN.
 * MISP communities are closed groups, so even "all communities" is not TLP:CLEAR.
 */
final class Markings {
    private Markings() {
    }

    /** The TLP level of an event or attribute; empty when it says nothing (then the event's level applies). */
    static Optional<Tlp> of(JsonNode item) {
        Tlp tagged = null;
        for (JsonNode tag : item.path("Tag")) {
            String name = tag.path("name").asText("").trim().toLowerCase(Locale.ROOT);
            if (name.startsWith("tlp:")) {
                try {
                    Tlp level = Tlp.parse(name.replace("\"", ""));
                    tagged = tagged == null || level.compareTo(tagged) > 0 ? level : tagged;
                } catch (RuntimeException e) {
                    // tlp:ex:chr and other local extensions: not a TLP 2.0 level, kept as a label
                }
            }
        }
        if (tagged != null) {
            return Optional.of(tagged);
        }
        return switch (item.path("distribution").asText("")) {
            case "0" -> Optional.of(Tlp.AMBER_STRICT);
            case "1", "4" -> Optional.of(Tlp.AMBER);
            case "2", "3" -> Optional.of(Tlp.GREEN);
            default -> Optional.empty(); // 5: inherit the event's, or absent
        };
    }

    /** The tags that are neither TLP nor galaxy clusters (those become markings and relationships): labels. */
    static List<String> labels(JsonNode item) {
        List<String> labels = new ArrayList<>();
        for (JsonNode tag : item.path("Tag")) {
            String name = tag.path("name").asText("").trim();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !lower.startsWith("misp-galaxy:") && !(lower.startsWith("tlp:") && isTlp(lower))) {
                labels.add(name);
            }
        }
        return labels;
    }

    private static boolean isTlp(String tag) {
        try {
            Tlp.parse(tag.replace("\"", ""));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
