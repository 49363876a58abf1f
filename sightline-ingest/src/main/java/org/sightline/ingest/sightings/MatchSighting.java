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
 * One match as STIX, the way a stream reports it: a sighting of the indicator (count 1, first and
 * last seen at the matched events), their observed-data and observables. Everything is derived
 * from the match alone (ids from the indicator and where the events came from, timestamps from the
 * events), so a match reported twice, after a restart, is the same objects and stores once.
 */
public final class MatchSighting {
    private MatchSighting() {
    }

    /**
     * The bundles of the matches one event completed, one per match. An event that several
     * indicators match is turned into STIX once (its observables' ids are hashes of their JSON).
     */
    public static List<String> bundles(List<StreamMatch> matches, String whereSighted) {
        Map<Event, List<ObjectNode>> observed = new java.util.IdentityHashMap<>();
        List<String> bundles = new ArrayList<>(matches.size());
        for (StreamMatch match : matches) {
            bundles.add(bundle(objects(match, whereSighted, observed)));
        }
        return bundles;
    }

    /** The sighting, then its observed-data (made once per event, in {@code observed}) and their observables; {@code whereSighted} may be null. */
    private static List<ObjectNode> objects(StreamMatch match, String whereSighted, Map<Event, List<ObjectNode>> observed) {
        Instant first = null;
        Instant last = null;
        StringBuilder key = new StringBuilder(match.indicator().id());
        for (Event event : match.events()) {
            first = first == null || event.time().isBefore(first) ? event.time() : first;
            last = last == null || event.time().isAfter(last) ? event.time() : last;
            key.append('|').append(event.source()).append(':').append(event.line());
        }
        String stamp = StixTimestamp.format(last);
        ObjectNode sighting = StixJson.newObject("sighting", StixId.deterministic("sighting", key.toString()), stamp);
        sighting.put("sighting_of_ref", match.indicator().id());
        sighting.put("count", 1);
        sighting.put("first_seen", StixTimestamp.format(first));
        sighting.put("last_seen", stamp);
        ArrayNode refs = sighting.putArray("observed_data_refs");
        if (whereSighted != null) {
            sighting.putArray("where_sighted_refs").add(whereSighted);
        }
        List<ObjectNode> objects = new ArrayList<>(List.of(sighting));
        Map<String, ObjectNode> observables = new LinkedHashMap<>();
        for (Event event : match.events()) {
            List<ObjectNode> data = observed.computeIfAbsent(event, e -> ObservedDataFactory.objects(e, StixTimestamp.format(e.time())));
            refs.add(data.get(0).get("id").asText());
            objects.add(data.get(0));
            data.subList(1, data.size()).forEach(sco -> observables.putIfAbsent(sco.get("id").asText(), sco));
        }
        objects.addAll(observables.values());
        return objects;
    }

    /** The sighting first, then its observed-data and their observables, as one STIX bundle: one message of a sightings topic. */
    private static String bundle(List<ObjectNode> objects) {
        ObjectNode bundle = StixJson.newObject();
        bundle.put("type", "bundle");
        bundle.put("id", StixId.deterministic("bundle", objects.get(0).get("id").asText()));
        ArrayNode array = bundle.putArray("objects");
        objects.forEach(array::add);
        return StixJson.write(bundle);
    }
}
