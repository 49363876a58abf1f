package org.sightline.stream.topology;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one instance has done so far, for its progress line and the benchmark: events read,
 * unreadable, matches found, sighting versions sent (one per window per flush that changed it),
 * and the indicator set's size.
 */
public final class StreamCounters {
    final AtomicLong events = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong sightings = new AtomicLong();
    final AtomicLong indicators = new AtomicLong();
    final AtomicLong matches = new AtomicLong();

    public long events() {
        return events.get();
    }

    public long malformed() {
        return malformed.get();
    }

    public long sightings() {
        return sightings.get();
    }

    public long matches() {
        return matches.get();
    }

    public long indicators() {
        return indicators.get();
    }
}
