package org.sightline.events.indicators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sightline.pattern.stream.Indicator;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixReader;

/**
 * The STIX-pattern indicators to match, from STIX objects or a bundle file; revoked ones and other
 * pattern languages are left out. The store's current indicators come through ingest's
 * {@code StoredIndicators}, so that matching needs no database.
 */
public final class Indicators {
    private Indicators() {
    }

    public static List<Indicator> fromFile(Path file) {
        List<Indicator> indicators = new ArrayList<>();
        StixReader.read(file, (object, index, line) -> add(object, indicators));
        return indicators;
    }

    private static void add(ObjectNode object, List<Indicator> into) {
        of(object).ifPresent(into::add);
    }

    /** The indicator to match, when the object is a current STIX-pattern indicator (not revoked, not another pattern language). */
    public static java.util.Optional<Indicator> of(ObjectNode object) {
        StixObject indicator = new StixObject(object);
        if (!"indicator".equals(indicator.type()) || indicator.revoked() || indicator.text("pattern") == null) {
            return java.util.Optional.empty();
        }
        String patternType = indicator.text("pattern_type");
        if (patternType != null && !"stix".equals(patternType)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Indicator(indicator.id(), indicator.text("pattern"), instant(indicator.text("valid_from")),
                instant(indicator.text("valid_until"))));
    }

    private static Instant instant(String timestamp) {
        return StixTimestamp.isValid(timestamp) ? StixTimestamp.parse(timestamp) : null;
    }
}
