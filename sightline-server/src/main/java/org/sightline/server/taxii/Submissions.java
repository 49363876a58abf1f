package org.sightline.server.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.collections.CollectionStore;
import org.sightline.store.collections.SubmissionStatus.Outcome;
import org.sightline.store.collections.SubmissionStatus;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.intake.Intake;
import org.sightline.store.tokens.ApiToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Envelopes posted to collections. The POST is answered at once with a pending status; one worker
 * then validates each object, stores the valid ones in one transaction, and completes the status
 * with an outcome per object. One worker, because the store takes one writer at a time anyway.
 */
final class Submissions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Submissions.class);

    private final Intake intake;
    private final CollectionStore collections;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sightline-taxii-submissions");
        thread.setDaemon(true);
        return thread;
    });

    Submissions(Intake intake, CollectionStore collections) {
        this.intake = intake;
        this.collections = collections;
    }

    /** Records the envelope's objects as pending and queues them; the returned status is the 202's body. */
    SubmissionStatus accept(TaxiiCollection collection, ApiToken token, List<JsonNode> objects) {
        List<Outcome> pending = objects.stream().map(Submissions::outcome).toList();
        SubmissionStatus status = new SubmissionStatus(UUID.randomUUID().toString(), collection.id(), token.id(), "pending",
                StixTimestamp.formatMicros(Instant.now()), List.of(), List.of(), pending);
        collections.saveStatus(status);
        worker.submit(() -> store(status, collection, token, objects));
        return status;
    }

    private void store(SubmissionStatus status, TaxiiCollection collection, ApiToken token, List<JsonNode> objects) {
        List<Outcome> successes = new ArrayList<>();
        List<Outcome> failures = new ArrayList<>();
        List<StixObject> valid = new ArrayList<>();
        Tlp clearance = token.clearanceLevel();
        Intake.Checker checker = intake.checker(clearance, objects.stream().map(node -> node.path("id").asText()).toList());
        int index = 0;
        for (JsonNode node : objects) {
            Outcome outcome = outcome(node);
            String problem = problem(node, "object " + index++, collection, checker);
            if (problem != null) {
                failures.add(new Outcome(outcome.id(), outcome.version(), problem));
            } else {
                valid.add(new StixObject((ObjectNode) node));
                successes.add(outcome);
            }
        }
        try {
            intake.writeBatch(writer -> {
                valid.forEach(writer::put);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("TAXII submission {} to {} was not stored: {}", status.id(), collection.id(), e.getMessage());
            failures.addAll(successes.stream().map(s -> new Outcome(s.id(), s.version(),
                    "not stored: the store refused the envelope (" + e.getMessage() + ")")).toList());
            successes.clear();
        }
        collections.saveStatus(new SubmissionStatus(status.id(), status.collectionId(), status.tokenId(), "complete",
                status.requestTimestamp(), successes, failures, List.of()));
    }

    /** Why the object cannot go into the collection, or null when it can: the intake's policy (2.0 upgraded, as import does), then the collection's filter. */
    private static String problem(JsonNode node, String where, TaxiiCollection collection, Intake.Checker checker) {
        if (!node.isObject()) {
            return where + ": not a JSON object";
        }
        Intake.Checked checked = checker.check((ObjectNode) node, where);
        if (!checked.accepted()) {
            return checked.message();
        }
        StixObject object = new StixObject((ObjectNode) node);
        if (!collection.filter().admits(object)) {
            return "outside this collection (" + collection.filter() + ")";
        }
        return null;
    }

    private static Outcome outcome(JsonNode node) {
        String version = node.path("modified").isTextual() ? node.path("modified").asText()
                : node.path("created").isTextual() ? node.path("created").asText() : null;
        return new Outcome(node.path("id").asText(""), version, null);
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
