package org.sightline.events.logs;

import org.sightline.pattern.stream.Event;

/** Receives the events read from a log, in order. */
@FunctionalInterface
public interface EventSink {
    void accept(Event event);
}
