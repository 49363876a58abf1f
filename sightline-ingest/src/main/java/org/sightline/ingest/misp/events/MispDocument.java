package org.sightline.ingest.misp.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.json.StixReader;

/**
 * The MISP JSON forms an event export or a MISP API answer comes in: one event ({"Event":{…}}), a
 * list of them, the REST API's {"response":[{"Event":…}…]}, and attribute or object search results
 * ({"response":{"Attribute":[…]}}, {"response":[{"Object":…}…]}).
 */
public final class MispDocument {

    /** One unit to convert: an event, or attributes and objects found without their event. */
    public record Part(JsonNode content, boolean isEvent) {
    }

    private MispDocument() {
    }

    /**
     * Looks at the start of a file (64 KB at most) for MISP's shape: "Event" or "response" at the top, a
     * list of events, or a bare event: MISP's capitalised "Attribute", "Object" or "Orgc" at the top,
     * which no STIX document has.
     */
    public static boolean looksLikeMisp(byte[] head) {
        try (JsonParser parser = StixJson.factory().createParser(head)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY && parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (field.equals("Event") || (first == JsonToken.START_OBJECT && field.equals("response"))) {
                    return true;
                }
                if (field.equals("type") || field.equals("spec_version") || field.equals("objects")) {
                    return false;
                }
                if (field.equals("Attribute") || field.equals("Object") || field.equals("Orgc")) {
                    return true;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false; // the 64 KB ended before MISP's fields showed: treat it as STIX, whose reader says what is wrong
        }
    }

    public static List<Part> read(Path file) {
        try (InputStream in = StixReader.open(file)) {
            return parts(StixJson.mapper().readTree(in), file.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    static List<Part> parts(JsonNode document, String source) {
        List<Part> parts = new ArrayList<>();
        JsonNode content = document != null && document.has("response") ? document.get("response") : document;
        if (content == null) {
            throw new InvalidInputException(source + ": empty document");
        }
        if (content.isObject() && content.has("Event")) {
            parts.add(new Part(content.get("Event"), true));
        } else if (content.isObject() && (content.has("Attribute") || content.has("Object"))) {
            parts.add(new Part(content, content.has("uuid") && content.has("info")));
        } else if (content.isArray()) {
            List<JsonNode> objects = new ArrayList<>();
            for (JsonNode item : content) {
                if (item.has("Event")) {
                    parts.add(new Part(item.get("Event"), true));
                } else if (item.has("Object")) {
                    objects.add(item.get("Object"));
                } else if (item.has("Attribute") && item.has("info")) {
                    parts.add(new Part(item, true));
                } else {
                    throw new InvalidInputException(source + ": item " + (parts.size() + objects.size())
                            + " is neither a MISP event nor a MISP object");
                }
            }
            if (!objects.isEmpty()) {
                var loose = StixJson.newObject();
                loose.putArray("Object").addAll(objects);
                parts.add(new Part(loose, false));
            }
        } else {
            throw new InvalidInputException(source + ": not a MISP event, event list, or attribute/object search result");
        }
        return parts;
    }
}
