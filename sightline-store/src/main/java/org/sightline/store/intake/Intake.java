package org.sightline.store.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sightline.error.InvalidInputException;
import org.sightline.pattern.validate.PatternValidator;
import org.sightline.stix.StixObject;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.markings.Tlp;
import org.sightline.stix.validation.StixValidator;
import org.sightline.stix.validation.ValidationIssue;
import org.sightline.store.StixStore;
import org.sightline.store.StoreWriter;
import org.sightline.store.WriteSummary;
import org.sightline.store.search.FullTextIndex;

/**
 * The one way objects go into the store, whichever front end brought them (import, the web upload,
 * TAXII POST and pull, the Kafka sightings consumer, the product's own claims and edits).
 *
 * <ul>
 *   <li>One policy ({@link #check}): STIX 2.0 upgraded to 2.1, every object validated with every
 *       error named, patterns parsed, and nothing written above the writer's clearance or over an id
 *       the writer may not read. Each front end words where an object was; the reasons are the same.</li>
 *   <li>One write ({@link #write}): a transaction, the search index brought up to it (a document
 *       indexed while it is written, a list of objects at the index's next sync), then the after-write steps
 *       the front end wired in ({@link #afterWrite}: the same-actor links). Inside {@link #batch} those
 *       steps run once at the end, so a folder of a hundred files links once.</li>
 * </ul>
 */
public final class Intake {
    /** What the policy says of one object: accepted (the object, upgraded) or every reason why not; warnings counted. */
    public record Checked(ObjectNode object, List<String> errors, int warnings) {
        public boolean accepted() {
            return errors.isEmpty();
        }

        public String message() {
            return String.join("; ", errors);
        }
    }

    /** An object refused: where it was (as the front end names it), its id and every reason. */
    public record Refusal(String where, String id, List<String> errors) {
        public String message() {
            return where + (id == null ? "" : " (" + id + ")") + ": " + String.join("; ", errors);
        }
    }

    /** What a write of objects did: the store's summary, each refused object, and what the after-write steps did. */
    public record Outcome(WriteSummary written, List<Refusal> refused, int afterWrite) {
    }

    /**
     * A step run after objects are written (wired in by the front end, which knows the analysis
     * modules); it gets the number of objects added by type and answers how many objects it wrote.
     */
    @FunctionalInterface
    public interface AfterWrite {
        int written(Map<String, Long> addedByType);
    }

    /** What a batch returned, and what the after-write steps did at its end. */
    public record Batched<T>(T result, int afterWrite) {
    }

    private final StixStore store;
    private final FullTextIndex index;
    /** By name, so that wiring a step twice (the command line and the server it starts) runs it once. */
    private final Map<String, AfterWrite> afterWrite = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final StixValidator validator = new StixValidator(new PatternValidator());
    /** Types added by writes inside the current thread's batch, when one is open. */
    private final ThreadLocal<Map<String, Long>> batch = new ThreadLocal<>();

    /** The intake of a store and its search index (null: a store read through a view, indexed at the next search). */
    public Intake(StixStore store, FullTextIndex index) {
        this.store = store;
        this.index = index;
    }

    /** The intake of a store without its index: what the analysis modules write through a store view. */
    public static Intake of(StixStore store) {
        return new Intake(store, null);
    }

    public StixStore store() {
        return store;
    }

    /** Whether the search index has yet to catch up with the store (another process holds its writer, and will). */
    public boolean indexBehind() {
        return index != null && index.indexedSequence() < store.lastSequence();
    }

    /** Wires in a step run after each write (or at the end of each batch) that added objects; a second step of the same name replaces the first. */
    public Intake afterWrite(String name, AfterWrite step) {
        afterWrite.put(name, step);
        return this;
    }

    /**
     * The policy for one object written by a writer cleared to {@code clearance} (null or RED: no
     * cap). {@code where} names the object for the messages ("object 3", "topic@0:17 object 0").
     * The object is upgraded in place from STIX 2.0.
     */
    public Checked check(ObjectNode object, String where, Tlp clearance) {
        return checker(clearance, List.of(object.path("id").asText())).check(object, where);
    }

    /**
     * The policy for many objects of one writer: the TLP levels the store holds for their ids are
     * read once, not once per object (a TAXII envelope of a thousand).
     */
    public Checker checker(Tlp clearance, java.util.Collection<String> ids) {
        boolean capped = clearance != null && clearance != Tlp.RED;
        return new Checker(clearance, capped ? Set.copyOf(ids) : Set.of(), capped ? store.currentLevels(List.copyOf(ids)) : Map.of());
    }

    /** The policy bound to one writer's clearance and the levels of the ids it writes. */
    public final class Checker {
        private final Tlp clearance;
        /** The ids whose levels were read: one of them without a level is new to the store. */
        private final Set<String> looked;
        private final Map<String, Tlp> levels;

        private Checker(Tlp clearance, Set<String> looked, Map<String, Tlp> levels) {
            this.clearance = clearance;
            this.looked = looked;
            this.levels = levels;
        }

        public Checked check(ObjectNode object, String where) {
            List<String> errors = new ArrayList<>();
            int warnings = 0;
            for (ValidationIssue issue : validator.intake(object, where)) {
                if (issue.isError()) {
                    errors.add(issue.message());
                } else {
                    warnings++;
                }
            }
            if (errors.isEmpty()) {
                refusal(object).ifPresent(errors::add);
            }
            return new Checked(object, List.copyOf(errors), warnings);
        }

        /** Why a writer at this clearance may not write the object, if it may not. */
        private Optional<String> refusal(ObjectNode object) {
            if (clearance == null || clearance == Tlp.RED) {
                return Optional.empty();
            }
            Tlp marking = Tlp.highestOn(object);
            if (!clearance.allows(marking)) {
                return Optional.of("marked " + marking.label() + ", above this token's clearance " + clearance.label()
                        + ": nobody writes what they could not read back");
            }
            String id = object.path("id").asText();
            Tlp current = looked.contains(id) ? levels.get(id) : store.currentLevels(List.of(id)).get(id);
            if (current != null && !clearance.allows(current)) {
                return Optional.of("this id may not be written with this token");
            }
            return Optional.empty();
        }
    }

    /**
     * Every object or none: when one is refused nothing is written and the error lists each refusal.
     * {@code where} names the whole ("the sightings of topic@0:17"), each object is "WHERE object N".
     */
    public Outcome writeAll(List<ObjectNode> objects, String where, Tlp clearance) {
        List<StixObject> accepted = new ArrayList<>();
        List<Refusal> refused = refusals(objects, where, clearance, accepted);
        if (!refused.isEmpty()) {
            throw new InvalidInputException(where + ": " + refused.size() + " of " + objects.size()
                    + " objects refused, nothing written: " + refused.get(0).message(),
                    refused.stream().map(Refusal::message).toList());
        }
        return writeAccepted(accepted, refused);
    }

    /**
     * Several records (a Kafka poll's bundles), each whole or not at all: the records whose every
     * object passes go in one transaction, and each refused record is named with its first reason.
     */
    public Outcome writeWhole(Map<String, List<ObjectNode>> records, Tlp clearance) {
        List<StixObject> accepted = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        records.forEach((where, objects) -> {
            List<StixObject> valid = new ArrayList<>();
            List<Refusal> refusals = refusals(objects, where, clearance, valid);
            if (refusals.isEmpty()) {
                accepted.addAll(valid);
            } else {
                refused.add(new Refusal(where, null, refusals.stream().map(Refusal::message).toList()));
            }
        });
        return writeAccepted(accepted, refused);
    }

    /** Every object the policy accepts, in one transaction; the refused ones are named in the outcome (TAXII's partial success). */
    public Outcome writeEach(List<ObjectNode> objects, String where, Tlp clearance) {
        List<StixObject> accepted = new ArrayList<>();
        List<Refusal> refused = refusals(objects, where, clearance, accepted);
        return writeAccepted(accepted, refused);
    }

    private List<Refusal> refusals(List<ObjectNode> objects, String where, Tlp clearance, List<StixObject> accepted) {
        List<Refusal> refused = new ArrayList<>();
        Checker checker = checker(clearance, objects.stream().map(object -> object.path("id").asText()).toList());
        for (int i = 0; i < objects.size(); i++) {
            ObjectNode object = objects.get(i);
            String label = where + " object " + i;
            Checked checked = checker.check(object, label);
            if (checked.accepted()) {
                accepted.add(new StixObject(object));
            } else {
                refused.add(new Refusal(label, object.path("id").asText(null), checked.errors()));
            }
        }
        return refused;
    }

    private Outcome writeAccepted(List<StixObject> accepted, List<Refusal> refused) {
        if (accepted.isEmpty()) {
            return new Outcome(new WriteSummary(), List.copyOf(refused), 0);
        }
        int[] after = {0};
        boolean extended = accepted.stream().anyMatch(object -> object.json().has("extensions"));
        WriteSummary summary = write(false, writer -> {
            if (extended) { // never one of Sightline's extensions without its definition (known ones are unchanged)
                SightlineExtensions.definitions().forEach(definition -> writer.put(new StixObject(definition)));
            }
            accepted.forEach(writer::put);
            writer.flush();
            return writer.summary();
        }, count -> after[0] = count);
        return new Outcome(summary, List.copyOf(refused), after[0]);
    }

    /**
     * One transaction of objects the caller has put through {@link #check} (a streaming importer
     * checks each as it parses). The index follows, then the after-write steps.
     */
    public <T> T write(Function<StoreWriter, T> work) {
        return write(true, work, count -> { });
    }

    /**
     * The same for one of many small batches (a TAXII envelope or page): the index catches up at its
     * next sync rather than committing once per batch while the writer waits.
     */
    public <T> T writeBatch(Function<StoreWriter, T> work) {
        return write(false, work, count -> { });
    }

    /**
     * A document (an import) is indexed as it is written, on the index's own thread, or synced right
     * after: the import ends searchable. A list of objects (a TAXII envelope, a Kafka poll, a claim)
     * leaves the index to the next sync (the server's every two seconds; a search syncs first in any
     * case, so it never misses what was written), so a writer does not wait for an index commit per envelope.
     */
    private <T> T write(boolean document, Function<StoreWriter, T> work, java.util.function.IntConsumer afterWriteDid) {
        long before = store.lastSequence();
        Optional<FullTextIndex.IndexSession> session = document && index != null && index.indexedSequence() >= before
                ? index.openSession() : Optional.empty();
        try {
            WriteSummary[] summary = new WriteSummary[1];
            T result = store.write(writer -> {
                session.ifPresent(s -> writer.whenCurrent(s::offer));
                T done = work.apply(writer);
                writer.flush();
                summary[0] = writer.summary();
                return done;
            });
            long after = store.lastSequence();
            // The session covers the new sequence numbers only if no other writer committed in between.
            session.ifPresent(s -> s.commit(after - before == summary[0].added() ? after : before));
            // A batch leaves the index to its next sync: the server's every two seconds, or the next search's first.
            if (document && index != null && summary[0].added() > 0 && index.indexedSequence() < after) {
                index.sync(store);
            }
            afterWriteDid.accept(afterWrite(summary[0].addedByType()));
            return result;
        } finally {
            session.ifPresent(FullTextIndex.IndexSession::close);
        }
    }

    private int afterWrite(Map<String, Long> added) {
        if (added.isEmpty()) {
            return 0;
        }
        Map<String, Long> open = batch.get();
        if (open != null) {
            added.forEach((type, count) -> open.merge(type, count, Long::sum));
            return 0;
        }
        int wrote = 0;
        for (AfterWrite step : afterWrite.values()) {
            wrote += step.written(added);
        }
        return wrote;
    }

    /**
     * Runs {@code work} with the after-write steps held back to its end, where they run once over
     * everything it added (an import of many files links actors once). Batches nest: the outermost runs them.
     */
    public <T> Batched<T> batch(Supplier<T> work) {
        if (batch.get() != null) {
            return new Batched<>(work.get(), 0);
        }
        Map<String, Long> added = new TreeMap<>();
        batch.set(added);
        T result;
        try {
            result = work.get();
        } finally {
            batch.remove();
        }
        return new Batched<>(result, afterWrite(added));
    }
}
