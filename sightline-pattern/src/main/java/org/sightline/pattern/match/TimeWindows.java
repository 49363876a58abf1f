package org.sightline.pattern.match;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Interval arithmetic for WITHIN and START/STOP over observation intervals [first_observed, last_observed]. */
final class TimeWindows {
    private TimeWindows() {
    }

    record Interval(Instant first, Instant last) {
    }

    /**
     * Can one instant be chosen in each interval so that all lie within the window? If any window
     * works, the one that starts at the earliest last_observed does.
     */
    static boolean within(List<Interval> intervals, Duration window) {
        if (intervals.isEmpty()) {
            return true;
        }
        Instant start = intervals.stream().map(Interval::last).min(Instant::compareTo).orElseThrow();
        Instant end = start.plus(window);
        return intervals.stream().allMatch(i -> !i.last().isBefore(start) && !i.first().isAfter(end));
    }

    /** Does the interval reach into [start, stop), touching start but not only stop? */
    static boolean startsInside(Instant start, Instant stop, Interval interval) {
        boolean overlaps = !interval.first().isAfter(stop) && !start.isAfter(interval.last());
        boolean touchesOnlyStop = interval.first().equals(stop);
        return overlaps && !touchesOnlyStop;
    }
}
