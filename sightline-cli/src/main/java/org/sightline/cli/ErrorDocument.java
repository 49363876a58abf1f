package org.sightline.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON a failed command prints with --json: {"error":{"code":…,"message":…}}. */
final class ErrorDocument {
    private ErrorDocument() {
    }

    static Map<String, Object> of(String code, String message) {
        return of(code, message, List.of());
    }

    static Map<String, Object> of(String code, String message, List<String> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (!details.isEmpty()) {
            error.put("details", details);
        }
        return Map.of("error", error);
    }
}
