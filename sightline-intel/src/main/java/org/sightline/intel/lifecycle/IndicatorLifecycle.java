package org.sightline.intel.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;

/**
 * Every STIX indicator's score as of a date ({@link IndicatorDecay}): confirmed last by the latest
 * sighting of it seen by then, or by its own latest version (a source re-publishing it), whichever
 * is later. Read from the store as it is; nothing is written.
 */
public final class IndicatorLifecycle {
    private static final Pattern FIRST_TYPE = Pattern.compile("\\[\\s*\\(*\\s*([a-z0-9-]+)\\s*:");

    private IndicatorLifecycle() {
    }

    public static List<IndicatorScore> scores(StixStore store, Instant asOf, IndicatorDecay decay) {
        Map<String, Instant> sighted = new HashMap<>();
        Map<String, String> sightedBy = new HashMap<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("sighting"), Set.of(), false), sighting -> {
            Instant seen = time(sighting, "last_seen", "first_seen", "created");
            String of = sighting.text("sighting_of_ref");
            if (of != null && seen != null && !seen.isAfter(asOf) && (sighted.get(of) == null || seen.isAfter(sighted.get(of)))) {
                sighted.put(of, seen);
                sightedBy.put(of, sighting.id());
            }
        });
        List<IndicatorScore> scores = new ArrayList<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("indicator"), Set.of(), true), indicator -> {
            Instant published = time(indicator, "modified", "created");
            if (published != null && published.isAfter(asOf)) {
                return; // not known yet on that date
            }
            scores.add(score(indicator, published, sighted.get(indicator.id()), sightedBy.get(indicator.id()), asOf, decay));
        });
        scores.sort(java.util.Comparator.comparingDouble(IndicatorScore::score).reversed().thenComparing(IndicatorScore::id));
        return scores;
    }

    /** The ids of the indicators active as of the date with at least {@code least} as their score: what is still worth matching. */
    public static Set<String> activeAtLeast(StixStore store, Instant asOf, IndicatorDecay decay, double least) {
        Set<String> ids = new java.util.HashSet<>();
        for (IndicatorScore score : scores(store, asOf, decay)) {
            if (score.status() == IndicatorScore.Status.ACTIVE && score.score() >= least) {
                ids.add(score.id());
            }
        }
        return ids;
    }

    private static IndicatorScore score(StixObject indicator, Instant published, Instant sighted, String sighting, Instant asOf, IndicatorDecay decay) {
        String type = observableType(indicator.text("pattern"));
        long halfLife = decay.halfLife(type).toDays();
        boolean bySighting = sighted != null && (published == null || sighted.isAfter(published));
        Instant confirmed = bySighting ? sighted : published;
        String by = bySighting ? "sighting " + sighting : "its latest version";
        double base = indicator.json().has("confidence") ? indicator.json().path("confidence").asInt() / 100.0 : IndicatorDecay.UNRATED;
        long days = confirmed == null ? 0 : Math.max(0, Duration.between(confirmed, asOf).toDays());
        double score = confirmed == null ? base : decay.score(base, Duration.between(confirmed, asOf), type);
        Instant validFrom = time(indicator, "valid_from");
        Instant validUntil = time(indicator, "valid_until");
        IndicatorScore.Status status;
        String verdict;
        if (indicator.revoked()) {
            status = IndicatorScore.Status.REVOKED;
            verdict = "revoked by its source";
        } else if (validUntil != null && !validUntil.isAfter(asOf)) {
            status = IndicatorScore.Status.EXPIRED;
            verdict = "expired: valid_until " + StixTimestamp.format(validUntil).substring(0, 10) + " has passed";
        } else if (validFrom != null && validFrom.isAfter(asOf)) {
            status = IndicatorScore.Status.PENDING;
            verdict = "not valid before " + StixTimestamp.format(validFrom).substring(0, 10);
        } else if (score < IndicatorDecay.EXPIRED_BELOW) {
            status = IndicatorScore.Status.EXPIRED;
            verdict = String.format(java.util.Locale.ROOT, "expired: under %.2f", IndicatorDecay.EXPIRED_BELOW);
        } else {
            status = IndicatorScore.Status.ACTIVE;
            verdict = "active";
        }
        String why = String.format(java.util.Locale.ROOT, "%s halves every %d days; last confirmed %s by %s, %d days before %s; %s %.2f → %.2f; %s",
                type, halfLife, confirmed == null ? "never" : StixTimestamp.format(confirmed).substring(0, 10), by, days,
                StixTimestamp.format(asOf).substring(0, 10), indicator.json().has("confidence") ? "confidence" : "unrated, taken as", base, score, verdict);
        return new IndicatorScore(indicator.id(), indicator.name(), type, Math.round(score * 1000) / 1000.0, status,
                confirmed == null ? null : StixTimestamp.format(confirmed), bySighting ? sighting : indicator.id(), halfLife, why);
    }

    /** The observable type the pattern's first comparison is about ("domain-name"), or "other". */
    static String observableType(String pattern) {
        Matcher type = FIRST_TYPE.matcher(pattern == null ? "" : pattern);
        return type.find() ? type.group(1) : "other";
    }

    private static Instant time(StixObject object, String... properties) {
        for (String property : properties) {
            String text = object.text(property);
            if (text != null && StixTimestamp.isValid(text)) {
                return StixTimestamp.parse(text);
            }
        }
        return null;
    }
}
