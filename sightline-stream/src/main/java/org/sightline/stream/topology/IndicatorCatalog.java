package org.sightline.stream.topology;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;

/**
 * The indicator set within one running instance: its version, which the global store's updater
 * bumps whenever an indicator arrives or is withdrawn, and the index compiled from it. Every
 * partition's matcher asks for the index of the current version, so a change reaches every
 * partition without a restart, and the index is compiled once per version for the whole instance
 * (the index is read-only and shared; compiling it once per partition cost 0.1-0.25 s each for
 * 10,000 indicators, more than matching the events that first arrived).
 */
public final class IndicatorCatalog {
    /** The global store of current indicators: id to STIX JSON, from the compacted indicators topic. */
    public static final String STORE = "sightline-indicators";

    private final AtomicLong version = new AtomicLong();
    private Compiled compiled;

    /** An index and the version of the set it was compiled from. */
    record Compiled(long version, IndicatorIndex index) {
    }

    void changed() {
        version.incrementAndGet();
    }

    long version() {
        return version.get();
    }

    /**
     * The index of the current version, compiled from {@code indicators} by the first matcher to ask
     * (the others wait for it). A change that lands while it compiles bumps the version again, so the
     * next call compiles anew.
     */
    synchronized Compiled current(Supplier<List<Indicator>> indicators) {
        long now = version.get();
        if (compiled == null || compiled.version() != now) {
            compiled = new Compiled(now, IndicatorIndex.compile(indicators.get()));
        }
        return compiled;
    }
}
