package org.sightline.ingest.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Counter counter = new Counter(isStandardInput(file) ? "stdin" : file.toString());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16)) {
            String first = firstLine(reader);
            LogFormat actual = format == LogFormat.AUTO ? detect(first, file) : format;
            switch (actual) {
                case ZEEK -> readZeek(reader, first, counter, sink);
                case EVE -> readJsonLines(reader, counter, sink, (json, line) -> EveRecords.toEvent(json, counter.source, line));
                case JSONL -> {
                    if (mapping == null) {
                        throw new InvalidInputException(file + ": JSON lines need a mapping file (--mapping) that says which fields hold which observables");
                    }
                    readJsonLines(reader, counter, sink, (json, line) -> mapping.toEvent(json, counter.source, line));
                }
                case STIX -> StixEvents.read(reader, counter.source, sink, counter);
                default -> throw new IllegalStateException();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new ReadReport(counter.events, counter.skipped, counter.malformed, counter.problems);
    }

    /**
     * One record of a stream (a Kafka message's value) as an event: a Zeek JSON record, a Suricata
     * EVE record, a JSON line through the mapping, or a STIX observed-data with its objects (or a
     * bundle holding one); with AUTO, whichever of the first, second and last the record is. Null when the record carries nothing to match (an EVE stats line).
     * Anything unreadable is an InvalidInputException naming the source and line.
     */
    public Event parseRecord(String text, LogFormat format, String source, long line) {
        JsonNode json;
        try {
            json = StixJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(source + ":" + line + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException(source + ":" + line + ": not a JSON object");
        }
        LogFormat actual = format == LogFormat.AUTO ? recordFormat(json, source, line) : format;
        try {
            return switch (actual) {
                case ZEEK -> zeekJson(json, "conn", source, line);
                case EVE -> EveRecords.toEvent(json, source, line);
                case JSONL -> {
                    if (mapping == null) {
                        throw new InvalidInputException("JSON lines need a mapping file that says which fields hold which observables");
                    }
                    yield mapping.toEvent(json, source, line);
                }
                case STIX -> {
                    var observations = org.sightline.pattern.match.ObservationSet.of(List.of(json)).observations();
                    yield observations.isEmpty() ? null : org.sightline.pattern.stream.EventBuilder.fromObjects(
                            observations.get(0).firstObserved(), source, line, observations.get(0).objects());
                }
                case AUTO -> throw new IllegalStateException();
            };
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException(source + ":" + line + ": " + e.getMessage());
        }
    }

    /** A stream record's own format, for a topic that mixes sensors: EVE has event_type, Zeek _path or ts with uid, STIX type. */
    private static LogFormat recordFormat(JsonNode json, String source, long line) {
        if (json.has("event_type")) {
            return LogFormat.EVE;
        }
        if (json.has("_path") || json.has("ts") && json.has("uid")) {
            return LogFormat.ZEEK;
        }
        if (json.has("type")) {
            return LogFormat.STIX;
        }
        throw new InvalidInputException(source + ":" + line + ": neither a Zeek, an EVE nor a STIX record; name the format of JSON lines");
    }

    /** How much of the first line detection reads: a minified STIX bundle is one line of any length. */
    static final int DETECTION_CHARS = 1 << 16;

    /**
     * The first line, or its first {@link #DETECTION_CHARS} characters, with the reader put back
     * where it was (marking a whole line failed with "Mark invalid" on a one-line bundle over 64 KB).
     */
    static String firstLine(BufferedReader reader) throws IOException {
        reader.mark(DETECTION_CHARS + 1);
        StringBuilder line = new StringBuilder();
        for (int c; line.length() < DETECTION_CHARS && (c = reader.read()) >= 0 && c != '\n'; ) {
            line.append((char) c);
        }
        reader.reset();
        return line.length() == 0 && !reader.ready() ? null : line.toString().replace("\r", "");
    }

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

    private static void readZeek(BufferedReader reader, String first, Counter counter, EventSink sink) throws IOException {
        if (first != null && first.trim().startsWith("{")) {
            readJsonLines(reader, counter, sink, (json, line) -> zeekJson(json, pathFromName(counter.source), counter.source, line));
            return;
        }
        String separator = "\t";
        String[] fields = null;
        String path = pathFromName(counter.source);
        String text;
        long line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.startsWith("#")) {
                if (text.startsWith("#separator")) {
                    separator = unescape(text.substring("#separator".length()).trim());
                } else if (text.startsWith("#fields")) {
                    fields = text.substring("#fields".length()).trim().split(java.util.regex.Pattern.quote(separator), -1);
                } else if (text.startsWith("#path")) {
                    path = text.substring("#path".length()).trim();
                }
                counter.skipped++;
                continue;
            }
            if (text.isBlank()) {
                continue;
            }
            if (fields == null) {
                counter.malformed(line, "a record before the #fields header");
                continue;
            }
            String[] values = text.split(java.util.regex.Pattern.quote(separator), -1);
            if (values.length != fields.length) {
                counter.malformed(line, "expected " + fields.length + " fields, found " + values.length);
                continue;
            }
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                record.put(fields[i], values[i]);
            }
            try {
                counter.emit(ZeekRecords.toEvent(path, record, counter.source, line), sink);
            } catch (RuntimeException e) {
                counter.malformed(line, e.getMessage());
            }
        }
    }

    /** One JSON value per line, turned into an event. */
    @FunctionalInterface
    interface LineMapper {
        Event map(JsonNode json, long line);
    }

    private static void readJsonLines(BufferedReader reader, Counter counter, EventSink sink, LineMapper mapper) throws IOException {
        String text;
        long line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            try {
                JsonNode json = StixJson.mapper().readTree(text);
                if (json == null || !json.isObject()) {
                    counter.malformed(line, "not a JSON object");
                    continue;
                }
                counter.emit(mapper.map(json, line), sink);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                counter.malformed(line, "not valid JSON: " + e.getOriginalMessage());
            } catch (RuntimeException e) {
                counter.malformed(line, e.getMessage());
            }
        }
    }

    /** A Zeek JSON record as an event; its log ({@code _path}) names what it holds, else {@code defaultPath}. */
    private static Event zeekJson(JsonNode json, String defaultPath, String source, long line) {
        Map<String, Object> record = new HashMap<>();
        json.fields().forEachRemaining(e -> record.put(e.getKey(), plain(e.getValue())));
        return ZeekRecords.toEvent(json.path("_path").asText(defaultPath), record, source, line);
    }

    private static Object plain(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return items;
        }
        return value.isNull() ? null : value.asText();
    }

    private static String pathFromName(String source) {
        String name = Path.of(source).getFileName().toString();
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String unescape(String separator) {
        return separator.startsWith("\\x") ? String.valueOf((char) Integer.parseInt(separator.substring(2), 16)) : separator;
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
     * them stand anywhere in the bundle) and the observed-data still waiting for one. Observed-data
     * with embedded objects (STIX 2.0, and 2.1's deprecated form) is matched as soon as it is read.
     */
    static final class StixEvents {
        private final String source;
        private final EventSink sink;
        private final Counter counter;
        private final Map<String, ObjectNode> observables = new HashMap<>();
        /** Observed-data waiting for referenced observables, by the id of one still missing. */
        private final Map<String, List<Waiting>> waitingFor = new HashMap<>();
        private final List<Waiting> waiting = new ArrayList<>();

        /** An observed-data read before some of the observables it refers to. */
        private static final class Waiting {
            final ObjectNode data;
            final long line;
            int missing;
            boolean emitted;

            Waiting(ObjectNode data, long line, int missing) {
                this.data = data;
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
            try {
                // An event's "line" is the object's position in the document: a minified bundle is all one line, and the
                // position is what tells two observed-data of one file and one time apart (it goes into derived ids).
                StixReader.read(reader, source, (object, index, line) -> events.accept(object, index + 1));
            } catch (InvalidInputException e) {
                counter.malformed(0, e.getMessage().replace(source + ": ", ""));
            }
            events.finish();
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
            Waiting pending = new Waiting(object, line, 0);
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
                    emit(pending.data, pending.line);
                }
            }
        }

        /** At the end, observed-data whose observables never came are matched with those that did. */
        private void finish() {
            for (Waiting pending : waiting) {
                if (!pending.emitted) {
                    pending.emitted = true;
                    emit(pending.data, pending.line);
                }
            }
        }

        private void emit(ObjectNode data, long line) {
            try {
                Map<String, ObjectNode> objects = org.sightline.pattern.match.ObservationSet.objectsOf(data, observables);
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
