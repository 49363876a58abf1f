package org.sightline.intel.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.sightline.intel.actors.ActorCard;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;

/**
 * The dated events of an actor: campaigns attributed to it (first and last seen), reports about it,
 * sightings of it or of indicators that indicate it, and, when nothing better exists, when its
 * objects were created and last modified. The actor is dormant when it has been quiet for much
 * longer than its usual gap between events, and resurgent at an event that ends such a silence.
 */
public final class ActivityTimeline {
    /** A silence this many times the median gap (and at least MIN_SILENCE) is dormancy. */
    static final double DORMANCY_FACTOR = 3.0;
    static final Duration MIN_SILENCE = Duration.ofDays(180);

    private final StixStore store;

    public ActivityTimeline(StixStore store) {
        this.store = store;
    }

    /** One dated event: what happened, which object says so, and whether it ended a dormancy. */
    public record Event(String date, String kind, String objectId, String label, boolean resurgence) {
    }

    /**
     * The events in time order, the typical gap, and whether the actor is dormant as of the date
     * given. {@code dated} is false when the only events are when its records were written ("first
     * documented", "last updated"): then nothing is known of its activity, so it is neither dormant
     * nor quiet for any number of days, which a record's last edit would otherwise have claimed.
     */
    public record Timeline(String actorId, List<Event> events, Long medianGapDays, boolean dormant, String asOf,
                           Long quietForDays, boolean dated) {
    }

    /** The kinds of event that say when a record was written, not when the actor did anything. */
    static final Set<String> RECORD_DATES = Set.of("first documented", "last updated");

    /** The timeline of an actor and every object linked to it (its cluster). */
    public Timeline of(ActorCard card, Instant asOf) {
        List<String> ids = new ArrayList<>(List.of(card.id()));
        ids.addAll(card.linkedObjects());
        return of(ids, asOf);
    }

    public Timeline of(List<String> actorIds, Instant asOf) {
        List<Event> events = new ArrayList<>();
        Set<String> reports = new java.util.TreeSet<>();
        Set<String> sightings = new java.util.TreeSet<>();
        for (String actorId : actorIds) {
            for (StixStore.Edge edge : store.edgesTo(actorId, "attributed-to")) {
                store.current(edge.sourceId()).filter(o -> "campaign".equals(o.type())).ifPresent(campaign -> {
                    add(events, campaign.text("first_seen"), "campaign first seen", campaign);
                    add(events, campaign.text("last_seen"), "campaign last seen", campaign);
                });
            }
            for (StixStore.Edge edge : store.edgesTo(actorId, "indicates")) {
                sightings.addAll(store.referencing(edge.sourceId(), "sighting_of_ref"));
            }
            sightings.addAll(store.referencing(actorId, "sighting_of_ref"));
            reports.addAll(store.referencing(actorId, "object_refs"));
        }
        for (StixObject report : store.currentObjects(reports)) {
            if ("report".equals(report.type())) {
                add(events, report.text("published"), "report published", report);
            }
        }
        for (StixObject sighting : store.currentObjects(sightings)) {
            add(events, sighting.text("first_seen") != null ? sighting.text("first_seen") : sighting.created(), "sighting", sighting);
        }
        if (events.isEmpty()) {
            for (StixObject actor : store.currentObjects(actorIds)) {
                if (actor.has("x_misp_galaxy")) {
                    continue; // a galaxy's timestamps stand for its release number, not for when anything happened
                }
                add(events, actor.created(), "first documented", actor);
                add(events, actor.modified(), "last updated", actor);
            }
        }
        events.removeIf(e -> StixTimestamp.parse(e.date()).isAfter(asOf));
        events.sort(Comparator.comparing((Event e) -> StixTimestamp.sortKey(e.date())).thenComparing(Event::kind));
        return flag(actorIds.get(0), events, asOf);
    }

    private static void add(List<Event> events, String date, String kind, StixObject source) {
        if (StixTimestamp.isValid(date)) {
            events.add(new Event(date, kind, source.id(), source.name(), false));
        }
    }

    /** Marks resurgences and computes dormancy from the gaps between distinct event days. */
    static Timeline flag(String actorId, List<Event> events, Instant asOf) {
        List<Instant> days = events.stream().map(e -> StixTimestamp.parse(e.date()).truncatedTo(java.time.temporal.ChronoUnit.DAYS))
                .distinct().sorted().toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < days.size(); i++) {
            gaps.add(Duration.between(days.get(i - 1), days.get(i)).toDays());
        }
        Long median = gaps.isEmpty() ? null : gaps.stream().sorted().toList().get(gaps.size() / 2);
        Duration silence = median == null ? MIN_SILENCE
                : Duration.ofDays(Math.max(MIN_SILENCE.toDays(), (long) Math.ceil(median * DORMANCY_FACTOR)));
        List<Event> flagged = new ArrayList<>(events.size());
        Instant previous = null;
        for (Event event : events) {
            Instant time = StixTimestamp.parse(event.date());
            boolean resurgence = previous != null && median != null && Duration.between(previous, time).compareTo(silence) > 0;
            flagged.add(resurgence ? new Event(event.date(), event.kind(), event.objectId(), event.label(), true) : event);
            previous = time;
        }
        boolean dated = events.stream().anyMatch(e -> !RECORD_DATES.contains(e.kind()));
        Long quiet = days.isEmpty() || !dated ? null : Duration.between(days.get(days.size() - 1), asOf).toDays();
        boolean dormant = quiet != null && Duration.ofDays(quiet).compareTo(silence) > 0;
        return new Timeline(actorId, flagged, median, dormant, StixTimestamp.format(asOf), quiet, dated);
    }
}
