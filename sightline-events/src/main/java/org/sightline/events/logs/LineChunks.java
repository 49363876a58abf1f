package org.sightline.events.logs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a log into chunks of whole lines, read as bytes and never decoded here, each knowing the
 * number of its first line: the unit that is decoded and matched on a worker thread. Lines that
 * start with '#' (Zeek's headers) are not put in chunks when the format has headers: a chunk ends
 * before one, the reading thread hands it to {@link Headers#header}, and chunks after it are decoded
 * with what it said, so a log that changes its #fields half-way is read right on any thread.
 */
final class LineChunks {
    /** Big enough that a chunk's hand-over costs nothing beside its decoding; small enough to stay out of G1's humongous regions. */
    static final int CHUNK_BYTES = 256 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** What the format does with header lines and which decoder reads the lines after them. */
    interface Headers {
        /** Whether lines starting with '#' are headers (Zeek TSV) rather than records. */
        boolean hasHeaders();

        void header(String line);

        ChunkDecoder decoder();
    }

    /** Whole lines {@code bytes[0, length)}; the first is line {@code firstLine} of the file (counted from 1). */
    record Chunk(byte[] bytes, int length, long firstLine, ChunkDecoder decoder) {
    }

    private final InputStream in;
    private byte[] buffer = new byte[CHUNK_BYTES];
    private int filled;
    private boolean eof;
    private long nextLine = 1;
    private long headerLines;

    LineChunks(InputStream in) throws IOException {
        this.in = in;
        fill(0);
        if (filled >= 3 && Arrays.equals(buffer, 0, 3, UTF8_BOM, 0, 3)) {
            System.arraycopy(buffer, 3, buffer, 0, filled - 3);
            filled -= 3;
            fill(filled);
        }
    }

    /** The start of the first line, at most {@code limit} characters, for recognising the format; null for an empty log. */
    String firstLine(int limit) {
        int end = 0;
        while (end < filled && end < limit && buffer[end] != '\n') {
            end++;
        }
        if (end == 0 && filled == 0) {
            return null;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8).replace("\r", "");
    }

    /** The whole log as a stream again, for the formats that are not read line by line (STIX documents). */
    InputStream remaining() {
        return new SequenceInputStream(new ByteArrayInputStream(buffer, 0, filled), in);
    }

    /** How many header lines were read so far. */
    long headerLines() {
        return headerLines;
    }

    /** The next chunk, or null at the end of the log. */
    Chunk next(Headers headers) throws IOException {
        while (true) {
            if (filled == 0 && eof) {
                return null;
            }
            if (headers.hasHeaders() && buffer[0] == '#') {
                readHeaderLine(headers);
                continue;
            }
            int end = chunkEnd(headers.hasHeaders());
            if (end < 0) { // no line ends in the buffer: a line longer than it
                if (eof) {
                    end = filled;
                } else {
                    grow();
                    continue;
                }
            }
            byte[] bytes = Arrays.copyOf(buffer, end);
            long first = nextLine;
            nextLine += lines(bytes, end);
            consume(end);
            return new Chunk(bytes, end, first, headers.decoder());
        }
    }

    /** Where the chunk ends: after the last complete line, or before the first header line; -1 if no line ends. */
    private int chunkEnd(boolean hasHeaders) {
        int lastEnd = -1;
        if (hasHeaders) {
            for (int i = 0; i < filled; i++) {
                if (buffer[i] == '\n') {
                    lastEnd = i + 1;
                    if (lastEnd < filled && buffer[lastEnd] == '#') {
                        return lastEnd;
                    }
                }
            }
        } else {
            for (int i = filled - 1; i >= 0; i--) { // only the last, partial line is scanned
                if (buffer[i] == '\n') {
                    lastEnd = i + 1;
                    break;
                }
            }
        }
        return eof && filled > 0 && lastEnd != filled ? filled : lastEnd;
    }

    private void readHeaderLine(Headers headers) throws IOException {
        int end;
        while ((end = nextNewline(buffer, 0, filled)) == filled && !eof) {
            grow();
        }
        headers.header(new String(buffer, 0, end, StandardCharsets.UTF_8).replace("\r", ""));
        headerLines++;
        nextLine++;
        consume(Math.min(filled, end + 1));
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    /**
     * The lines in {@code bytes[0, length)} (a last line without its newline counts). Eight bytes at
     * a time: this runs on the reading thread over every byte of the log, so it must cost far less
     * than decoding, which the workers share.
     */
    static long lines(byte[] bytes, int length) {
        long count = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES; // a zero byte where a newline was
            // The exact zero-byte test (no false positives): high bit of each byte that was zero.
            long zeros = ~(((word & ~HIGHS) + ~HIGHS) | word | ~HIGHS);
            count += Long.bitCount(zeros);
        }
        for (; i < length; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return length > 0 && bytes[length - 1] != '\n' ? count + 1 : count;
    }

    /** The offset of the first newline in {@code bytes[from, length)}, or {@code length}; eight bytes at a time, like {@link #lines}. */
    static int nextNewline(byte[] bytes, int from, int length) {
        int i = from;
        for (; i + 8 <= length; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
            long zeros = ~(((word & ~HIGHS) + ~HIGHS) | word | ~HIGHS);
            if (zeros != 0) {
                return i + Long.numberOfTrailingZeros(zeros) / 8; // little-endian: the lowest byte is the first
            }
        }
        while (i < length && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Drops the first {@code n} bytes and refills the buffer. */
    private void consume(int n) throws IOException {
        System.arraycopy(buffer, n, buffer, 0, filled - n);
        filled -= n;
        fill(filled);
    }

    private void grow() throws IOException {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
        fill(filled);
    }

    private void fill(int from) throws IOException {
        filled = from;
        while (!eof && filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }
    }
}
