package org.sightline.pattern.stream;

import java.util.List;

/** An indicator matched: which one, and the events that together satisfy its pattern. */
public record StreamMatch(Indicator indicator, List<Event> events) {
}
