package org.sightline.pattern.match;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * One observation: an observed-data object (repeated number_observed times by the caller), its
 * time interval, and the cyber observables it refers to, keyed by the id that references use
 * (the STIX id in 2.1, the local key of the embedded "objects" dictionary in 2.0).
 */
public record Observation(String observedDataId, Instant firstObserved, Instant lastObserved,
                          Map<String, ObjectNode> objects) {
}
