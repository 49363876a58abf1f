package org.sightline.ingest.sightings;

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
import org.sightline.stix.json.StixJson;

/**
 * Aggregates matches into one STIX 2.1 sighting per indicator: how many times, first and last
 * seen, the observed-data of the first matching events (up to {@link #MAX_OBSERVED_DATA}), and
 * optionally where it was sighted.
 */
public final class SightingRecorder {
    static final int MAX_OBSERVED_DATA = 10;

    private final String whereSighted;
    private final Map<String, Tally> byIndicator = new LinkedHashMap<>();

    /** @param whereSighted an identity or location id, or null */
    public SightingRecorder(String whereSighted) {
        this.whereSighted = whereSighted;
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
        String now = StixTimestamp.format(Instant.now());
        List<ObjectNode> objects = new ArrayList<>();
        Map<String, ObjectNode> observables = new LinkedHashMap<>();
        byIndicator.forEach((indicatorId, tally) -> {
            ObjectNode sighting = StixJson.newObject("sighting", StixId.random("sighting"), now);
            sighting.put("sighting_of_ref", indicatorId);
            sighting.put("count", Math.min(tally.count, 999_999_999L));
            sighting.put("first_seen", StixTimestamp.format(tally.first));
            sighting.put("last_seen", StixTimestamp.format(tally.last));
            ArrayNode refs = sighting.putArray("observed_data_refs");
            if (whereSighted != null) {
                sighting.putArray("where_sighted_refs").add(whereSighted);
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
