package org.sightline.events.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.pattern.stream.Event;
import org.sightline.pattern.stream.EventBuilder;
import org.sightline.stix.json.StixJson;

/**
 * How to read events from arbitrary JSON lines: which field holds the time, and which fields hold
 * which observables. A mapping file looks like
 * <pre>{"time": "ts", "observables": {"ipv4-addr:value": ["src_ip", "dst_ip"],
 *   "domain-name:value": ["query"], "url:value": ["request.url"], "file:hashes.SHA-256": ["sha256"],
 *   "email-addr:value": ["from"]}}</pre>
 * Field names may be dotted paths into nested objects; the time is RFC 3339 or epoch seconds.
 */
public final class JsonLinesMapping {
    private static final Set<String> TARGETS = Set.of("ipv4-addr:value", "ipv6-addr:value", "domain-name:value",
            "url:value", "email-addr:value", "file:hashes.MD5", "file:hashes.SHA-1", "file:hashes.SHA-256", "file:name");

    private final String timeField;
    private final Map<String, List<String>> observables;

    public JsonLinesMapping(String timeField, Map<String, List<String>> observables) {
        for (String target : observables.keySet()) {
            if (!TARGETS.contains(target)) {
                throw new InvalidInputException("mapping: '" + target + "' is not one of " + TARGETS);
            }
        }
        this.timeField = timeField;
        this.observables = Map.copyOf(observables);
    }

    public static JsonLinesMapping read(Path file) {
        try {
            JsonNode root = StixJson.mapper().readTree(Files.readString(file));
            if (root == null || !root.hasNonNull("time") || !root.path("observables").isObject()) {
                throw new InvalidInputException(file + ": a mapping needs \"time\" (a field name) and \"observables\" "
                        + "(an object of \"type:path\" to a list of field names)");
            }
            Map<String, List<String>> observables = new LinkedHashMap<>();
            root.get("observables").fields().forEachRemaining(entry -> {
                List<String> fields = new ArrayList<>();
                entry.getValue().forEach(field -> fields.add(field.asText()));
                observables.put(entry.getKey(), fields);
            });
            return new JsonLinesMapping(root.get("time").asText(), observables);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(file + ": the mapping is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mapping " + file + ": " + e.getMessage(), e);
        }
    }

    Event toEvent(JsonNode record, String source, long line) {
        JsonNode time = at(record, timeField);
        if (time == null) {
            throw new IllegalArgumentException("no time field '" + timeField + "'");
        }
        EventBuilder event = new EventBuilder(time.isNumber() ? ZeekRecords.time(time.asText()) : Instant.parse(time.asText()), source, line);
        observables.forEach((target, fields) -> {
            for (String field : fields) {
                JsonNode value = at(record, field);
                if (value == null || value.isNull()) {
                    continue;
                }
                String text = value.asText();
                switch (target) {
                    case "ipv4-addr:value", "ipv6-addr:value" -> event.ip(text);
                    case "domain-name:value" -> event.domain(text);
                    case "url:value" -> event.url(text);
                    case "email-addr:value" -> event.email(text);
                    case "file:name" -> event.file(Map.of(), text);
                    default -> event.file(Map.of(target.substring("file:hashes.".length()), text), null);
                }
            }
        });
        return event.isEmpty() ? null : event.build();
    }

    private static JsonNode at(JsonNode record, String dotted) {
        JsonNode node = record.get(dotted);
        if (node != null) {
            return node;
        }
        node = record;
        for (String part : dotted.split("\\.")) {
            node = node.get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
