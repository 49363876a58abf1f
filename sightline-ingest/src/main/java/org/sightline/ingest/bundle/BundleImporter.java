package org.sightline.ingest.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.misp.GalaxyClusters;
import org.sightline.ingest.misp.events.MispDocument;
import org.sightline.ingest.misp.events.MispEventConverter;
import org.sightline.ingest.sanctions.FollowTheMoney;
import org.sightline.ingest.sanctions.ListUpdate;
import org.sightline.ingest.sanctions.OfacSdnCsv;
import org.sightline.ingest.sanctions.OfacSdnXml;
import org.sightline.ingest.sanctions.SanctionsList;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixReader;
import org.sightline.pattern.validate.PatternValidator;
import org.sightline.stix.validation.StixValidator;
import org.sightline.stix.validation.ValidationIssue;
import org.sightline.store.StixStore;
import org.sightline.store.WriteSummary;
import org.sightline.store.search.FullTextIndex;

/**
 * Imports STIX 2.0 and 2.1 documents (bundles, single objects, arrays; plain or gzip) into the
 * store. Each document is one transaction: it is streamed, upgraded from 2.0 where needed,
 * validated object by object and written in batches; if any object is invalid the transaction is
 * rolled back and the store is as it was, unless the caller asked to skip invalid objects.
 */
public final class BundleImporter {
    /** Rejections listed per document; the count covers all of them. */
    static final int MAX_LISTED_REJECTIONS = 50;

    private final StixStore store;
    private final FullTextIndex index;
    private final StixValidator validator = new StixValidator(new PatternValidator());

    /** The store this importer writes to. */
    public StixStore store() {
        return store;
    }

    public BundleImporter(StixStore store, FullTextIndex index) {
        this(store, index, org.sightline.stix.markings.Tlp.RED);
    }

    /**
     * An importer for a writer cleared to a TLP level (an API token's): it refuses objects marked
     * above the clearance, and new versions of ids whose current version the writer may not read,
     * so no one overwrites, downgrades or revokes what they cannot see.
     */
    public BundleImporter(StixStore store, FullTextIndex index, org.sightline.stix.markings.Tlp writerClearance) {
        this.store = store;
        this.index = index;
        this.writerClearance = writerClearance;
    }

    private final org.sightline.stix.markings.Tlp writerClearance;

    /** Why the writer may not write this object, or null when it may. */
    private String writeRefusal(ObjectNode json) {
        if (writerClearance == org.sightline.stix.markings.Tlp.RED) {
            return null;
        }
        org.sightline.stix.markings.Tlp marking = org.sightline.stix.markings.Tlp.highestOn(json);
        if (!writerClearance.allows(marking)) {
            return "marked " + marking.label() + ", above the writer's clearance " + writerClearance.label()
                    + ": nobody writes what they could not read back";
        }
        String id = json.path("id").asText();
        org.sightline.stix.markings.Tlp current = store.currentLevels(List.of(id)).get(id);
        if (current != null && !writerClearance.allows(current)) {
            return "this id may not be written with this token";
        }
        return null;
    }

    /** Imports files and folders (recursively), each document in its own transaction. */
    public ImportReport importPaths(List<Path> paths, ImportOptions options, ImportProgress progress) {
        long start = System.nanoTime();
        List<FileOutcome> outcomes = new ArrayList<>();
        Tally tally = new Tally();
        List<Path> others = new ArrayList<>();
        for (Path path : paths) {
            if (OfacSdnCsv.looksLikeOfac(path)) {
                outcomes.add(importSanctionsList(path, () -> OfacSdnCsv.read(path, options.listDate()), options, tally)); // sdn.csv with alt.csv and add.csv beside it: one list
            } else {
                others.add(path);
            }
        }
        List<Path> files = InputFiles.expand(others);
        for (Path file : files) {
            try {
                outcomes.add(importFile(file, options, tally, progress));
            } catch (UncheckedIOException e) {
                // A file that is not the JSON (or gzip) it claims to be is bad input, named with its file; not a failure of ours.
                Throwable cause = e.getCause();
                if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                    outcomes.add(new FileOutcome(file.toString(), true, file + ": not valid JSON: " + json.getOriginalMessage()
                            + "; nothing from this document was imported", 0, 0, 0, List.of()));
                } else if (cause instanceof java.util.zip.ZipException || cause instanceof java.io.EOFException) {
                    outcomes.add(new FileOutcome(file.toString(), true, file + ": not a complete gzip file (" + cause.getMessage()
                            + "); nothing from this document was imported", 0, 0, 0, List.of()));
                } else {
                    throw e;
                }
            }
        }
        return finish(outcomes, tally, start);
    }

    /** One file, by what it turns out to be: a MISP galaxy, a sanctions list, a MISP event, or STIX. */
    private FileOutcome importFile(Path file, ImportOptions options, Tally tally, ImportProgress progress) {
        long size = sizeOf(file);
        if (GalaxyClusters.looksLikeGalaxy(file)) {
            return importGalaxy(file, options, tally);
        }
        if (OfacSdnXml.looksLikeOfacXml(file)) {
            return importSanctionsList(file, () -> OfacSdnXml.read(file), options, tally);
        }
        if (FollowTheMoney.looksLikeFtm(file)) {
            return importSanctionsList(file, () -> FollowTheMoney.read(file), options, tally);
        }
        if (MispDocument.looksLikeMisp(file)) {
            return importMispEvents(file, options, tally);
        }
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file))) {
            InputStream in = StixReader.gunzipIfCompressed(counted);
            return importDocument(in, file.toString(), options, tally,
                    objects -> progress.update(file, counted.count(), size, objects));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A MISP galaxy file: its clusters become intrusion sets, imported like a bundle (one transaction). */
    private FileOutcome importGalaxy(Path file, ImportOptions options, Tally tally) {
        java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> objects;
        try (InputStream in = StixReader.open(file)) {
            var document = org.sightline.stix.json.StixJson.mapper().readTree(in);
            if (GalaxyClusters.isGalaxyDefinition(document)) {
                return new FileOutcome(file.toString(), false, "a MISP galaxy definition without clusters: nothing to import",
                        0, 0, 0, List.of());
            }
            objects = GalaxyClusters.toStix(document, file.toString());
        } catch (InvalidInputException e) {
            return new FileOutcome(file.toString(), true, e.getMessage() + "; nothing from this document was imported",
                    0, 0, 0, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return importDocument(bundleOf(objects), file.toString(), options, tally, count -> { });
    }

    /**
     * A MISP event file (one event, a list, or an API answer): converted to STIX and imported as one
     * document, so a file either goes in whole or changes nothing. What has no STIX form is named in
     * the outcome's message.
     */
    private FileOutcome importMispEvents(Path file, ImportOptions options, Tally tally) {
        List<ObjectNode> objects = new ArrayList<>();
        Map<String, Integer> unmapped = new TreeMap<>();
        int sightings = 0;
        int skipped = 0;
        try {
            MispEventConverter converter = new MispEventConverter(store);
            for (MispDocument.Part part : MispDocument.read(file)) {
                MispEventConverter.Converted converted = part.isEvent() ? converter.event(part.content()) : converter.loose(part.content());
                objects.addAll(converted.objects());
                converted.unmapped().forEach((type, count) -> unmapped.merge(type, count, Integer::sum));
                sightings += converted.sightings();
                skipped += converted.skippedSightings();
            }
        } catch (InvalidInputException e) {
            return new FileOutcome(file.toString(), true, e.getMessage() + "; nothing from this document was imported",
                    0, 0, 0, List.of());
        }
        FileOutcome outcome = importDocument(bundleOf(objects), file.toString(), options, tally, count -> { });
        List<String> notes = new ArrayList<>();
        if (!unmapped.isEmpty()) {
            notes.add("MISP items without a STIX form, not imported: " + unmapped);
        }
        if (skipped > 0) {
            notes.add(skipped + " MISP sightings of type false-positive or expiration are not STIX sightings, not imported");
        }
        if (outcome.rejected() || notes.isEmpty()) {
            return outcome;
        }
        return new FileOutcome(outcome.source(), false, String.join("; ", notes), outcome.imported(), outcome.unchanged(),
                outcome.invalid(), outcome.rejections());
    }

    /**
     * A sanctions or indictment list (OFAC's CSV folder or XML, FollowTheMoney entities): what it
     * changes in the store (new, changed and removed entries) is imported as one document, and the
     * outcome's note says what changed.
     */
    private FileOutcome importSanctionsList(Path path, java.util.function.Supplier<SanctionsList> reader, ImportOptions options, Tally tally) {
        try {
            return importSanctionsList(reader.get(), path.toString(), options, tally);
        } catch (InvalidInputException e) {
            return new FileOutcome(path.toString(), true, e.getMessage() + "; nothing from this list was imported", 0, 0, 0, List.of());
        }
    }

    /** Imports one publication of a list read elsewhere (the demo's indictments). */
    public ImportReport importSanctionsList(SanctionsList list, String source, ImportOptions options) {
        long start = System.nanoTime();
        Tally tally = new Tally();
        return finish(List.of(importSanctionsList(list, source, options, tally)), tally, start);
    }

    private FileOutcome importSanctionsList(SanctionsList list, String source, ImportOptions options, Tally tally) {
        ListUpdate update = ListUpdate.of(list, store);
        FileOutcome outcome = importDocument(bundleOf(update.objects()), source, options, tally, count -> { });
        return outcome.rejected() ? outcome : new FileOutcome(source, false, update.summary(), outcome.imported(),
                outcome.unchanged() + update.unchanged(), outcome.invalid(), outcome.rejections());
    }

    private static InputStream bundleOf(List<ObjectNode> objects) {
        java.io.ByteArrayOutputStream bundle = new java.io.ByteArrayOutputStream();
        try (org.sightline.stix.json.StixWriter writer = new org.sightline.stix.json.StixWriter(bundle, false)) {
            objects.forEach(object -> writer.write(new StixObject(object)));
        }
        return new java.io.ByteArrayInputStream(bundle.toByteArray());
    }

    /** Imports one document from a stream (bundled demo data, an HTTP upload). */
    public ImportReport importStream(InputStream in, String source, ImportOptions options) {
        long start = System.nanoTime();
        Tally tally = new Tally();
        FileOutcome outcome;
        try {
            outcome = importDocument(StixReader.gunzipIfCompressed(in), source, options, tally, objects -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return finish(List.of(outcome), tally, start);
    }

    private ImportReport finish(List<FileOutcome> outcomes, Tally tally, long start) {
        boolean deferred = false;
        if (tally.imported > 0) {
            deferred = index.sync(store).deferred();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long imported = outcomes.stream().mapToLong(FileOutcome::imported).sum();
        long unchanged = outcomes.stream().mapToLong(FileOutcome::unchanged).sum();
        long invalid = outcomes.stream().mapToLong(FileOutcome::invalid).sum();
        return new ImportReport(imported, unchanged, invalid, tally.byType, seconds, outcomes, tally.warnings, deferred);
    }

    private FileOutcome importDocument(InputStream in, String source, ImportOptions options, Tally tally,
                                       java.util.function.LongConsumer progress) {
        DocumentImport document = new DocumentImport(source, options);
        // Index while writing when the index is up to date and free; otherwise the sync in finish() catches up.
        long before = store.lastSequence();
        Optional<FullTextIndex.IndexSession> session = index.indexedSequence() >= before ? index.openSession() : Optional.empty();
        try {
            WriteSummary summary = store.write(writer -> {
                session.ifPresent(s -> writer.whenCurrent(s::offer));
                try (ParsingPipeline parsed = new ParsingPipeline(in, source,
                        (object, index, line) -> document.check(object, index, line, progress))) {
                    for (List<StixObject> batch = parsed.next(); batch != null; batch = parsed.next()) {
                        batch.forEach(writer::put);
                    }
                }
                if (document.invalid > 0 && !options.skipInvalid()) {
                    throw new RejectedDocument();
                }
                writer.flush();
                return writer.summary();
            });
            // The session covers the new sequence numbers only if no other writer committed in between.
            long after = store.lastSequence();
            session.ifPresent(s -> s.commit(after - before == summary.added() ? after : before));
            summary.addedByType().forEach((type, count) -> tally.byType.merge(type, count, Long::sum));
            tally.imported += summary.added();
            tally.warnings += document.warnings;
            return new FileOutcome(source, false, null, summary.added(), summary.unchanged(), document.invalid,
                    document.rejections);
        } catch (RejectedDocument e) {
            String message = source + ": " + document.invalid + " invalid object" + (document.invalid == 1 ? "" : "s")
                    + "; nothing from this document was imported (use --skip-invalid to import the valid ones)";
            return new FileOutcome(source, true, message, 0, 0, document.invalid, document.rejections);
        } catch (InvalidInputException e) {
            return new FileOutcome(source, true, e.getMessage() + "; nothing from this document was imported",
                    0, 0, 0, List.of());
        } finally {
            session.ifPresent(FullTextIndex.IndexSession::close);
        }
    }

    /** The state of one document's import: what was rejected, and whether writing goes on. */
    private final class DocumentImport {
        private final String source;
        private final ImportOptions options;
        private final List<Rejection> rejections = new ArrayList<>();
        private long invalid;
        private long warnings;
        private long seen;

        DocumentImport(String source, ImportOptions options) {
            this.source = source;
            this.options = options;
        }

        /** Upgrades and validates one object; returns it when it is to be stored. Runs on the parsing thread. */
        StixObject check(ObjectNode json, long index, long line, java.util.function.LongConsumer progress) {
            List<ValidationIssue> issues = validator.intake(json, "object " + index);
            List<String> errors = new ArrayList<>();
            for (ValidationIssue issue : issues) {
                if (issue.isError()) {
                    errors.add(issue.message());
                } else {
                    warnings++;
                }
            }
            if (++seen % 1000 == 0) {
                progress.accept(seen);
            }
            String refusal = errors.isEmpty() ? writeRefusal(json) : null;
            if (refusal != null) {
                errors.add(refusal);
            }
            if (!errors.isEmpty()) {
                invalid++;
                if (rejections.size() < MAX_LISTED_REJECTIONS) {
                    rejections.add(new Rejection(source, json.path("id").asText(null), index, line, errors));
                }
                return null;
            }
            // Once a strict import has found an invalid object it will roll back: stop storing, keep validating.
            return invalid == 0 || options.skipInvalid() ? new StixObject(json) : null;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Totals across documents. */
    private static final class Tally {
        private final Map<String, Long> byType = new TreeMap<>();
        private long imported;
        private long warnings;
    }

    /** Thrown inside the transaction to roll a document back. */
    private static final class RejectedDocument extends RuntimeException {
        RejectedDocument() {
            super(null, null, false, false);
        }
    }
}
