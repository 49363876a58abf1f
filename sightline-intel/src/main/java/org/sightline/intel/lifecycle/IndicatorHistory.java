package org.sightline.intel.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.sightline.error.NotFoundException;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;

/**
 * One indicator's score through time, for its page: the score as of evenly spaced dates from when
 * it was published to the date asked, and as of each sighting and each false-positive marking (and
 * just before), so the curve shows the steps they made; with the sightings that moved it.
 */
public record IndicatorHistory(IndicatorScore score, List<Point> curve, List<IndicatorLifecycle.SightingMark> sightings) {
    private static final int STEPS = 60;

    /** The score as of a date, and the indicator's standing then. */
    public record Point(String date, double score, String status) {
    }

    public static IndicatorHistory of(StixStore store, String indicatorId, Instant asOf, IndicatorDecay decay) {
        StixObject indicator = store.current(indicatorId).filter(object -> "indicator".equals(object.type()))
                .orElseThrow(() -> new NotFoundException("no indicator " + indicatorId));
        IndicatorLifecycle.Snapshot snapshot = IndicatorLifecycle.Snapshot.read(store);
        List<IndicatorLifecycle.SightingMark> sightings = snapshot.sightingsOf(indicatorId);
        Instant from = StixTimestamp.parse(indicator.text("modified") != null ? indicator.text("modified") : indicator.text("created"));
        TreeSet<Instant> dates = new TreeSet<>();
        if (!from.isAfter(asOf)) {
            long span = Math.max(1, Duration.between(from, asOf).toSeconds());
            for (int step = 0; step <= STEPS; step++) {
                dates.add(from.plusSeconds(span * step / STEPS));
            }
            for (IndicatorLifecycle.SightingMark sighting : sightings) {
                steps(dates, sighting.seen(), from, asOf);
                steps(dates, sighting.falsePositiveOn(), from, asOf);
            }
        }
        List<Point> curve = new ArrayList<>();
        IndicatorScore now = null;
        for (Instant date : dates) {
            IndicatorScore then = snapshot.scoreOf(indicatorId, date, decay);
            if (then != null) {
                curve.add(new Point(StixTimestamp.format(date), then.score(), then.status().name().toLowerCase(Locale.ROOT)));
                now = date.equals(asOf) ? then : now;
            }
        }
        if (now == null) {
            now = snapshot.scoreOf(indicatorId, asOf, decay);
        }
        return new IndicatorHistory(now, List.copyOf(curve), sightings);
    }

    /** A step's date and the moment before it, when they fall in the curve's span. */
    private static void steps(TreeSet<Instant> dates, String timestamp, Instant from, Instant to) {
        if (timestamp == null) {
            return;
        }
        Instant at = StixTimestamp.parse(timestamp);
        if (!at.isBefore(from) && !at.isAfter(to)) {
            dates.add(at);
            if (at.minusSeconds(1).isAfter(from)) {
                dates.add(at.minusSeconds(1));
            }
        }
    }
}
