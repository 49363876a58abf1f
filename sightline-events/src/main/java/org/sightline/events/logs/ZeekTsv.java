package org.sightline.events.logs;

import java.nio.charset.StandardCharsets;
import org.sightline.pattern.stream.Event;

/**
 * Zeek's tab-separated logs: the header lines (#separator, #fields, #path) say how to read the
 * records after them. Each set of headers gives one immutable decoder that splits a record on the
 * separator byte and decodes only the fields {@link ZeekRecords} reads.
 */
final class ZeekTsv implements LineChunks.Headers {
    private String separator = "\t";
    private String[] fields;
    private String path;
    private ChunkDecoder decoder;

    ZeekTsv(String defaultPath) {
        this.path = defaultPath;
        this.decoder = ChunkDecoder.byLine((bytes, from, to, source, line) -> {
            throw new IllegalArgumentException("a record before the #fields header");
        });
    }

    @Override
    public boolean hasHeaders() {
        return true;
    }

    @Override
    public void header(String text) {
        if (text.startsWith("#separator")) {
            separator = unescape(text.substring("#separator".length()).trim());
        } else if (text.startsWith("#fields")) {
            fields = text.substring("#fields".length()).trim().split(java.util.regex.Pattern.quote(separator), -1);
        } else if (text.startsWith("#path")) {
            path = text.substring("#path".length()).trim();
        } else {
            return;
        }
        if (fields != null) {
            decoder = ChunkDecoder.byLine(new Records(separator, fields, path));
        }
    }

    @Override
    public ChunkDecoder decoder() {
        return decoder;
    }

    private static String unescape(String separator) {
        return separator.startsWith("\\x") ? String.valueOf((char) Integer.parseInt(separator.substring(2), 16)) : separator;
    }

    /** Records under one set of headers. */
    private static final class Records implements LineDecoder {
        private final String separator;
        private final byte separatorByte;
        private final String[] fields;
        /** Per column: the record slot ZeekRecords reads it from, or -1; the others are counted, never decoded. */
        private final int[] slots;
        private final String path;

        Records(String separator, String[] fields, String path) {
            this.separator = separator;
            byte[] encoded = separator.getBytes(StandardCharsets.UTF_8);
            this.separatorByte = encoded.length == 1 ? encoded[0] : 0;
            this.fields = fields;
            this.path = path;
            this.slots = new int[fields.length];
            for (int i = 0; i < fields.length; i++) {
                slots[i] = LogRecord.slotOf(fields[i]);
            }
        }

        @Override
        public Event decode(byte[] bytes, int from, int to, String source, long line) {
            LogRecord record = new LogRecord();
            int found = separatorByte == 0 ? splitText(bytes, from, to, record) : splitBytes(bytes, from, to, record);
            if (found != fields.length) {
                throw new IllegalArgumentException("expected " + fields.length + " fields, found " + found);
            }
            return ZeekRecords.toEvent(path, record, source, line);
        }

        private int splitBytes(byte[] bytes, int from, int to, LogRecord record) {
            int column = 0;
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || bytes[i] == separatorByte) {
                    if (column < fields.length && slots[column] >= 0) {
                        record.set(slots[column], new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    }
                    column++;
                    start = i + 1;
                }
            }
            return column;
        }

        /** A separator of more than one byte: rare enough to decode the line as text. */
        private int splitText(byte[] bytes, int from, int to, LogRecord record) {
            String[] values = new String(bytes, from, to - from, StandardCharsets.UTF_8).split(java.util.regex.Pattern.quote(separator), -1);
            for (int i = 0; i < values.length && i < fields.length; i++) {
                if (slots[i] >= 0) {
                    record.set(slots[i], values[i]);
                }
            }
            return values.length;
        }
    }
}
