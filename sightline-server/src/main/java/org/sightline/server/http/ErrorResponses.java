package org.sightline.server.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sightline.error.ConflictException;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.error.SightlineException;
import org.sightline.stix.json.StixJson;

/** Maps errors to HTTP statuses and the JSON body every error has: {"error":{"code":…,"message":…}}. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static int status(SightlineException e) {
        if (e instanceof InvalidInputException) {
            return 400;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof org.sightline.error.LimitExceededException) {
            return 422;
        }
        return 500;
    }

    public static void send(Context ctx, int status, String code, String message) {
        send(ctx, status, body(code, message));
    }

    public static void send(Context ctx, int status, Map<String, ?> body) {
        ctx.status(status).contentType("application/json").result(StixJson.document(body));
    }

    public static Map<String, Object> body(String code, String message) {
        return body(code, message, java.util.List.of());
    }

    /** The error body, with every problem listed when there are several (a file's bad lines). */
    public static Map<String, Object> body(String code, String message, java.util.List<String> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (!details.isEmpty()) {
            error.put("details", details);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        return body;
    }
}
