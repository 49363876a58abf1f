package org.sightline.events.logs;

import org.sightline.pattern.stream.Event;

/**
 * Turns one line of a log, as bytes, into an event. Decoders hold no state that changes while
 * they decode, so one decoder serves every thread.
 */
@FunctionalInterface
interface LineDecoder {
    /**
     * The event {@code bytes[from, to)} states, or null for a line that states no observable (an EVE
     * stats record); throws for a malformed line, with a message that says what is wrong with it.
     */
    Event decode(byte[] bytes, int from, int to, String source, long line) throws Exception;
}
