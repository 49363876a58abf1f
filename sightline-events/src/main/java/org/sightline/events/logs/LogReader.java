package org.sightline.events.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sightline.error.InvalidInputException;
import org.sightline.pattern.stream.Event;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.json.StixReader;

/**
 * Reads events from logs: Zeek TSV and JSON, Suricata EVE JSON, JSON lines through a mapping, and
 * STIX observed-data. The format is recognised from the first line unless given. A line that
 * cannot be read is counted and reported with its file and line number; the run goes on.
 */
public final class LogReader {
    private static final int MAX_LISTED = 50;
    private final JsonLinesMapping mapping;

    public LogReader(JsonLinesMapping mapping) {
        this.mapping = mapping;
    }

    /** The file name that stands for standard input (plain or gzip), as in other Unix tools. */
    public static final String STANDARD_INPUT = "-";

    public static boolean isStandardInput(Path file) {
        return file.toString().equals(STANDARD_INPUT);
    }

    private static java.io.InputStream open(Path file) throws IOException {
        if (isStandardInput(file)) {
            // not closed with the reader: standard input belongs to the process
            return StixReader.gunzipIfCompressed(new java.io.FilterInputStream(System.in) {
                @Override
                public void close() {
                }
            });
        }
        return StixReader.open(file);
    }

    public ReadReport read(Path file, LogFormat format, EventSink sink) {
        return read(file, format, 1, () -> event -> event, (event, same) -> sink.accept(event));
    }

    /**
     * Reads a log on {@code threads} threads. Line-oriented logs (Zeek, EVE, JSON lines) are cut into
     * chunks of lines, each decoded on a worker, where the worker's own function from
     * {@code perThread} turns each event into a result (null: nothing more to do with it); the
     * results are then handed to {@code inOrder} on the calling thread, in the log's order, so what
     * the caller builds from them is the same whatever the number of threads. A STIX document is
     * read on the calling thread (its objects refer to each other across the document).
     */
    public <T> ReadReport read(Path file, LogFormat format, int threads, Supplier<Function<Event, T>> perThread,
                               BiConsumer<Event, T> inOrder) {
        Counter counter = new Counter(isStandardInput(file) ? "stdin" : file.toString());
        try (InputStream in = open(file)) {
            LineChunks chunks = new LineChunks(in);
            String first = chunks.firstLine(DETECTION_CHARS);
            LogFormat actual = format == LogFormat.AUTO ? detect(first, file) : format;
            if (actual == LogFormat.STIX) {
                Function<Event, T> work = perThread.get();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(chunks.remaining(), StandardCharsets.UTF_8), 1 << 16)) {
                    StixEvents.read(reader, counter.source, event -> deliver(event, work.apply(event), inOrder), counter);
                }
            } else {
                LineChunks.Headers headers = headers(actual, first, file, counter.source);
                ChunkedRead.run(chunks, headers, counter, threads, perThread, inOrder);
                counter.skipped += chunks.headerLines();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new ReadReport(counter.events, counter.skipped, counter.malformed, counter.problems);
    }

    private static <T> void deliver(Event event, T result, BiConsumer<Event, T> inOrder) {
        if (result != null) {
            inOrder.accept(event, result);
        }
    }

    /** How each line of a line-oriented format becomes an event. */
    private LineChunks.Headers headers(LogFormat format, String first, Path file, String source) {
        return switch (format) {
            case ZEEK -> first != null && first.trim().startsWith("{")
                    ? fixed(zeekJson(pathFromName(source)))
                    : new ZeekTsv(pathFromName(source));
            case EVE -> fixed(ChunkDecoder.byLine((bytes, from, to, where, line) -> EveRecords.toEvent(FlatJson.LOG_FIELDS.read(bytes, from, to), where, line)));
            case JSONL -> {
                if (mapping == null) {
                    throw new InvalidInputException(file + ": JSON lines need a mapping file (--mapping) that says which fields hold which observables");
                }
                yield fixed(ChunkDecoder.byLine((bytes, from, to, where, line) -> {
                    JsonNode json = StixJson.mapper().readTree(bytes, from, to - from);
                    if (json == null || !json.isObject()) {
                        throw new FlatJson.NotAnObjectException("not a JSON object");
                    }
                    return mapping.toEvent(json, where, line);
                }));
            }
            default -> throw new IllegalStateException("not a line-oriented format: " + format);
        };
    }


    /** Zeek JSON: a record's log ({@code _path}) names what it holds, else the file's name does. */
    private static ChunkDecoder zeekJson(String defaultPath) {
        return ChunkDecoder.byLine((bytes, from, to, source, line) -> {
            LogRecord record = FlatJson.LOG_FIELDS.read(bytes, from, to);
            return ZeekRecords.toEvent(record.has(LogRecord.PATH) ? record.first(LogRecord.PATH) : defaultPath, record, source, line);
        });
    }

    /** A format without headers: every line is read by the same decoder. */
    private static LineChunks.Headers fixed(ChunkDecoder decoder) {
        return new LineChunks.Headers() {
            @Override
            public boolean hasHeaders() {
                return false;
            }

            @Override
            public void header(String line) {
                throw new IllegalStateException("no headers in this format");
            }

            @Override
            public ChunkDecoder decoder() {
                return decoder;
            }
        };
    }

    /**
     * One record of a stream (a Kafka message's value) as an event: a Zeek JSON record, a Suricata
     * EVE record, a JSON line through the mapping, or a STIX observed-data with its objects (or a
     * bundle holding one); with AUTO, whichever of the first, second and last the record is. Null when the record carries nothing to match (an EVE stats line).
     * Anything unreadable is an InvalidInputException naming the source and line.
     */
    public Event parseRecord(String text, LogFormat format, String source, long line) {
        return parseRecord(text.getBytes(StandardCharsets.UTF_8), format, source, line);
    }

    /** The same from the record's bytes (UTF-8), as Kafka delivers them: Zeek and EVE records are read without decoding them first. */
    public Event parseRecord(byte[] bytes, LogFormat format, String source, long line) {
        if (format == LogFormat.JSONL || format == LogFormat.STIX) {
            return parseTree(new String(bytes, StandardCharsets.UTF_8), format, source, line);
        }
        LogRecord record;
        try {
            record = FlatJson.LOG_FIELDS.read(bytes, 0, bytes.length);
        } catch (FlatJson.NotAnObjectException e) {
            throw new InvalidInputException(source + ":" + line + ": " + e.getMessage());
        }
        LogFormat actual = format == LogFormat.AUTO ? recordFormat(record, source, line) : format;
        if (actual == LogFormat.STIX) {
            return parseTree(new String(bytes, StandardCharsets.UTF_8), actual, source, line);
        }
        try {
            return actual == LogFormat.EVE ? EveRecords.toEvent(record, source, line)
                    : ZeekRecords.toEvent(record.has(LogRecord.PATH) ? record.first(LogRecord.PATH) : "conn", record, source, line);
        } catch (RuntimeException e) {
            throw new InvalidInputException(source + ":" + line + ": " + e.getMessage());
        }
    }

    /** The formats read as whole JSON trees: JSON lines through a mapping, and STIX observed-data. */
    private Event parseTree(String text, LogFormat format, String source, long line) {
        JsonNode json;
        try {
            json = StixJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(source + ":" + line + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException(source + ":" + line + ": not a JSON object");
        }
        try {
            if (format == LogFormat.JSONL) {
                if (mapping == null) {
                    throw new InvalidInputException("JSON lines need a mapping file that says which fields hold which observables");
                }
                return mapping.toEvent(json, source, line);
            }
            var observations = org.sightline.pattern.match.ObservationSet.of(List.of(json)).observations();
            return observations.isEmpty() ? null : org.sightline.pattern.stream.EventBuilder.fromObjects(
                    observations.get(0).firstObserved(), source, line, observations.get(0).objects());
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException(source + ":" + line + ": " + e.getMessage());
        }
    }

    /** A stream record's own format, for a topic that mixes sensors: EVE has event_type, Zeek _path or ts with uid, STIX type. */
    private static LogFormat recordFormat(LogRecord record, String source, long line) {
        if (record.has(LogRecord.EVENT_TYPE)) {
            return LogFormat.EVE;
        }
        if (record.has(LogRecord.PATH) || record.has(LogRecord.TS) && record.has(LogRecord.UID)) {
            return LogFormat.ZEEK;
        }
        if (record.has(LogRecord.TYPE)) {
            return LogFormat.STIX;
        }
        throw new InvalidInputException(source + ":" + line + ": neither a Zeek, an EVE nor a STIX record; name the format of JSON lines");
    }

    /** How much of the first line detection reads: a minified STIX bundle is one line of any length. */
    static final int DETECTION_CHARS = 1 << 16;

    static LogFormat detect(String first, Path file) {
        if (first == null) {
            return LogFormat.ZEEK;
        }
        String line = first.trim();
        if (line.startsWith("#")) {
            return LogFormat.ZEEK;
        }
        if (line.startsWith("{")) {
            if (line.contains("\"event_type\"")) {
                return LogFormat.EVE;
            }
            if (line.contains("\"_path\"") || (line.contains("\"ts\"") && line.contains("\"uid\""))) {
                return LogFormat.ZEEK;
            }
            if (line.contains("\"type\"")) {
                return LogFormat.STIX;
            }
            return LogFormat.JSONL;
        }
        if (line.startsWith("[")) {
            return LogFormat.STIX;
        }
        throw new InvalidInputException(file + ": cannot tell the log format from the first line; name it with --format");
    }

    private static String pathFromName(String source) {
        String name = Path.of(source).getFileName().toString();
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** Counts and the first problems of one file. */
    static final class Counter {
        final String source;
        long events;
        long skipped;
        long malformed;
        final List<String> problems = new ArrayList<>();

        Counter(String source) {
            this.source = source;
        }

        void emit(Event event, EventSink sink) {
            if (event == null) {
                skipped++;
            } else {
                events++;
                sink.accept(event);
            }
        }

        void malformed(long line, String why) {
            malformed++;
            if (problems.size() < MAX_LISTED) {
                problems.add(source + ":" + line + ": " + why);
            }
        }
    }

    /**
     * STIX documents as events: each observed-data is one event at its first_observed. Objects are
     * streamed one by one, so a bundle of any size is read in the memory of its largest object, plus
     * the observables that observed-data refer to by object_refs (kept until the end, since STIX lets
     * them stand anywhere in the bundle) and the observed-data still waiting for one; both go to a
     * temporary file past a few thousand (SpillMap), so that memory stays bounded too. Observed-data
     * with embedded objects (STIX 2.0, and 2.1's deprecated form) is matched as soon as it is read.
     */
    static final class StixEvents {
        private final String source;
        private final EventSink sink;
        private final Counter counter;
        private final SpillMap observables = new SpillMap();
        /** The observed-data waiting for observables, by their position in the document. */
        private final SpillMap waitingData = new SpillMap();
        /** Observed-data waiting for referenced observables, by the id of one still missing. */
        private final Map<String, List<Waiting>> waitingFor = new HashMap<>();
        private final List<Waiting> waiting = new ArrayList<>();

        /** An observed-data read before some of the observables it refers to (itself in waitingData, under its line). */
        private static final class Waiting {
            final long line;
            int missing;
            boolean emitted;

            Waiting(long line, int missing) {
                this.line = line;
                this.missing = missing;
            }
        }

        private StixEvents(String source, EventSink sink, Counter counter) {
            this.source = source;
            this.sink = sink;
            this.counter = counter;
        }

        static void read(BufferedReader reader, String source, EventSink sink, Counter counter) {
            StixEvents events = new StixEvents(source, sink, counter);
            try (SpillMap observables = events.observables; SpillMap waiting = events.waitingData) {
                try {
                    // An event's "line" is the object's position in the document: a minified bundle is all one line, and the
                    // position is what tells two observed-data of one file and one time apart (it goes into derived ids).
                    StixReader.read(reader, source, (object, index, line) -> events.accept(object, index + 1));
                } catch (InvalidInputException e) {
                    counter.malformed(0, e.getMessage().replace(source + ": ", ""));
                }
                events.finish();
            }
        }

        private void accept(ObjectNode object, long line) {
            String type = object.path("type").asText("");
            if (!"observed-data".equals(type)) {
                if (org.sightline.stix.StixTypes.isObservable(type) && object.hasNonNull("id")) {
                    String id = object.get("id").asText();
                    observables.put(id, object);
                    released(id);
                }
                return;
            }
            if (!object.has("object_refs")) {
                emit(object, line);
                return;
            }
            int missing = 0;
            Waiting pending = new Waiting(line, 0);
            for (JsonNode ref : object.get("object_refs")) {
                if (!observables.containsKey(ref.asText())) {
                    missing++;
                    waitingFor.computeIfAbsent(ref.asText(), k -> new ArrayList<>()).add(pending);
                }
            }
            if (missing == 0) {
                emit(object, line);
            } else {
                pending.missing = missing;
                waiting.add(pending);
                waitingData.put(Long.toString(line), object);
            }
        }

        /** An observable arrived: observed-data waiting for nothing else now goes out. */
        private void released(String id) {
            List<Waiting> ready = waitingFor.remove(id);
            if (ready == null) {
                return;
            }
            for (Waiting pending : ready) {
                if (--pending.missing == 0 && !pending.emitted) {
                    pending.emitted = true;
                    emit(waitingData.remove(Long.toString(pending.line)), pending.line);
                }
            }
        }

        /** At the end, observed-data whose observables never came are matched with those that did. */
        private void finish() {
            for (Waiting pending : waiting) {
                if (!pending.emitted) {
                    pending.emitted = true;
                    emit(waitingData.remove(Long.toString(pending.line)), pending.line);
                }
            }
        }

        private void emit(ObjectNode data, long line) {
            try {
                Map<String, ObjectNode> objects = org.sightline.pattern.match.ObservationSet.objectsOf(data, observables.lookup());
                String first = data.path("first_observed").asText(null);
                if (!org.sightline.stix.StixTimestamp.isValid(first)) {
                    counter.malformed(line, data.path("id").asText("observed-data") + ": 'first_observed' is missing or not a timestamp");
                    return;
                }
                counter.emit(org.sightline.pattern.stream.EventBuilder.fromObjects(org.sightline.stix.StixTimestamp.parse(first),
                        source, line, objects), sink);
            } catch (RuntimeException e) {
                counter.malformed(line, e.getMessage());
            }
        }
    }
}
