package org.sightline.events.sightings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.pattern.stream.Event;
import org.sightline.pattern.stream.StreamMatch;
import org.sightline.stix.StixId;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.json.StixJson;

/**
 * Aggregates matches into one STIX 2.1 sighting per indicator: how many times, first and last
 * seen, the observed-data of the first matching events (up to {@link #MAX_OBSERVED_DATA}), and
 * optionally where it was sighted. A recorder for a retro-hunt marks its sightings as found
 * retrospectively (the sighting extension, docs/extensions.md) and names each after what it found
 * (indicator, first and last seen, count), so hunting the same logs twice writes a new version of
 * the same sighting rather than a second one that would count the events again.
 */
public final class SightingRecorder {
    static final int MAX_OBSERVED_DATA = 10;

    private final String whereSighted;
    private final Instant huntedOn;
    private final Map<String, Tally> byIndicator = new LinkedHashMap<>();

    /** @param whereSighted an identity or location id, or null */
    public SightingRecorder(String whereSighted) {
        this(whereSighted, null);
    }

    private SightingRecorder(String whereSighted, Instant huntedOn) {
        this.whereSighted = whereSighted;
        this.huntedOn = huntedOn;
    }

    /** A recorder whose sightings say they were found by a retro-hunt run at {@code huntedOn}. */
    public static SightingRecorder retroHunt(String whereSighted, Instant huntedOn) {
        return new SightingRecorder(whereSighted, huntedOn);
    }

    /** Adds what another recorder tallied (another file read on another thread), as if its matches had been recorded here after these. */
    public void absorb(SightingRecorder other) {
        other.byIndicator.forEach((id, theirs) -> {
            Tally tally = byIndicator.computeIfAbsent(id, key -> new Tally());
            tally.count += theirs.count;
            tally.first = tally.first == null || (theirs.first != null && theirs.first.isBefore(tally.first)) ? theirs.first : tally.first;
            tally.last = tally.last == null || (theirs.last != null && theirs.last.isAfter(tally.last)) ? theirs.last : tally.last;
            for (Event event : theirs.events) {
                if (tally.events.size() < MAX_OBSERVED_DATA) {
                    tally.events.add(event);
                }
            }
        });
    }

    public void record(StreamMatch match) {
        Tally tally = byIndicator.computeIfAbsent(match.indicator().id(), id -> new Tally());
        tally.count++;
        for (Event event : match.events()) {
            Instant time = event.time();
            tally.first = tally.first == null || time.isBefore(tally.first) ? time : tally.first;
            tally.last = tally.last == null || time.isAfter(tally.last) ? time : tally.last;
            if (tally.events.size() < MAX_OBSERVED_DATA) {
                tally.events.add(event);
            }
        }
    }

    public int sightings() {
        return byIndicator.size();
    }

    /** The sightings, each followed by its observed-data and their observables. */
    public List<ObjectNode> stixObjects() {
        String now = StixTimestamp.format(huntedOn == null ? Instant.now() : huntedOn);
        List<ObjectNode> objects = new ArrayList<>();
        Map<String, ObjectNode> observables = new LinkedHashMap<>();
        byIndicator.forEach((indicatorId, tally) -> {
            long count = Math.min(tally.count, 999_999_999L);
            String firstSeen = StixTimestamp.format(tally.first);
            String lastSeen = StixTimestamp.format(tally.last);
            String id = huntedOn == null ? StixId.random("sighting")
                    : StixId.deterministic("sighting", "retro-hunt|" + indicatorId + "|" + firstSeen + "|" + lastSeen + "|" + count);
            ObjectNode sighting = StixJson.newObject("sighting", id, now);
            sighting.put("sighting_of_ref", indicatorId);
            sighting.put("count", count);
            sighting.put("first_seen", firstSeen);
            sighting.put("last_seen", lastSeen);
            ArrayNode refs = sighting.putArray("observed_data_refs");
            if (whereSighted != null) {
                sighting.putArray("where_sighted_refs").add(whereSighted);
            }
            if (huntedOn != null) {
                ObjectNode found = SightlineExtensions.put(sighting, SightlineExtensions.SIGHTING);
                found.put("found", "retro-hunt");
                found.put("hunted_on", now);
            }
            objects.add(sighting);
            for (Event event : tally.events) {
                List<ObjectNode> data = ObservedDataFactory.objects(event, now);
                refs.add(data.get(0).get("id").asText());
                objects.add(data.get(0));
                data.subList(1, data.size()).forEach(sco -> observables.putIfAbsent(sco.get("id").asText(), sco));
            }
        });
        objects.addAll(observables.values());
        return objects;
    }

    private static final class Tally {
        long count;
        Instant first;
        Instant last;
        final List<Event> events = new ArrayList<>();
    }
}
