package org.sightline.ingest.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.sightline.error.InvalidInputException;
import org.sightline.error.SightlineException;
import org.sightline.stix.json.StixJson;

/**
 * HTTP for TAXII 2.1: the media type on every request, credentials, and retries with exponential
 * back-off on 429 and 5xx answers and on broken connections, honouring Retry-After. Any other error
 * status stops with the server's own TAXII error message.
 */
public final class TaxiiClient {
    static final String TAXII = "application/taxii+json;version=2.1";

    /** How often and how patiently to retry: attempts in all, the first wait, the longest wait. */
    public record Backoff(int attempts, Duration first, Duration longest) {
        public static Backoff standard() {
            return new Backoff(6, Duration.ofMillis(500), Duration.ofSeconds(30));
        }
    }

    /** An answer: status, body as JSON, and a header reader. */
    public record Answer(int status, JsonNode body, HttpResponse<String> response) {
        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Credentials credentials;
    private final Backoff backoff;
    private int retries;

    public TaxiiClient(Credentials credentials, Backoff backoff) {
        this.credentials = credentials;
        this.backoff = backoff;
    }

    /** Requests retried so far, for the report. */
    public int retries() {
        return retries;
    }

    public Answer get(URI uri) {
        return send(request(uri).GET());
    }

    public Answer post(URI uri, String envelope) {
        return send(request(uri).header("Content-Type", TAXII).POST(HttpRequest.BodyPublishers.ofString(envelope)));
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Accept", TAXII);
        if (credentials.authorization() != null) {
            request.header("Authorization", credentials.authorization());
        }
        return request;
    }

    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        Duration wait = backoff.first();
        for (int attempt = 1; ; attempt++) {
            String failure;
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    if (status >= 400) {
                        throw refusal(request, response);
                    }
                    return new Answer(status, parse(request, response), response);
                }
                failure = "HTTP " + status;
                retryAfter = response.headers().firstValue("Retry-After").flatMap(TaxiiClient::seconds).orElse(null);
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaxiiException("interrupted while waiting for " + request.uri());
            }
            if (attempt >= backoff.attempts()) {
                throw new TaxiiException(request.method() + " " + request.uri() + " failed " + attempt + " times, last with "
                        + failure + "; try again later");
            }
            pause(retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait);
            retries++;
            wait = wait.multipliedBy(2).compareTo(backoff.longest()) > 0 ? backoff.longest() : wait.multipliedBy(2);
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: fall back to our own back-off
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaxiiException("interrupted while backing off");
        }
    }

    private static JsonNode parse(HttpRequest request, HttpResponse<String> response) {
        if (response.body() == null || response.body().isBlank()) {
            return StixJson.newObject();
        }
        try {
            return StixJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new TaxiiException(request.uri() + " answered with something that is not JSON: " + e.getMessage());
        }
    }

    private static SightlineException refusal(HttpRequest request, HttpResponse<String> response) {
        String detail = response.body();
        try {
            JsonNode error = StixJson.mapper().readTree(response.body());
            detail = error.path("title").asText("") + ": " + error.path("description").asText(error.path("error").path("message").asText(""));
        } catch (IOException | RuntimeException e) {
            // not a TAXII error message: show what came back as it is
        }
        String hint = switch (response.statusCode()) {
            case 401 -> " (check --user/--password or --token)";
            case 403 -> " (the credentials are valid but not allowed this collection)";
            case 404 -> " (check the URL and --collection)";
            default -> "";
        };
        return new TaxiiException(request.method() + " " + request.uri() + " was refused with HTTP " + response.statusCode()
                + ": " + detail + hint);
    }

    /** A TAXII exchange that failed: a bad answer, a refusal, or too many retries. */
    public static final class TaxiiException extends InvalidInputException {
        public TaxiiException(String message) {
            super(message);
        }
    }
}
