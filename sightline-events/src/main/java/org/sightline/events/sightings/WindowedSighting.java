package org.sightline.events.sightings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
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
 * One sighting per indicator per window of event time (per sensor, when the events say which),
 * the way a stream aggregates as `sightline match` does over a file: count, first and last seen,
 * and the observed-data of its first {@link #MAX_OBSERVED_DATA} events. It is built from partial
 * tallies (deltas) that each partition's matcher sends now and then, merged in any grouping: the
 * merge adds counts and widens the time range, so what is merged once is right however the deltas
 * were batched.
 *
 * <p>Every merge gives the next STIX version of the same sighting: its id comes from the indicator,
 * window and sensor, its {@code modified} moves forward by at least a millisecond, and both follow
 * from the deltas alone, so a delta replayed after a failure gives byte for byte the same version,
 * which a store keeps once.
 */
public final class WindowedSighting {
    public static final int MAX_OBSERVED_DATA = SightingRecorder.MAX_OBSERVED_DATA;
    private static final int MAX_COUNT = 999_999_999; // STIX 2.1 §5.7: count is at most 999,999,999

    private WindowedSighting() {
    }

    /** The key of the window a match falls in: indicator, window start and sensor, which the sighting's id is made from. */
    public static String key(StreamMatch match, Duration window) {
        Event last = match.events().get(match.events().size() - 1);
        long size = window.toMillis();
        long start = Math.floorDiv(last.time().toEpochMilli(), size) * size;
        return match.indicator().id() + "|" + start + "|" + (last.sensor() == null ? "" : last.sensor());
    }

    /** The indicator id of a key. */
    public static String indicatorOf(String key) {
        return key.substring(0, key.indexOf('|'));
    }

    /** One matched event as STIX: its observed-data first, then its observables, each id derived from the event. */
    public static List<ObjectNode> observed(Event event) {
        return ObservedDataFactory.objects(event, StixTimestamp.format(event.time()));
    }

    /** A partial tally as JSON: what a partition's matcher saw of one window since it last sent one. */
    public static String delta(String key, long count, Instant first, Instant last, List<String> observed) {
        ObjectNode delta = StixJson.newObject();
        delta.put("key", key);
        delta.put("count", count);
        delta.put("first_seen", StixTimestamp.format(first));
        delta.put("last_seen", StixTimestamp.format(last));
        ArrayNode events = delta.putArray("observed");
        observed.forEach(objects -> events.add(StixJson.parseObject(objects, "observed event")));
        return StixJson.write(delta);
    }

    /** One matched event's objects as the JSON a delta carries. */
    public static String observedJson(Event event) {
        ObjectNode holder = StixJson.newObject();
        ArrayNode objects = holder.putArray("objects");
        observed(event).forEach(objects::add);
        return StixJson.write(holder);
    }

    /**
     * The window's sighting after a delta: {@code aggregate} is the previous one (null for the
     * first delta), as this method returned it; {@code now} (wall-clock epoch milliseconds) is kept
     * as when it was last merged into, which the sighting sent never shows.
     */
    public static String merge(String aggregate, String deltaJson, long now) {
        ObjectNode delta = StixJson.parseObject(deltaJson, "sighting delta");
        ObjectNode sighting;
        String first = delta.path("first_seen").asText();
        String last = delta.path("last_seen").asText();
        if (aggregate == null) {
            String key = delta.path("key").asText();
            sighting = StixJson.newObject("sighting", StixId.deterministic("sighting", key), first);
            sighting.put("sighting_of_ref", indicatorOf(key));
            sighting.put("count", 0);
            sighting.put("first_seen", first);
            sighting.put("last_seen", last);
            sighting.putArray("observed_data_refs");
            String sensor = key.substring(key.lastIndexOf('|') + 1);
            if (!sensor.isEmpty()) {
                sighting.put("x_sightline_sensor", sensor);
            }
            sighting.putArray("x_sightline_observed"); // the observed-data and observables, sent with each version
        } else {
            sighting = StixJson.parseObject(aggregate, "window sighting");
            Instant modified = StixTimestamp.parse(sighting.path("modified").asText()).plusMillis(1);
            Instant lastSeen = StixTimestamp.parse(last);
            sighting.put("modified", StixTimestamp.format(lastSeen.isAfter(modified) ? lastSeen : modified));
        }
        sighting.put("count", Math.min(MAX_COUNT, sighting.path("count").asLong() + delta.path("count").asLong()));
        if (first.compareTo(sighting.path("first_seen").asText()) < 0) {
            sighting.put("first_seen", first);
        }
        if (last.compareTo(sighting.path("last_seen").asText()) > 0) {
            sighting.put("last_seen", last);
        }
        if (aggregate == null && StixTimestamp.parse(last).isAfter(StixTimestamp.parse(first))) {
            sighting.put("modified", last);
        }
        ArrayNode refs = (ArrayNode) sighting.get("observed_data_refs");
        ArrayNode kept = (ArrayNode) sighting.get("x_sightline_observed");
        for (JsonNode event : delta.path("observed")) {
            if (refs.size() >= MAX_OBSERVED_DATA) {
                break;
            }
            JsonNode objects = event.path("objects");
            refs.add(objects.get(0).path("id").asText());
            objects.forEach(kept::add);
        }
        sighting.put("x_sightline_touched", now);
        return StixJson.write(sighting);
    }

    /** When the aggregate was last merged into (wall-clock epoch milliseconds). */
    public static long touchedAt(String aggregate) {
        return StixJson.parseObject(aggregate, "window sighting").path("x_sightline_touched").asLong(0);
    }

    /** The STIX bundle of a window's sighting: the sighting, its observed-data and their observables (each once). */
    public static String bundle(String aggregate, String whereSighted) {
        ObjectNode sighting = StixJson.parseObject(aggregate, "window sighting");
        JsonNode kept = sighting.remove("x_sightline_observed");
        sighting.remove("x_sightline_touched");
        if (whereSighted != null) {
            sighting.putArray("where_sighted_refs").add(whereSighted);
        }
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        objects.put(sighting.get("id").asText(), sighting);
        if (kept != null) {
            kept.forEach(object -> objects.putIfAbsent(object.path("id").asText(), object));
        }
        ObjectNode bundle = StixJson.newObject();
        bundle.put("type", "bundle");
        bundle.put("id", StixId.deterministic("bundle", sighting.get("id").asText() + "@" + sighting.get("modified").asText()));
        ArrayNode array = bundle.putArray("objects");
        new ArrayList<>(objects.values()).forEach(array::add);
        return StixJson.write(bundle);
    }
}
