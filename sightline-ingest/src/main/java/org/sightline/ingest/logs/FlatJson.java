package org.sightline.ingest.logs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.stix.json.StixJson;

/**
 * Reads the few fields a log adapter needs out of one JSON record, with Jackson's streaming parser
 * and without building a tree: everything else is skipped unread, which is most of a Zeek or EVE
 * record. Fields are named by dotted paths ({@code dns.rrname}); a Zeek key that holds dots itself
 * ({@code id.orig_h}) is the same path. A scalar's value is its text (numbers as written); an array
 * of scalars, or a field found in the objects of an array ({@code dns.answers.rdata}), is a list of
 * texts; JSON null is absent.
 */
final class FlatJson {
    private final Set<String> wanted;
    /** Paths of objects (or arrays of objects) that hold a wanted field: the only ones descended into. */
    private final Set<String> containers = new HashSet<>();

    FlatJson(Set<String> wanted) {
        this.wanted = Set.copyOf(wanted);
        for (String path : wanted) {
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                containers.add(path.substring(0, dot));
            }
        }
    }

    /** The wanted fields of the object the parser is at (its START_OBJECT), read up to its END_OBJECT. */
    Map<String, Object> read(JsonParser parser) throws IOException {
        Map<String, Object> record = new HashMap<>(32);
        object(parser, null, record, false);
        return record;
    }

    /** The wanted fields of the record in {@code bytes[from, to)}; throws for anything but one JSON object. */
    Map<String, Object> read(byte[] bytes, int from, int to) throws IOException {
        try (JsonParser parser = StixJson.factory().createParser(bytes, from, to - from)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new NotAnObjectException();
            }
            Map<String, Object> record = read(parser);
            if (parser.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "more than one JSON value on the line");
            }
            return record;
        }
    }

    /** A line that is valid JSON but not an object. */
    static final class NotAnObjectException extends IOException {
        NotAnObjectException() {
            super("not a JSON object");
        }
    }

    /** Reads the fields of the object the parser is in, up to and including its END_OBJECT. */
    private void object(JsonParser parser, String prefix, Map<String, Object> record, boolean inArray) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String path = prefix == null ? name : prefix + "." + name;
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                if (containers.contains(path)) {
                    object(parser, path, record, inArray);
                } else {
                    parser.skipChildren();
                }
            } else if (value == JsonToken.START_ARRAY) {
                if (wanted.contains(path) || containers.contains(path)) {
                    array(parser, path, record);
                } else {
                    parser.skipChildren();
                }
            } else if (value != JsonToken.VALUE_NULL && wanted.contains(path)) {
                if (inArray) {
                    add(record, path, parser.getText());
                } else {
                    record.put(path, parser.getText());
                }
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + token);
        }
    }

    private void array(JsonParser parser, String path, Map<String, Object> record) throws IOException {
        if (wanted.contains(path)) {
            record.computeIfAbsent(path, p -> new ArrayList<String>());
        }
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) {
                object(parser, path, record, true);
            } else if (token == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else if (token == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "the line ends inside an array");
            } else if (token != JsonToken.VALUE_NULL && wanted.contains(path)) {
                add(record, path, parser.getText());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> record, String path, String text) {
        Object present = record.get(path);
        if (present instanceof List<?> list) {
            ((List<String>) list).add(text);
        } else {
            List<String> list = new ArrayList<>();
            if (present != null) {
                list.add((String) present);
            }
            list.add(text);
            record.put(path, list);
        }
    }
}
