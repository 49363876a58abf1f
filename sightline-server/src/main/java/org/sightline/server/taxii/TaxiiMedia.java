package org.sightline.server.taxii;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sightline.stix.json.StixJson;

/**
 * TAXII 2.1's media type and its content negotiation (§1.6.8): answers are always
 * {@code application/taxii+json;version=2.1}; a request that accepts only something else gets a 406,
 * a body of another type a 415.
 */
public final class TaxiiMedia {
    public static final String TAXII = "application/taxii+json;version=2.1";
    public static final String STIX = "application/stix+json;version=2.1";

    private TaxiiMedia() {
    }

    /** 406 unless the Accept header allows TAXII 2.1 (no header, a wildcard, or the type with version 2.1 or none). */
    static void checkAccept(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String range : accept.split(",")) {
            if (accepts(range)) {
                return;
            }
        }
        throw new TaxiiException(406, "Not acceptable", "this server answers in " + TAXII + "; the request accepts only '"
                + accept + "'");
    }

    private static boolean accepts(String range) {
        String[] parts = range.toLowerCase(Locale.ROOT).replace(" ", "").split(";");
        String type = parts[0];
        if (type.equals("*/*") || type.equals("application/*")) {
            return true;
        }
        if (!type.equals("application/taxii+json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("version=") && !parts[i].equals("version=2.1")) {
                return false;
            }
        }
        return true;
    }

    /** 415 unless the body is TAXII 2.1 JSON. */
    static void checkContentType(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !accepts(type) || type.contains("*")) {
            throw new TaxiiException(415, "Unsupported media type", "send the envelope as Content-Type: " + TAXII
                    + (type == null ? "" : ", not '" + type + "'"));
        }
    }

    static void send(Context ctx, int status, Object body) {
        sendJson(ctx, status, StixJson.document(body));
    }

    /**
     * JSON is UTF-8 (RFC 8259 §8.1), but the servlet container writes a String in ISO-8859-1 under a media
     * type it does not know, so the answer goes out as UTF-8 bytes.
     */
    static void sendJson(Context ctx, int status, String json) {
        ctx.status(status).contentType(TAXII).result(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A TAXII error message: title, description and the HTTP status as a string. */
    public static void sendError(Context ctx, int status, String title, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("title", title);
        error.put("description", description);
        error.put("http_status", String.valueOf(status));
        send(ctx, status, error);
    }
}
