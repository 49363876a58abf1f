package org.sightline.ingest.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.json.StixReader;

/**
 * Pushes STIX objects to a TAXII collection: envelopes that fit the API root's max_content_length,
 * each POST followed by polling its status until the server has stored it, so the report gives the
 * server's own count of successes and failures.
 */
public final class TaxiiPush {
    private static final int LISTED_FAILURES = 50;
    private static final Duration STATUS_TIMEOUT = Duration.ofMinutes(10);

    /** What a push did: envelopes sent and the server's final counts. */
    public record Report(int envelopes, long total, long succeeded, long failed, long pending, List<String> failures,
                         int retries) {
    }

    private final TaxiiClient client;

    public TaxiiPush(TaxiiClient client) {
        this.client = client;
    }

    /** The objects of a file: a bundle, a TAXII envelope, an array of objects or one object (gzip or not). */
    public static List<JsonNode> read(Path file) {
        JsonNode document;
        try (InputStream in = StixReader.open(file)) {
            document = StixJson.mapper().readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
        List<JsonNode> objects = new ArrayList<>();
        if (document != null && document.isArray()) {
            document.forEach(objects::add);
        } else if (document != null && document.path("objects").isArray()) {
            document.path("objects").forEach(objects::add);
        } else if (document != null && document.has("type") && document.has("id")) {
            objects.add(document);
        } else {
            throw new InvalidInputException(file + ": expected a STIX bundle, a TAXII envelope, an array of objects or one object");
        }
        return objects;
    }

    public Report push(TaxiiEndpoint endpoint, List<JsonNode> objects, int perEnvelope) {
        long budget = Math.max(1024, endpoint.maxContentLength() - 64); // room for {"objects":[…]}
        int envelopes = 0;
        long succeeded = 0;
        long failed = 0;
        long pending = 0;
        List<String> failures = new ArrayList<>();
        StringBuilder envelope = new StringBuilder();
        int inEnvelope = 0;
        List<JsonNode> all = new ArrayList<>(objects);
        for (int i = 0; i <= all.size(); i++) {
            String json = i < all.size() ? StixJson.write(all.get(i)) : null;
            boolean full = json == null || inEnvelope >= perEnvelope
                    || envelope.length() + json.getBytes(StandardCharsets.UTF_8).length + 1 > budget;
            if (full && inEnvelope > 0) {
                JsonNode status = send(endpoint, envelope.toString());
                envelopes++;
                succeeded += status.path("success_count").asLong();
                failed += status.path("failure_count").asLong();
                pending += status.path("pending_count").asLong();
                for (JsonNode failure : status.path("failures")) {
                    if (failures.size() < LISTED_FAILURES) {
                        failures.add(failure.path("id").asText() + ": " + failure.path("message").asText());
                    }
                }
                envelope.setLength(0);
                inEnvelope = 0;
            }
            if (json != null) {
                if (json.getBytes(StandardCharsets.UTF_8).length > budget) {
                    throw new InvalidInputException(all.get(i).path("id").asText("object " + i) + " alone is larger than the server's "
                            + "max_content_length of " + endpoint.maxContentLength() + " bytes");
                }
                envelope.append(inEnvelope == 0 ? "" : ",").append(json);
                inEnvelope++;
            }
        }
        return new Report(envelopes, all.size(), succeeded, failed, pending, failures, client.retries());
    }

    /** Posts one envelope and waits for its status to be complete. */
    private JsonNode send(TaxiiEndpoint endpoint, String objects) {
        JsonNode status = client.post(endpoint.objects(), "{\"objects\":[" + objects + "]}").body();
        Instant deadline = Instant.now().plus(STATUS_TIMEOUT);
        long wait = 50;
        while (!"complete".equals(status.path("status").asText()) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            wait = Math.min(2000, wait * 2);
            status = client.get(endpoint.status(status.path("id").asText())).body();
        }
        return status;
    }
}
