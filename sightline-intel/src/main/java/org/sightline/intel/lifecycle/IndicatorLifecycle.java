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
        return Snapshot.read(store).scores(asOf, decay);
    }

    /**
     * What the scores are computed from, read from the store once: every indicator, every sighting
     * and every false-positive opinion. Scoring it as of many dates (an indicator's curve) reads nothing more.
     */
    public static final class Snapshot {
        private final List<StixObject> indicators = new ArrayList<>();
        private final List<StixObject> sightings = new ArrayList<>();
        private final Map<String, List<StixObject>> falsePositives;

        private Snapshot(Map<String, List<StixObject>> falsePositives) {
            this.falsePositives = falsePositives;
        }

        public static Snapshot read(StixStore store) {
            Snapshot snapshot = new Snapshot(FalsePositives.of(store));
            store.forEachCurrent(new StixStore.ObjectQuery(Set.of("sighting"), Set.of(), false), snapshot.sightings::add);
            store.forEachCurrent(new StixStore.ObjectQuery(Set.of("indicator"), Set.of(), true), snapshot.indicators::add);
            return snapshot;
        }

        /** The indicator's sightings, each with when it was seen and, if it was marked a false positive, when. */
        public List<SightingMark> sightingsOf(String indicatorId) {
            List<SightingMark> marks = new ArrayList<>();
            for (StixObject sighting : sightings) {
                if (indicatorId.equals(sighting.text("sighting_of_ref"))) {
                    Instant marked = falsePositives.getOrDefault(sighting.id(), List.of()).stream().map(opinion -> time(opinion, "created"))
                            .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
                    Instant seen = time(sighting, "last_seen", "first_seen", "created");
                    marks.add(new SightingMark(sighting.id(), seen == null ? null : StixTimestamp.format(seen),
                            sighting.json().path("count").asLong(1), marked == null ? null : StixTimestamp.format(marked)));
                }
            }
            marks.sort(java.util.Comparator.comparing(SightingMark::seen, java.util.Comparator.nullsFirst(String::compareTo)));
            return marks;
        }

        public List<IndicatorScore> scores(Instant asOf, IndicatorDecay decay) {
            return scores(asOf, decay, id -> true);
        }

        /** One indicator's score as of the date, or null when it was not known yet: its source's record still counts every indicator. */
        public IndicatorScore scoreOf(String indicatorId, Instant asOf, IndicatorDecay decay) {
            List<IndicatorScore> one = scores(asOf, decay, indicatorId::equals);
            return one.isEmpty() ? null : one.get(0);
        }

        private List<IndicatorScore> scores(Instant asOf, IndicatorDecay decay, java.util.function.Predicate<String> scored) {
            Map<String, Instant> sighted = new HashMap<>();
            Map<String, String> sightedBy = new HashMap<>();
            Map<String, Integer> markedFalse = new HashMap<>();
            Map<String, Integer> counted = new HashMap<>();
            for (StixObject sighting : sightings) {
                Instant seen = time(sighting, "last_seen", "first_seen", "created");
                String of = sighting.text("sighting_of_ref");
                if (of == null || seen == null || seen.isAfter(asOf)) {
                    continue;
                }
                counted.merge(of, 1, Integer::sum);
                boolean falsePositive = falsePositives.getOrDefault(sighting.id(), List.of()).stream()
                        .anyMatch(opinion -> time(opinion, "created") == null || !time(opinion, "created").isAfter(asOf));
                if (falsePositive) {
                    markedFalse.merge(of, 1, Integer::sum);
                } else if (sighted.get(of) == null || seen.isAfter(sighted.get(of))) {
                    sighted.put(of, seen);
                    sightedBy.put(of, sighting.id());
                }
            }
            List<StixObject> known = new ArrayList<>();
            for (StixObject indicator : indicators) {
                Instant published = time(indicator, "modified", "created");
                if (published == null || !published.isAfter(asOf)) { // later ones were not known yet on that date
                    known.add(indicator);
                }
            }
            Map<String, SourceRecord> sources = new HashMap<>();
            for (StixObject indicator : known) {
                sources.computeIfAbsent(source(indicator), SourceRecord::new)
                        .add(counted.getOrDefault(indicator.id(), 0), markedFalse.getOrDefault(indicator.id(), 0));
            }
            List<IndicatorScore> scores = new ArrayList<>();
            for (StixObject indicator : known) {
                if (!scored.test(indicator.id())) {
                    continue;
                }
                scores.add(score(indicator, time(indicator, "modified", "created"), sighted.get(indicator.id()), sightedBy.get(indicator.id()),
                        markedFalse.getOrDefault(indicator.id(), 0), sources.get(source(indicator)), asOf, decay));
            }
            scores.sort(java.util.Comparator.comparingDouble(IndicatorScore::score).reversed().thenComparing(IndicatorScore::id));
            return scores;
        }
    }

    /** One sighting of an indicator: when it was seen, how many times, and when it was marked a false positive (null: never). */
    public record SightingMark(String id, String seen, long count, String falsePositiveOn) {
    }

    /** Who published an indicator: its created_by_ref, or "" when it names nobody. */
    static String source(StixObject indicator) {
        String by = indicator.text("created_by_ref");
        return by == null ? "" : by;
    }

    /**
     * A source's track record of indicators as of a date: how many sightings of its indicators there
     * were and how many of those analysts marked false positives. Its indicators start lower by half
     * its share of false positives, counted as if two more sightings had been good, so one mistake of
     * a source with no history does not halve the rest of its indicators.
     */
    public static final class SourceRecord {
        private final String source;
        private int indicators;
        private int sightings;
        private int falsePositives;

        SourceRecord(String source) {
            this.source = source;
        }

        void add(int sightings, int falsePositives) {
            this.indicators++;
            this.sightings += sightings;
            this.falsePositives += falsePositives;
        }

        public String source() {
            return source;
        }

        public int indicators() {
            return indicators;
        }

        public int sightings() {
            return sightings;
        }

        public int falsePositives() {
            return falsePositives;
        }

        /** Indicators that name no source share no record: nobody's mistakes are everybody's. */
        public double factor() {
            return source.isEmpty() ? 1 : 1 - 0.5 * falsePositives / (sightings + 2.0);
        }
    }

    /**
     * Which indicators go to a sensor: those active now (scored at least {@code minScore} when given);
     * with {@code includeExpired}, the decayed ones too. The same rule for the command line and the API.
     */
    public static java.util.function.Predicate<String> forSensors(StixStore store, Instant now, IndicatorDecay decay, Double minScore,
                                                                  boolean includeExpired) {
        if (includeExpired && minScore == null) {
            return id -> true;
        }
        Set<String> ids = new java.util.HashSet<>();
        for (IndicatorScore score : scores(store, now, decay)) {
            if ((includeExpired || score.status() == IndicatorScore.Status.ACTIVE) && (minScore == null || score.score() >= minScore)) {
                ids.add(score.id());
            }
        }
        return ids::contains;
    }

    /** The ids of the indicators expired as of the date (past valid_until, or decayed under the threshold): what leaves the matchers. */
    public static Set<String> expired(StixStore store, Instant asOf, IndicatorDecay decay) {
        Set<String> ids = new java.util.HashSet<>();
        for (IndicatorScore score : scores(store, asOf, decay)) {
            if (score.status() == IndicatorScore.Status.EXPIRED) {
                ids.add(score.id());
            }
        }
        return ids;
    }

    private static IndicatorScore score(StixObject indicator, Instant published, Instant sighted, String sighting, int falsePositives,
                                        SourceRecord source, Instant asOf, IndicatorDecay decay) {
        String type = observableType(indicator.text("pattern"));
        String publisher = source.source().isEmpty() ? null : source.source();
        Duration halfLifeFor = decay.halfLife(publisher, type);
        long halfLife = halfLifeFor.toDays();
        boolean bySighting = sighted != null && (published == null || sighted.isAfter(published));
        Instant confirmed = bySighting ? sighted : published;
        String by = bySighting ? "sighting " + sighting : "its latest version";
        double stated = indicator.json().has("confidence") ? indicator.json().path("confidence").asInt() / 100.0 : IndicatorDecay.UNRATED;
        // Each sighting marked a false positive halves what the indicator is worth; its source's record weighs on all of its indicators.
        double base = stated * Math.pow(0.5, falsePositives) * source.factor();
        long days = confirmed == null ? 0 : Math.max(0, Duration.between(confirmed, asOf).toDays());
        double score = confirmed == null ? base : IndicatorDecay.score(base, Duration.between(confirmed, asOf), halfLifeFor);
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
        StringBuilder lowered = new StringBuilder();
        if (falsePositives > 0) {
            lowered.append(String.format(java.util.Locale.ROOT, ", × %.2f for %d sighting%s marked false positive", Math.pow(0.5, falsePositives),
                    falsePositives, falsePositives == 1 ? "" : "s"));
        }
        if (source.factor() < 1) {
            lowered.append(String.format(java.util.Locale.ROOT, ", × %.2f for its source's record (%d of %d sightings of its indicators false positives)",
                    source.factor(), source.falsePositives(), source.sightings()));
        }
        String why = String.format(java.util.Locale.ROOT, "%s halves every %d days%s; last confirmed %s by %s, %d days before %s; %s %.2f%s → %.2f; %s",
                type, halfLife, decay.setForSource(publisher, type) ? " (set for its source)" : "", confirmed == null ? "never" : StixTimestamp.format(confirmed).substring(0, 10), by, days,
                StixTimestamp.format(asOf).substring(0, 10), indicator.json().has("confidence") ? "confidence" : "unrated, taken as", stated,
                lowered, score, verdict);
        return new IndicatorScore(indicator.id(), indicator.name(), type, Math.round(score * 1000) / 1000.0, status,
                confirmed == null ? null : StixTimestamp.format(confirmed), bySighting ? sighting : indicator.id(), halfLife,
                source.source().isEmpty() ? null : source.source(), falsePositives, why);
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
