package org.sightline.intel.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.stix.StixId;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;
import org.sightline.store.intake.Intake;

/**
 * A sighting an analyst finds was no intrusion is marked with a STIX opinion, "strongly-disagree",
 * about it (STIX 2.1 §4.11: an opinion assesses the correctness of another object, whoever wrote it),
 * labelled "false-positive", with the reason as its explanation. So the sighting itself stays as its
 * sensor reported it, any STIX consumer reads the verdict, and a date cuts it like every other fact:
 * before the opinion was written, the sighting counts as confirming its indicator.
 */
public final class FalsePositives {
    public static final String LABEL = "false-positive";

    /** One marking: the opinion's id, the sighting and indicator it is about, when and why. */
    public record Marking(String opinionId, String sightingId, String indicatorId, String markedOn, String reason, boolean already) {
    }

    private FalsePositives() {
    }

    /** Marks the sighting a false positive; marking one already marked returns the first marking. */
    public static Marking mark(StixStore store, String sightingId, String reason, Instant on) {
        if (sightingId == null || !sightingId.startsWith("sighting--")) {
            throw new InvalidInputException("a false positive is a sighting: give its id (sighting--…), not '" + sightingId + "'");
        }
        StixObject sighting = store.current(sightingId).orElseThrow(() -> new NotFoundException("no sighting " + sightingId + " in the store"));
        Optional<StixObject> earlier = of(store).getOrDefault(sightingId, List.of()).stream().findFirst();
        if (earlier.isPresent()) {
            return marking(earlier.get(), sighting, true);
        }
        String when = StixTimestamp.format(on);
        ObjectNode opinion = StixJson.newObject("opinion", StixId.random("opinion"), when);
        opinion.put("opinion", "strongly-disagree");
        opinion.put("explanation", "False positive" + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
        opinion.putArray("object_refs").add(sightingId);
        opinion.putArray("labels").add(LABEL);
        Intake.of(store).writeAll(List.of(opinion), "the false-positive opinion", null);
        return marking(new StixObject(opinion), sighting, false);
    }

    /** The false-positive opinions in the store by the sighting they are about. */
    public static Map<String, List<StixObject>> of(StixStore store) {
        Map<String, List<StixObject>> bySighting = new HashMap<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("opinion"), Set.of(), false), opinion -> {
            if (isFalsePositive(opinion)) {
                for (String ref : opinion.strings("object_refs")) {
                    if (ref.startsWith("sighting--")) {
                        bySighting.computeIfAbsent(ref, key -> new java.util.ArrayList<>()).add(opinion);
                    }
                }
            }
        });
        return bySighting;
    }

    /** An opinion that disagrees with a sighting (strongly, or labelled false-positive) says it was no intrusion. */
    static boolean isFalsePositive(StixObject opinion) {
        String verdict = opinion.text("opinion");
        return "strongly-disagree".equals(verdict) || ("disagree".equals(verdict) && opinion.strings("labels").contains(LABEL));
    }

    private static Marking marking(StixObject opinion, StixObject sighting, boolean already) {
        String explanation = opinion.text("explanation");
        return new Marking(opinion.id(), sighting.id(), sighting.text("sighting_of_ref"), opinion.text("created"),
                explanation, already);
    }
}
