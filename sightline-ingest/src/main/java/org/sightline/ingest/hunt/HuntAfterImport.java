package org.sightline.ingest.hunt;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's hunt after each import: every few seconds it looks whether the store has grown since
 * the last hunt of new indicators and, when it has, hunts what came in over the kept logs. Watching
 * the store rather than each way in means an upload, a TAXII POST, a pull or a MISP import are
 * all hunted the same way, and an import that brought no indicator costs one query.
 */
public final class HuntAfterImport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HuntAfterImport.class);

    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hunt-after-import");
        thread.setDaemon(true);
        return thread;
    });

    private HuntAfterImport() {
    }

    /**
     * Starts watching; {@code folders} are pointed-to log folders hunted beside the kept logs, listed
     * again at each hunt, since a sensor's folder gains a file at every rotation.
     */
    public static HuntAfterImport start(IndicatorHunt hunt, LogArchive archive, org.sightline.store.StixStore store,
                                        List<java.nio.file.Path> folders, Duration every, int threads) {
        HuntAfterImport watcher = new HuntAfterImport();
        watcher.schedule.scheduleWithFixedDelay(() -> {
            try {
                if (store.lastSequence() > archive.huntedThrough()) {
                    List<KeptLog> pointed = new java.util.ArrayList<>();
                    folders.forEach(folder -> pointed.addAll(LogArchive.folder(folder)));
                    IndicatorHunt.Report report = hunt.newIndicators(pointed, null, threads, true);
                    if (report.hunt().indicators() > 0) {
                        LOG.info("hunted {} new indicators over {} logs ({} records): {} sightings found retrospectively",
                                report.hunt().indicators(), report.hunt().files(), report.hunt().events(), report.hunt().sightingCount());
                    }
                }
            } catch (RuntimeException e) {
                // The mark has not moved, so the same indicators are tried again next time.
                LOG.warn("the hunt after an import failed and will be tried again: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return watcher;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
