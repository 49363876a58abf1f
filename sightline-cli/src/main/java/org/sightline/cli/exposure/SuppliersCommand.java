package org.sightline.cli.exposure;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.cli.CommandGroup;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.ingest.suppliers.SupplierFile;
import org.sightline.ingest.suppliers.SupplierImport;
import org.sightline.ingest.suppliers.SupplierRow;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "suppliers", mixinStandardHelpOptions = true, description = "Declare an organisation's suppliers and the access they hold.",
        subcommands = {SuppliersCommand.Import.class})
public final class SuppliersCommand extends CommandGroup {
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import suppliers from CSV (columns in the README), YAML (a list of the same fields) or STIX "
                    + "(identities and 'supplies' relationships with Sightline's supplies extension).",
                    "A bad row stops the whole file, with every problem named by line."})
    public static final class Import extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--org", paramLabel = "NAME", description = "The customer for rows whose 'customer' is empty.")
        String org;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            if (!SupplierFile.isSupplierFile(file)) {
                ImportReport report = new BundleImporter(knowledge.intake())
                        .importPaths(List.of(file), ImportOptions.strict(), ImportProgress.NONE);
                if (report.anyRejected()) {
                    throw new InvalidInputException(report.files().get(0).message());
                }
                output.answer(Map.of("imported", report.imported(), "unchanged", report.unchanged()), () -> output.line(
                        "imported " + report.imported() + " STIX objects (" + report.unchanged() + " unchanged) from " + file));
                return Sightline.OK;
            }
            List<SupplierRow> rows = SupplierFile.read(file, org);
            SupplierImport.Report report = new SupplierImport(knowledge.intake()).importRows(rows);
            output.answer(report, () -> output.line(String.format(Locale.ROOT,
                    "%d supplies from %d suppliers declared for %s (%d organisations new)", report.supplies(), report.suppliers(),
                    report.customers(), report.organisationsCreated())));
            return Sightline.OK;
        }
    }
}
