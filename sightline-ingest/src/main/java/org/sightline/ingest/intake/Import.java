package org.sightline.ingest.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.ingest.sanctions.OfacSdnCsv;
import org.sightline.ingest.suppliers.SupplierFile;
import org.sightline.ingest.suppliers.SupplierImport;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;
import org.sightline.store.search.FullTextIndex;

/**
 * The one import every front end runs (`sightline import`, `demo --with`, the web upload): each
 * file by what it is, a supplier list (CSV, YAML) declared through {@link SupplierImport} and
 * anything else (STIX, MISP events and galaxies, sanctions lists) through {@link BundleImporter},
 * then the after-import step the front end wires in: the same-actor links that the new actors'
 * sources state (intel's ActorLinker, which sits above this module). So a supplier list or a galaxy
 * does the same whichever way it comes in.
 */
public final class Import {
    /** What an import did: the objects' report, one report per supplier list, and the links made. */
    public record Result(ImportReport objects, List<SupplierImport.Report> suppliers, int linksCreated) {
    }

    private final StixStore store;
    private final BundleImporter importer;
    private final ToIntFunction<Set<String>> afterImport;

    /**
     * An import written at the given clearance (null: no cap, as the command line imports);
     * {@code afterImport} gets the types imported and returns how many links it made.
     */
    public Import(StixStore store, FullTextIndex index, Tlp clearance, ToIntFunction<Set<String>> afterImport) {
        this.store = store;
        this.importer = clearance == null ? new BundleImporter(store, index) : new BundleImporter(store, index, clearance);
        this.afterImport = afterImport;
    }

    /** {@code org}: the customer for supplier rows that name none. A supplier list with a bad row stops the import, naming every bad line. */
    public Result run(List<Path> paths, ImportOptions options, String org, ImportProgress progress) {
        List<Path> supplierLists = paths.stream().filter(Import::isSupplierList).toList();
        List<Path> others = paths.stream().filter(path -> !supplierLists.contains(path)).toList();
        List<SupplierImport.Report> suppliers = new ArrayList<>();
        for (Path list : supplierLists) {
            suppliers.add(new SupplierImport(store).importRows(SupplierFile.read(list, org)));
        }
        ImportReport objects = importer.importPaths(others, options, progress);
        int links = afterImport.applyAsInt(objects.byType().keySet());
        return new Result(objects, List.copyOf(suppliers), links);
    }

    /** A supplier list given by name (a CSV or YAML file that is not OFAC's sdn.csv); files in a folder go to the bundle importer's walk. */
    public static boolean isSupplierList(Path path) {
        return Files.isRegularFile(path) && SupplierFile.isSupplierFile(path) && !OfacSdnCsv.looksLikeOfac(path);
    }
}
