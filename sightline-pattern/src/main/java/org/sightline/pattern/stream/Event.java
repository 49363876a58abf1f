package org.sightline.pattern.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * One log event as STIX cyber observables. {@code objects} are the observables keyed as a 2.0
 * observed-data would embed them (references between them use these keys); {@code fields} and
 * {@code values} are the same facts flattened to "type:path" = value pairs, which is what the
 * indexed matcher looks up (see FieldKey).
 */
public record Event(Instant time, String source, long line, Map<String, ObjectNode> objects,
                    String[] fields, String[] values) {
}
