package org.sightline.ingest.hunt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sightline.ingest.sightings.Indicators;
import org.sightline.ingest.sightings.SightingImport;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.store.StixStore;
import org.sightline.store.search.FullTextIndex;

/**
 * A hunt of the store's indicators over the kept logs and the folders pointed to, its sightings
 * stored: what {@code sightline hunt} and the server's hunt after each import both run. "New"
 * indicators are those written to the store since the last hunt of new ones, whatever way they came
 * in (import, TAXII, MISP, the API); that mark moves only once the sightings are stored, so a hunt
 * that fails is tried again on the same indicators.
 */
public final class IndicatorHunt {

    /** A finished hunt: what it read and found, how many objects it stored, and the store sequence it reached. */
    public record Report(RetroHunt.Result hunt, long stored, long huntedThrough) {
    }

    private final StixStore store;
    private final FullTextIndex index;
    private final LogArchive archive;

    public IndicatorHunt(StixStore store, FullTextIndex index, LogArchive archive) {
        this.store = store;
        this.index = index;
        this.archive = archive;
    }

    /** Hunts the indicators written since the last hunt of new ones, and moves the mark on. */
    public Report newIndicators(List<KeptLog> folders, Instant since, int threads, boolean record) {
        long through = store.lastSequence();
        List<Indicator> indicators = new ArrayList<>();
        store.forEachCurrentSince(archive.huntedThrough(), Set.of(), sequenced -> {
            if (sequenced.sequence() <= through) {
                Indicators.of(sequenced.object().json()).ifPresent(indicators::add);
            }
        });
        Report report = hunt(indicators, folders, since, threads, record);
        if (record) {
            archive.markHuntedThrough(through);
        }
        return new Report(report.hunt(), report.stored(), through);
    }

    /** Hunts the given indicators (every one in the store, or a file's); the mark of new ones stays where it is. */
    public Report hunt(List<Indicator> indicators, List<KeptLog> folders, Instant since, int threads, boolean record) {
        List<KeptLog> logs = new ArrayList<>(archive.kept());
        logs.addAll(folders);
        RetroHunt.Result result = RetroHunt.run(IndicatorIndex.compile(indicators), logs, since, threads, null);
        long stored = record ? SightingImport.store(store, index, result.sightings()) : 0;
        return new Report(result, stored, archive.huntedThrough());
    }
}
