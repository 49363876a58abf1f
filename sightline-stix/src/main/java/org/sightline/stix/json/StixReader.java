package org.sightline.stix.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.sightline.error.InvalidInputException;

/**
 * Streams the STIX objects out of a document: a bundle, a single object, or a JSON array of
 * objects, optionally gzip-compressed. Objects are handed over one at a time, so a bundle of any
 * size is read in bounded memory.
 */
public final class StixReader {

    /** Receives each object with its position in the document (0-based) and the line it starts on. */
    @FunctionalInterface
    public interface ObjectSink {
        void accept(ObjectNode object, long index, long line);
    }

    /** What the document turned out to be. */
    public enum DocumentKind { BUNDLE, SINGLE_OBJECT, ARRAY }

    private StixReader() {
    }

    public static DocumentKind read(Path file, ObjectSink sink) {
        try (InputStream in = open(file)) {
            return read(in, file.toString(), sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens a file, transparently un-gzipping it when it starts with the gzip magic bytes. */
    public static InputStream open(Path file) throws IOException {
        return gunzipIfCompressed(Files.newInputStream(file));
    }

    /** Wraps the stream in a gzip decoder when it starts with the gzip magic bytes. */
    public static InputStream gunzipIfCompressed(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            CountingInputStream compressed = new CountingInputStream(in);
            return new BufferedInputStream(new InflationLimit(new GZIPInputStream(compressed, 1 << 16), compressed), 1 << 16);
        }
        return in;
    }

    /** Past this many inflated bytes, a gzip stream may grow at most {@link #MAX_INFLATION} times its compressed size. */
    static final long FREE_INFLATED_BYTES = 64L * 1024 * 1024;
    /** JSON compresses 5 to 20 times; a thousandfold "compression" is a bomb. */
    static final long MAX_INFLATION = 100;

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }

    /** Stops a decompression bomb: inflated bytes are checked against the compressed bytes read for them. */
    private static final class InflationLimit extends java.io.FilterInputStream {
        private final CountingInputStream compressed;
        private long inflated;

        InflationLimit(InputStream inflating, CountingInputStream compressed) {
            super(inflating);
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            inflated += Math.max(n, 0);
            if (inflated > FREE_INFLATED_BYTES && inflated > MAX_INFLATION * compressed.count) {
                throw new InflationLimitException("the gzip data inflates to more than " + MAX_INFLATION
                        + " times its compressed size (" + inflated + " bytes from " + compressed.count
                        + "), past the first " + FREE_INFLATED_BYTES / (1024 * 1024) + " MiB: refused as a decompression bomb");
            }
            return n;
        }
    }

    /** Thrown through the reader as an IOException, reported as a limit. */
    static final class InflationLimitException extends IOException {
        InflationLimitException(String message) {
            super(message);
        }
    }

    public static DocumentKind read(InputStream in, String where, ObjectSink sink) {
        try {
            return read(StixJson.factory().createParser(in), where, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    /** The same from characters (a log reader's decoded text), streaming alike. */
    public static DocumentKind read(java.io.Reader in, String where, ObjectSink sink) {
        try {
            return read(StixJson.factory().createParser(in), where, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Streams the objects of a bundle (whatever the order of its keys) or of an array one at a time,
     * so a document of any size is read in the memory of its largest object.
     */
    private static DocumentKind read(JsonParser opened, String where, ObjectSink sink) {
        try (JsonParser parser = opened) {
            parser.setCodec(StixJson.mapper());
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                streamArray(parser, where, sink);
                return DocumentKind.ARRAY;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidInputException(where + ": expected a STIX bundle, object or array of objects, found "
                        + (first == null ? "an empty document" : first.asString()));
            }
            return readTopObject(parser, where, sink);
        } catch (JsonParseException e) {
            throw new InvalidInputException(where + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new org.sightline.error.LimitExceededException(where + ": " + e.getOriginalMessage()
                    + " (a STIX document nests at most " + StixJson.MAX_NESTING_DEPTH + " levels)");
        } catch (InflationLimitException e) {
            throw new org.sightline.error.LimitExceededException(where + ": " + e.getMessage());
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new InvalidInputException(where + ": not a complete gzip file (" + e.getMessage() + ")");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(where + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    private static DocumentKind readTopObject(JsonParser parser, String where, ObjectSink sink) throws IOException {
        ObjectNode top = StixJson.newObject();
        boolean streamedObjects = false;
        long topLine = parser.currentLocation().getLineNr();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("objects".equals(field) && value == JsonToken.START_ARRAY) {
                // A top-level 'objects' array only occurs in bundles (observed-data 2.0 uses a dictionary).
                streamArray(parser, where, sink);
                streamedObjects = true;
            } else {
                JsonNode node = parser.readValueAsTree();
                top.set(field, node);
            }
        }
        if (streamedObjects) {
            String type = top.path("type").asText("");
            if (!"bundle".equals(type)) {
                throw new InvalidInputException(where + ": a top-level 'objects' array belongs to a bundle, but 'type' is '"
                        + type + "'");
            }
            return DocumentKind.BUNDLE;
        }
        if ("bundle".equals(top.path("type").asText())) {
            return DocumentKind.BUNDLE; // an empty bundle
        }
        sink.accept(top, 0, topLine);
        return DocumentKind.SINGLE_OBJECT;
    }

    private static void streamArray(JsonParser parser, String where, ObjectSink sink) throws IOException {
        long index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new InvalidInputException(where + ": the document ends inside the list of objects");
            }
            long line = parser.currentLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidInputException(where + ": item " + index + " (line " + line + ") is not a JSON object");
            }
            ObjectNode object = parser.readValueAsTree();
            sink.accept(object, index++, line);
        }
    }
}
