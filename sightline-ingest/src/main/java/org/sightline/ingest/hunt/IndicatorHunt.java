package org.sightline.ingest.hunt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.events.indicators.Indicators;
import org.sightline.ingest.sightings.SightingImport;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;
import org.sightline.store.intake.Intake;

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

        /** The report as 'hunt --json' and POST /api/v1/hunts give it. */
        public Map<String, Object> document(Instant since, boolean dryRun) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("indicators", hunt.indicators());
            document.put("logs", hunt.files());
            document.put("logs_skipped_before_since", hunt.filesSkipped());
            document.put("since", since == null ? null : StixTimestamp.format(since));
            document.put("records", hunt.events());
            document.put("malformed", hunt.malformed());
            document.put("matched", hunt.matchedEvents());
            document.put("sightings", hunt.sightingCount());
            document.put("stored", stored);
            document.put("records_per_s", Math.round(hunt.eventsPerSecond()));
            document.put("seconds", Math.round(hunt.seconds() * 1000) / 1000.0);
            document.put("hunted_through", huntedThrough);
            document.put("dry_run", dryRun);
            document.put("found", found());
            document.put("problems", hunt.problems());
            return document;
        }

        /** Each sighting found: its id, the indicator, how many times and when. */
        public List<Map<String, Object>> found() {
            return hunt.sightings().stream().filter(object -> object.path("type").asText().equals("sighting")).map(sighting -> {
                Map<String, Object> found = new LinkedHashMap<>();
                found.put("id", sighting.path("id").asText());
                found.put("sighting_of_ref", sighting.path("sighting_of_ref").asText());
                found.put("count", sighting.path("count").asLong());
                found.put("first_seen", sighting.path("first_seen").asText());
                found.put("last_seen", sighting.path("last_seen").asText());
                return found;
            }).toList();
        }
    }

    private final Intake intake;
    private final StixStore store;
    private final LogArchive archive;

    public IndicatorHunt(Intake intake, LogArchive archive) {
        this.intake = intake;
        this.store = intake.store();
        this.archive = archive;
    }

    /** Hunts the indicators written since the last hunt of new ones, and moves the mark on. */
    public Report newIndicators(List<KeptLog> folders, Instant since, int threads, boolean record) {
        return newIndicators(store, folders, since, threads, record, record);
    }

    /**
     * The same over the indicators {@code visible} holds (a token's cleared view of the store);
     * {@code moveMark} false leaves the mark for a hunt that sees everything.
     */
    public Report newIndicators(StixStore visible, List<KeptLog> folders, Instant since, int threads, boolean record, boolean moveMark) {
        long through = store.lastSequence();
        List<Indicator> indicators = new ArrayList<>();
        visible.forEachCurrentSince(archive.huntedThrough(), Set.of(), sequenced -> {
            if (sequenced.sequence() <= through) {
                Indicators.of(sequenced.object().json()).ifPresent(indicators::add);
            }
        });
        Report report = hunt(indicators, folders, since, threads, record);
        if (moveMark) {
            archive.markHuntedThrough(through);
        }
        return new Report(report.hunt(), report.stored(), moveMark ? through : archive.huntedThrough());
    }

    /** Hunts the given indicators (every one in the store, or a file's); the mark of new ones stays where it is. */
    public Report hunt(List<Indicator> indicators, List<KeptLog> folders, Instant since, int threads, boolean record) {
        List<KeptLog> logs = new ArrayList<>(archive.kept());
        logs.addAll(folders);
        RetroHunt.Result result = RetroHunt.run(IndicatorIndex.compile(indicators), logs, since, threads, null);
        long stored = record ? SightingImport.store(intake, result.sightings()) : 0;
        return new Report(result, stored, archive.huntedThrough());
    }
}
