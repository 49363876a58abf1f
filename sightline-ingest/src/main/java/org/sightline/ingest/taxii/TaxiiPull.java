package org.sightline.ingest.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;
import org.sightline.store.WriteSummary;
import org.sightline.store.intake.Intake;

/**
 * Pulls a TAXII collection into the store, incrementally. Each page is stored in one transaction
 * together with the page's X-TAXII-Date-Added-Last, so a pull that is interrupted resumes exactly
 * after the last page it stored: nothing is lost, and a page fetched twice adds no second copy.
 */
public final class TaxiiPull {
    private static final int LISTED_REJECTIONS = 50;

    /** What a pull did. {@code position} is the date added it will resume after. */
    public record Report(String feed, String resumedAfter, int pages, long received, long added, long unchanged,
                         long rejected, List<String> rejections, String position, int retries) {
    }

    private final Intake intake;
    private final StixStore store;
    private final TaxiiClient client;

    public TaxiiPull(Intake intake, TaxiiClient client) {
        this.intake = intake;
        this.store = intake.store();
        this.client = client;
    }

    /** Pulls what was added after {@code since} (or after the remembered position, or everything). */
    public Report pull(TaxiiEndpoint endpoint, String since, int pageSize) {
        if (since != null && !StixTimestamp.isValid(since)) {
            throw new InvalidInputException("--since '" + since + "' is not a timestamp like 2026-01-31T00:00:00.000Z");
        }
        String feed = endpoint.feedName();
        String position = since != null ? since : store.cursor(feed).orElse(null);
        String resumedAfter = position;
        int pages = 0;
        long received = 0;
        long added = 0;
        long unchanged = 0;
        long rejected = 0;
        List<String> rejections = new ArrayList<>();
        String next = null;
        while (true) {
            TaxiiClient.Answer answer = client.get(page(endpoint, position, next, pageSize));
            JsonNode envelope = answer.body();
            List<StixObject> valid = new ArrayList<>();
            int index = 0;
            for (JsonNode node : envelope.path("objects")) {
                received++;
                String problem = problem(node, "page " + (pages + 1) + " object " + index++);
                if (problem == null) {
                    valid.add(new StixObject((ObjectNode) node));
                } else {
                    rejected++;
                    if (rejections.size() < LISTED_REJECTIONS) {
                        rejections.add(problem);
                    }
                }
            }
            String last = answer.header("X-TAXII-Date-Added-Last").filter(StixTimestamp::isValid).orElse(null);
            WriteSummary summary = intake.writeBatch(writer -> {
                valid.forEach(writer::put);
                if (last != null) {
                    writer.moveCursor(feed, last);
                }
                writer.flush();
                return writer.summary();
            });
            added += summary.added();
            unchanged += summary.unchanged();
            pages++;
            if (last != null) {
                position = last;
            }
            boolean more = envelope.path("more").asBoolean(false);
            if (!more || envelope.path("objects").isEmpty()) {
                break;
            }
            next = envelope.path("next").isTextual() ? envelope.path("next").asText() : null;
            if (next == null && last == null) {
                throw new InvalidInputException(endpoint.objects() + " says there is more but gives neither next nor "
                        + "X-TAXII-Date-Added-Last to go on from");
            }
        }
        return new Report(feed, resumedAfter, pages, received, added, unchanged, rejected, rejections, position, client.retries());
    }

    private static URI page(TaxiiEndpoint endpoint, String addedAfter, String next, int pageSize) {
        StringBuilder query = new StringBuilder("?limit=").append(pageSize);
        if (addedAfter != null) {
            query.append("&added_after=").append(URLEncoder.encode(addedAfter, StandardCharsets.UTF_8));
        }
        if (next != null) {
            query.append("&next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return URI.create(endpoint.objects() + query.toString());
    }

    /** Why an object from the feed is not stored, or null when it is fine (STIX 2.0 objects are upgraded). */
    private String problem(JsonNode node, String where) {
        if (!node.isObject()) {
            return where + ": not a JSON object";
        }
        Intake.Checked checked = intake.check((ObjectNode) node, where, null);
        return checked.accepted() ? null : checked.message();
    }
}
