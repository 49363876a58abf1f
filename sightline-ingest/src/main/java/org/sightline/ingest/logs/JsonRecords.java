package org.sightline.ingest.logs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;
import org.sightline.pattern.stream.Event;
import org.sightline.stix.json.StixJson;

/**
 * JSON records, one object per line (Zeek JSON, Suricata EVE), read with one streaming parser per
 * chunk rather than one per line: creating a parser cost as much as reading a record. A line must
 * hold exactly one object; when one does not (bad JSON, a value over two lines, something after the
 * object), that line is reported and a new parser starts at the next line, so one bad line costs
 * only itself, as it did when each line had its own parser.
 */
final class JsonRecords implements ChunkDecoder {
    /** A record's fields, as FlatJson read them, as an event (null when it states nothing). */
    @FunctionalInterface
    interface RecordMapper {
        Event map(Map<String, Object> record, String source, long line);
    }

    private final FlatJson fields;
    private final RecordMapper mapper;

    JsonRecords(FlatJson fields, RecordMapper mapper) {
        this.fields = fields;
        this.mapper = mapper;
    }

    @Override
    public void decode(LineChunks.Chunk chunk, String source, Lines out) {
        Cursor cursor = new Cursor(chunk);
        int from = 0;
        while (from < chunk.length()) {
            from = decodeFrom(chunk, from, cursor, source, out);
        }
    }

    /** Reads records from {@code from} (a line start) until the chunk ends or a line fails; returns where to go on. */
    private int decodeFrom(LineChunks.Chunk chunk, int from, Cursor cursor, String source, Lines out) {
        byte[] bytes = chunk.bytes();
        long line = -1;
        try (JsonParser parser = StixJson.factory().createParser(bytes, from, chunk.length() - from)) {
            JsonToken token;
            while (true) {
                line = -1;
                token = parser.nextToken();
                if (token == null) {
                    return chunk.length();
                }
                int start = from + (int) parser.currentTokenLocation().getByteOffset();
                line = cursor.lineAt(start);
                if (token != JsonToken.START_OBJECT) {
                    out.malformed(line, "not a JSON object");
                    return cursor.restartAfter(start, line);
                }
                Map<String, Object> record = fields.read(parser);
                int end = from + (int) parser.currentLocation().getByteOffset();
                int lineEnd = endOfLine(bytes, start, chunk.length());
                if (end > lineEnd || !isBlank(bytes, end, lineEnd)) {
                    out.malformed(line, end > lineEnd ? "a record that does not end on its line" : "more than one JSON value on the line");
                    return cursor.restartAfter(start, line);
                }
                emit(record, source, line, out);
            }
        } catch (JsonProcessingException e) {
            // A record that fails is its line's fault (its end may run into the next line); else where the parser stopped.
            int at = Math.min(chunk.length() - 1, from + (int) Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getByteOffset()));
            long failed = line >= 0 ? line : cursor.lineAt(at);
            out.malformed(failed, "not valid JSON: " + e.getOriginalMessage());
            return cursor.restartAfter(line >= 0 ? cursor.offsetOfLine() : at, failed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // reading a byte array does no I/O
        }
    }

    private void emit(Map<String, Object> record, String source, long line, Lines out) {
        Event event;
        try {
            event = mapper.map(record, source, line);
        } catch (RuntimeException e) {
            out.malformed(line, e.getMessage());
            return;
        }
        if (event == null) {
            out.skipped();
        } else {
            out.event(event);
        }
    }

    /** The offset of the newline that ends the line holding {@code from}, or the chunk's length. */
    private static int endOfLine(byte[] bytes, int from, int length) {
        int i = from;
        while (i < length && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        return ChunkDecoder.isBlank(bytes, from, to);
    }

    /** Line numbers of offsets in a chunk, found by one forward scan (restarting moves it to the next line). */
    private static final class Cursor {
        private final byte[] bytes;
        private final int length;
        private int scanned;
        private long line;
        /** Where the line last returned by lineAt starts. */
        private int lineStart;

        Cursor(LineChunks.Chunk chunk) {
            this.bytes = chunk.bytes();
            this.length = chunk.length();
            this.line = chunk.firstLine();
        }

        /** The line of the byte at {@code offset}, which is never before the last offset asked for. */
        long lineAt(int offset) {
            while (scanned < offset && scanned < length) {
                if (bytes[scanned++] == '\n') {
                    line++;
                    lineStart = scanned;
                }
            }
            return line;
        }

        /** Where the line last returned starts. */
        int offsetOfLine() {
            return lineStart;
        }

        /** Skips the rest of line {@code number}, which holds {@code offset}: returns where the next line starts. */
        int restartAfter(int offset, long number) {
            int next = Math.min(length, endOfLine(bytes, offset, length) + 1);
            scanned = next;
            lineStart = next;
            line = number + 1;
            return next;
        }
    }
}
