package org.sightline.ingest.sightings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sightline.events.indicators.Indicators;
import org.sightline.pattern.stream.Indicator;
import org.sightline.store.StixStore;

/** The knowledge store's current STIX-pattern indicators, ready to match (revoked ones left out). */
public final class StoredIndicators {
    private StoredIndicators() {
    }

    public static List<Indicator> current(StixStore store) {
        List<Indicator> indicators = new ArrayList<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("indicator"), Set.of(), false),
                object -> Indicators.of(object.json()).ifPresent(indicators::add));
        return indicators;
    }
}
