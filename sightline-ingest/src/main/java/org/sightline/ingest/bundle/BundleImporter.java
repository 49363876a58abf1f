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
import java.util.TreeMap;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.formats.Documents;
import org.sightline.ingest.formats.InputFormat;
import org.sightline.ingest.formats.InputFormats;
import org.sightline.ingest.sanctions.ListUpdate;
import org.sightline.ingest.sanctions.SanctionsList;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixReader;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;
import org.sightline.store.WriteSummary;
import org.sightline.store.intake.Intake;

/**
 * Imports STIX 2.0 and 2.1 documents (bundles, single objects, arrays; plain or gzip) into the
 * store. Each document is one transaction: it is streamed, upgraded from 2.0 where needed,
 * validated object by object and written in batches; if any object is invalid the transaction is
 * rolled back and the store is as it was, unless the caller asked to skip invalid objects.
 */
public final class BundleImporter {
    /** Rejections listed per document; the count covers all of them. */
    static final int MAX_LISTED_REJECTIONS = 50;

    private final Intake intake;
    private final StixStore store;
    private final Tlp writerClearance;

    /** The store this importer writes to. */
    public StixStore store() {
        return store;
    }

    /** The intake it writes through. */
    public Intake intake() {
        return intake;
    }

    public BundleImporter(Intake intake) {
        this(intake, Tlp.RED);
    }

    /**
     * An importer for a writer cleared to a TLP level (an API token's): it refuses objects marked
     * above the clearance, and new versions of ids whose current version the writer may not read,
     * so no one overwrites, downgrades or revokes what they cannot see (the intake's policy).
     */
    public BundleImporter(Intake intake, Tlp writerClearance) {
        this.intake = intake;
        this.store = intake.store();
        this.writerClearance = writerClearance;
    }

    /** Imports files and folders (recursively), each document in its own transaction; each file by what it is ({@link InputFormats}). */
    public ImportReport importPaths(List<Path> paths, ImportOptions options, ImportProgress progress) {
        long start = System.nanoTime();
        List<FileOutcome> outcomes = new ArrayList<>();
        Tally tally = new Tally();
        InputFormats formats = new InputFormats(progress);
        Documents documents = new Into(options, tally);
        List<Path> others = new ArrayList<>();
        for (Path path : paths) {
            InputFormat format = Files.isDirectory(path) ? formats.of(path) : null;
            if (format != null) {
                outcomes.add(format.read(path, documents)); // a folder that is one document: OFAC's CSV files
            } else {
                others.add(path);
            }
        }
        for (Path file : InputFiles.expand(others)) {
            try {
                outcomes.add(formats.of(file).read(file, documents));
            } catch (UncheckedIOException e) {
                // A file that is not the JSON (or gzip) it claims to be is bad input, named with its file; not a failure of ours.
                Throwable cause = e.getCause();
                if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                    outcomes.add(documents.refused(file.toString(), file + ": not valid JSON: " + json.getOriginalMessage()));
                } else if (cause instanceof java.util.zip.ZipException || cause instanceof java.io.EOFException) {
                    outcomes.add(documents.refused(file.toString(), file + ": not a complete gzip file (" + cause.getMessage() + ")"));
                } else {
                    throw e;
                }
            }
        }
        return finish(outcomes, tally, start);
    }

    /** The documents of one import: each one transaction through the intake, counted in the import's tally. */
    private final class Into implements Documents {
        private final ImportOptions options;
        private final Tally tally;

        Into(ImportOptions options, Tally tally) {
            this.options = options;
            this.tally = tally;
        }

        @Override
        public FileOutcome objects(List<ObjectNode> objects, String source) {
            return importDocument(source, options, tally, (document, put) -> {
                long index = 0;
                for (ObjectNode object : objects) {
                    StixObject accepted = document.check(object, index, index + 1, count -> { });
                    index++;
                    if (accepted != null) {
                        put.accept(accepted);
                    }
                }
            });
        }

        @Override
        public FileOutcome stream(InputStream in, String source, java.util.function.LongConsumer progress) {
            return importDocument(in, source, options, tally, progress);
        }

        @Override
        public FileOutcome sanctionsList(SanctionsList list, String source) {
            return importSanctionsList(list, source, options, tally);
        }

        @Override
        public StixStore store() {
            return store;
        }

        @Override
        public ImportOptions options() {
            return options;
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
        FileOutcome outcome = new Into(options, tally).objects(update.objects(), source);
        return outcome.rejected() ? outcome : new FileOutcome(source, false, update.summary(), outcome.imported(),
                outcome.unchanged() + update.unchanged(), outcome.invalid(), outcome.rejections());
    }

    /** Imports objects made here (Sightline's extension definitions) as one document. */
    public ImportReport importObjects(List<ObjectNode> objects, String source, ImportOptions options) {
        long start = System.nanoTime();
        Tally tally = new Tally();
        return finish(List.of(new Into(options, tally).objects(objects, source)), tally, start);
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
        boolean deferred = tally.imported > 0 && intake.indexBehind();
        double seconds = (System.nanoTime() - start) / 1e9;
        long imported = outcomes.stream().mapToLong(FileOutcome::imported).sum();
        long unchanged = outcomes.stream().mapToLong(FileOutcome::unchanged).sum();
        long invalid = outcomes.stream().mapToLong(FileOutcome::invalid).sum();
        return new ImportReport(imported, unchanged, invalid, tally.byType, seconds, outcomes, tally.warnings, deferred);
    }

    /** A STIX document streamed in: parsed and checked on a thread of its own, written in batches. */
    private FileOutcome importDocument(InputStream in, String source, ImportOptions options, Tally tally,
                                       java.util.function.LongConsumer progress) {
        return importDocument(source, options, tally, (document, put) -> {
            try (ParsingPipeline parsed = new ParsingPipeline(in, source,
                    (object, index, line) -> document.check(object, index, line, progress))) {
                for (List<StixObject> batch = parsed.next(); batch != null; batch = parsed.next()) {
                    batch.forEach(put);
                }
            }
        });
    }

    /** Where a document's objects come from: each is checked by the document, and the accepted ones are put. */
    @FunctionalInterface
    private interface DocumentObjects {
        void each(DocumentImport document, java.util.function.Consumer<StixObject> put);
    }

    /** One document, one transaction through the intake: all of it, or (with skip-invalid) its valid objects, or nothing. */
    private FileOutcome importDocument(String source, ImportOptions options, Tally tally, DocumentObjects objects) {
        DocumentImport document = new DocumentImport(source, options);
        try {
            WriteSummary summary = intake.write(writer -> {
                objects.each(document, writer::put);
                if (document.invalid > 0 && !options.skipInvalid()) {
                    throw new RejectedDocument();
                }
                writer.flush();
                return writer.summary();
            });
            summary.addedByType().forEach((type, count) -> tally.byType.merge(type, count, Long::sum));
            tally.imported += summary.added();
            tally.warnings += document.warnings;
            return new FileOutcome(source, false, null, summary.added(), summary.unchanged(), document.invalid,
                    document.rejections);
        } catch (RejectedDocument e) {
            String message = source + ": " + document.invalid + " invalid object" + (document.invalid == 1 ? "" : "s")
                    + "; nothing from this document was imported (skip invalid objects to import the valid ones: import --skip-invalid, or ?skip_invalid=true)";
            return new FileOutcome(source, true, message, 0, 0, document.invalid, document.rejections);
        } catch (InvalidInputException e) {
            return new FileOutcome(source, true, e.getMessage() + "; nothing from this document was imported",
                    0, 0, 0, List.of());
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
            Intake.Checked checked = intake.check(json, "object " + index, writerClearance);
            List<String> errors = checked.errors();
            warnings += checked.warnings();
            if (++seen % 1000 == 0) {
                progress.accept(seen);
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
