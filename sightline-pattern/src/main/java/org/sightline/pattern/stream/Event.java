package org.sightline.pattern.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One log event as STIX cyber observables. {@code fields} and {@code values} are its facts
 * flattened to "type:path" = value pairs, which is all the indexed matcher looks up (see
 * FieldKey), and {@code types} the observables' types. {@code objects} are the observables keyed
 * as a 2.0 observed-data would embed them (references between them use these keys); they are built
 * only when asked for, by the exact evaluator or for a sighting's observed-data, because most
 * events of a log match nothing and building JSON objects for them was most of the cost of reading.
 * They keep the order the log stated them in, so an observed-data lists its objects the same way every run.
 */
public final class Event {
    private final Instant time;
    private final String source;
    private final long line;
    private final String[] fields;
    private final String[] values;
    private final String[] types;
    private final String sensor;
    private Supplier<Map<String, ObjectNode>> build;
    private Map<String, ObjectNode> objects;

    /** An event whose observables are built on first use by {@code objects}; types are those observables' types. */
    public Event(Instant time, String source, long line, String[] types, Supplier<Map<String, ObjectNode>> objects,
                 String[] fields, String[] values, String sensor) {
        this.sensor = sensor;
        this.time = time;
        this.source = source;
        this.line = line;
        this.types = types;
        this.build = objects;
        this.fields = fields;
        this.values = values;
    }

    public Instant time() {
        return time;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    /** The sensor that saw the event, when the log says (Suricata's "host"), else null. */
    public String sensor() {
        return sensor;
    }

    /** The flat field names, in the order the facts were stated; {@code values()} holds their values at the same index. */
    public String[] fields() {
        return fields;
    }

    public String[] values() {
        return values;
    }

    /** The observables' STIX types, one per observable (repeats included), without building them. */
    public String[] types() {
        return types;
    }

    /**
     * The observables, built once. Synchronised because an event read on one thread may be matched
     * on another; nearly every call after the first returns the built map.
     */
    public synchronized Map<String, ObjectNode> objects() {
        if (objects == null) {
            objects = java.util.Collections.unmodifiableMap(build.get());
            build = null;
        }
        return objects;
    }

    @Override
    public String toString() {
        return "Event[" + source + ":" + line + " at " + time + "]";
    }
}
