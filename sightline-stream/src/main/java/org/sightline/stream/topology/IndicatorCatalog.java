package org.sightline.stream.topology;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The indicator set's version within one running instance: the global store's updater bumps it
 * whenever an indicator arrives or is withdrawn, and each matcher recompiles when it sees a version
 * it has not compiled, so a change reaches every partition without a restart.
 */
public final class IndicatorCatalog {
    /** The global store of current indicators: id to STIX JSON, from the compacted indicators topic. */
    public static final String STORE = "sightline-indicators";

    private final AtomicLong version = new AtomicLong();

    void changed() {
        version.incrementAndGet();
    }

    long version() {
        return version.get();
    }
}
