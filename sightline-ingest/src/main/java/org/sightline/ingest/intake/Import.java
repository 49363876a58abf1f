package org.sightline.ingest.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.ingest.sanctions.OfacSdnCsv;
import org.sightline.ingest.suppliers.SupplierFile;
import org.sightline.ingest.suppliers.SupplierImport;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.intake.Intake;

/**
 * The one import every front end runs (`sightline import`, `demo --with`, the web upload): each
 * file by what it is, a supplier list (CSV, YAML) declared through {@link SupplierImport} and
 * anything else (STIX, MISP events and galaxies, sanctions lists) through {@link BundleImporter},
 * all through the store's intake, whose after-write steps (the same-actor links the new actors'
 * sources state, wired in by the front end) run once at the end. So a supplier list or a galaxy
 * does the same whichever way it comes in.
 */
public final class Import {
    /** What an import did: the objects' report, one report per supplier list, and what the after-write steps wrote (links). */
    public record Result(ImportReport objects, List<SupplierImport.Report> suppliers, int linksCreated) {
    }

    private final Intake intake;
    private final BundleImporter importer;

    /** An import written at the given clearance (null: no cap, as the command line imports). */
    public Import(Intake intake, Tlp clearance) {
        this.intake = intake;
        this.importer = clearance == null ? new BundleImporter(intake) : new BundleImporter(intake, clearance);
    }

    /** {@code org}: the customer for supplier rows that name none. A supplier list with a bad row stops the import, naming every bad line. */
    public Result run(List<Path> paths, ImportOptions options, String org, ImportProgress progress) {
        List<Path> supplierLists = paths.stream().filter(Import::isSupplierList).toList();
        List<Path> others = paths.stream().filter(path -> !supplierLists.contains(path)).toList();
        List<SupplierImport.Report> suppliers = new ArrayList<>();
        Intake.Batched<ImportReport> done = intake.batch(() -> {
            for (Path list : supplierLists) {
                suppliers.add(new SupplierImport(intake).importRows(SupplierFile.read(list, org)));
            }
            return importer.importPaths(others, options, progress);
        });
        return new Result(done.result(), List.copyOf(suppliers), done.afterWrite());
    }

    /** A supplier list given by name (a CSV or YAML file that is not OFAC's sdn.csv); files in a folder go to the bundle importer's walk. */
    public static boolean isSupplierList(Path path) {
        return Files.isRegularFile(path) && SupplierFile.isSupplierFile(path) && !OfacSdnCsv.looksLikeOfac(path);
    }
}
