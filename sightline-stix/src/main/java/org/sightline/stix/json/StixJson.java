package org.sightline.stix.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sightline.error.InvalidInputException;

/**
 * The one Jackson configuration Sightline reads and writes STIX with.
 *
 * Numbers are kept exactly (BigDecimal, no trailing-zero stripping) and key order is preserved, so
 * that an object read and written again is the same JSON it was.
 */
public final class StixJson {
    /** The deepest nesting of arrays and objects accepted in a document. */
    public static final int MAX_NESTING_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            // A single STIX object can carry a large artifact payload; Jackson's 20 MB default string cap is too low.
            // Nesting: STIX objects nest a few levels (extensions, hashes, kill chains); a document 1,000 deep is an
            // attack on every recursive reader after the parser, so it is refused here, on the way in.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(512 * 1024 * 1024)
                    .maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Sightline's own documents (command and API answers) are records; their JSON uses STIX's
     * snake_case ({@code externalId} becomes {@code external_id}), the same for CLI and HTTP.
     */
    private static final ObjectMapper DOCUMENTS = MAPPER.copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private StixJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    /** A new STIX 2.1 object's common properties: type, spec_version, id, and created = modified = the timestamp. */
    public static ObjectNode newObject(String type, String id, String timestamp) {
        ObjectNode object = newObject();
        object.put("type", type);
        object.put("spec_version", "2.1");
        object.put("id", id);
        object.put("created", timestamp);
        object.put("modified", timestamp);
        return object;
    }

    /** Compact JSON, as stored. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Indented JSON, for people. */
    public static String writePretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** A Sightline answer document (record, map or JSON tree) as indented snake_case JSON. */
    public static String document(Object value) {
        try {
            return DOCUMENTS.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** A Sightline answer document as a JSON tree, to extend before writing. */
    public static ObjectNode documentTree(Object value) {
        return DOCUMENTS.valueToTree(value);
    }

    /** Parses JSON text that is expected to be one object; the message says where it broke. */
    public static ObjectNode parseObject(String json, String where) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new InvalidInputException(where + ": expected a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(where + ": not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + ": " + e.getOriginalMessage());
        }
    }
}
