package org.sightline.events.logs;

import org.sightline.pattern.stream.Event;

/**
 * Decodes one chunk of a log's lines, telling {@link Lines} about each line in order: its event,
 * that it states nothing, or what is wrong with it. Holds no state that changes while decoding,
 * so one decoder serves every thread.
 */
@FunctionalInterface
interface ChunkDecoder {
    void decode(LineChunks.Chunk chunk, String source, Lines out);

    /** Where a chunk's lines go. */
    interface Lines {
        void event(Event event);

        /** A line that states no observable (an EVE stats record, a DNS record of a local name). */
        void skipped();

        void malformed(long line, String why);
    }

    /** A decoder that reads each line on its own, for formats whose lines need nothing from each other. */
    static ChunkDecoder byLine(LineDecoder decoder) {
        return (chunk, source, out) -> {
            byte[] bytes = chunk.bytes();
            int length = chunk.length();
            long line = chunk.firstLine();
            for (int start = 0; start < length; line++) {
                int newline = LineChunks.nextNewline(bytes, start, length);
                int end = newline > start && bytes[newline - 1] == '\r' ? newline - 1 : newline;
                if (!isBlank(bytes, start, end)) {
                    decodeLine(decoder, bytes, start, end, source, line, out);
                }
                start = newline + 1;
            }
        };
    }

    private static void decodeLine(LineDecoder decoder, byte[] bytes, int from, int to, String source, long line, Lines out) {
        Event event;
        try {
            event = decoder.decode(bytes, from, to, source, line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            out.malformed(line, "not valid JSON: " + e.getOriginalMessage());
            return;
        } catch (Exception e) {
            out.malformed(line, e.getMessage());
            return;
        }
        if (event == null) {
            out.skipped();
        } else {
            out.event(event);
        }
    }

    static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
