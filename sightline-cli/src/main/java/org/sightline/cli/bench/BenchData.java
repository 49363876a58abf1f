package org.sightline.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.sightline.error.NotFoundException;
import org.sightline.error.StoreException;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.store.KnowledgeBase;

/** Where the benchmarks find the shared public data, and the store chores every benchmark needs. */
final class BenchData {
    /** The shared data folder beside the clone, as the benchmarks expect to be run from the repository root. */
    static final Path SHARED = Path.of("..", "shared", "data");

    private BenchData() {
    }

    /** The ATT&CK Enterprise bundle: the one named, or the shared copy; a clear error when it is absent. */
    static Path attackBundle(Path named) {
        Path bundle = named != null ? named : SHARED.resolve("attack/enterprise-attack-18.1.json.gz");
        if (!Files.isRegularFile(bundle)) {
            throw new NotFoundException("no bundle at " + bundle + "; pass --file PATH to the ATT&CK Enterprise bundle");
        }
        return bundle;
    }

    /** Imports one bundle strictly; a benchmark on a partly rejected bundle would measure the wrong thing. */
    static ImportReport importInto(KnowledgeBase knowledge, Path bundle) {
        BundleImporter importer = new BundleImporter(knowledge.intake());
        ImportReport report = importer.importPaths(List.of(bundle), ImportOptions.strict(), ImportProgress.NONE);
        if (report.anyRejected()) {
            throw new StoreException("the benchmark bundle was rejected: " + report.files().get(0).message(), null);
        }
        return report;
    }

    /** Removes a benchmark's scratch folder and everything in it. */
    static void deleteRecursively(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
