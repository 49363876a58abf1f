package org.sightline.pattern.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.sightline.pattern.ast.ObjectPath;

/**
 * Follows an object path from one observable to the values it selects: properties and dictionary
 * keys, list indexes and [*], and _ref/_refs properties dereferenced to the objects they name
 * within the same observation. Properties ending in _hex and _bin are read as bytes.
 */
final class ObjectPathWalker {
    private ObjectPathWalker() {
    }

    /** The values the path selects from this root object (no value when a step does not apply). */
    static List<Object> values(ObjectNode root, ObjectPath path, Map<String, ObjectNode> observationObjects) {
        List<Object> current = List.of(root);
        for (ObjectPath.Step step : path.steps()) {
            current = step(current, step, observationObjects);
            if (current.isEmpty()) {
                break;
            }
        }
        return current;
    }

    private static List<Object> step(List<Object> values, ObjectPath.Step step, Map<String, ObjectNode> objects) {
        List<Object> next = new ArrayList<>();
        if (step instanceof ObjectPath.Key key) {
            for (Object value : values) {
                if (value instanceof ObjectNode node && node.has(key.name())) {
                    Object stepped = decodeSuffix(key.name(), node.get(key.name()));
                    dereference(key.name(), stepped, objects, next);
                }
            }
        } else if (step instanceof ObjectPath.Index index) {
            if (index.index() < 0) {
                throw new MatcherException("Invalid list index: " + index.index());
            }
            for (Object value : values) {
                if (value instanceof ArrayNode array && index.index() < array.size()) {
                    next.add(array.get(index.index()));
                }
            }
        } else {
            for (Object value : values) {
                if (value instanceof ArrayNode array) {
                    array.forEach(next::add);
                }
            }
        }
        return next;
    }

    private static Object decodeSuffix(String name, JsonNode value) {
        try {
            if (name.endsWith("_hex") && value.isTextual()) {
                return HexFormat.of().parseHex(value.asText());
            }
            if (name.endsWith("_bin") && value.isTextual()) {
                return Base64.getDecoder().decode(value.asText());
            }
        } catch (IllegalArgumentException e) {
            throw new MatcherException("'" + name + "' holds '" + value.asText() + "', which is not "
                    + (name.endsWith("_hex") ? "hexadecimal" : "base64"));
        }
        return value;
    }

    private static void dereference(String name, Object value, Map<String, ObjectNode> objects, List<Object> into) {
        if (name.endsWith("_ref")) {
            if (!(value instanceof JsonNode node) || !node.isTextual()) {
                throw new MatcherException("The value of reference property '" + name + "' was not a string: " + value);
            }
            ObjectNode referenced = objects.get(node.asText());
            if (referenced != null) {
                into.add(referenced);
            }
        } else if (name.endsWith("_refs")) {
            if (!(value instanceof ArrayNode refs)) {
                throw new MatcherException("The value of reference list property '" + name + "' was not a list: " + value);
            }
            ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
            for (JsonNode ref : refs) {
                if (!ref.isTextual()) {
                    throw new MatcherException("A value of reference property '" + name + "' was not a string: " + ref);
                }
                ObjectNode referenced = objects.get(ref.asText());
                if (referenced != null) {
                    resolved.add(referenced);
                }
            }
            if (!resolved.isEmpty()) {
                into.add(resolved);
            }
        } else {
            into.add(value);
        }
    }
}
