package org.sightline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.json.StixJson;

/** Reading request bodies and writing answers as JSON, the same way for every handler. */
public final class HttpJson {
    private HttpJson() {
    }

    public static void write(Context ctx, Object body) {
        ctx.contentType("application/json").result(StixJson.document(body));
    }

    public static void created(Context ctx, Object body) {
        ctx.status(201);
        write(ctx, body);
    }

    /** The request body as a JSON object; anything else is a 400 that says what was wrong. */
    public static JsonNode body(Context ctx) {
        try {
            JsonNode body = StixJson.mapper().readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw new InvalidInputException("the request body must be a JSON object");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The body of a request that changes the store. It must say it is JSON: a browser cannot send
     * that to another site without asking first, so a web page cannot make a user's browser write here.
     */
    public static JsonNode writeBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new InvalidInputException("requests that change the store must be sent as Content-Type: application/json");
        }
        return body(ctx);
    }

    /** A text field of the body, or null when absent or empty. */
    public static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** The TLP floor a creating request asks for in 'marking' ("amber", "TLP:RED"…); CLEAR when absent. */
    public static org.sightline.stix.markings.Tlp marking(JsonNode body) {
        String marking = text(body, "marking");
        return marking == null ? org.sightline.stix.markings.Tlp.CLEAR : org.sightline.stix.markings.Tlp.parse(marking);
    }

    public static String requiredText(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            throw new InvalidInputException("the request body needs '" + field + "'");
        }
        return value;
    }
}
