package org.sightline.cli.knowledge;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.ProgressBar;
import org.sightline.cli.Sightline;
import org.sightline.ingest.bundle.FileOutcome;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.ingest.bundle.Rejection;
import org.sightline.ingest.intake.Import;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import STIX 2.0/2.1 bundles, single objects or arrays of objects (.json, .json.gz), "
                + "files or folders (recursively), MISP events and galaxies, sanctions lists, and supplier lists (.csv, .yaml, "
                + "as 'suppliers import'). ATT&CK's bundles import as they are.",
                "Each document is one transaction: one invalid object leaves the store unchanged, unless --skip-invalid."})
public final class ImportCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to import.")
    List<Path> paths;

    @Option(names = "--list-date", paramLabel = "YYYY-MM-DD", description = "The publication date of a sanctions list whose files carry none "
            + "(OFAC's CSV form; otherwise dated by the day sdn.csv was last modified).")
    java.time.LocalDate listDate;

    @Option(names = "--skip-invalid", description = "Import the valid objects of a document and report the invalid ones.")
    boolean skipInvalid;

    @Option(names = "--org", paramLabel = "NAME", description = "For supplier lists: the customer for rows whose 'customer' is empty.")
    String org;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        ImportProgress progress = ProgressBar.forTerminal(output.err(), output.json());
        Import.Result result = new Import(knowledge.intake(), null)
                .run(paths, new ImportOptions(skipInvalid, listDate), org, progress);
        ProgressBar.finish(progress);
        ImportReport report = result.objects();
        Map<String, Object> document = document(report);
        document.put("suppliers", result.suppliers());
        // New actors may be other names for known ones: the "same actor" links the sources state.
        int links = result.linksCreated();
        document.put("links_created", links);
        output.answer(document, () -> {
            result.suppliers().forEach(s -> output.line(String.format(java.util.Locale.ROOT,
                    "%d supplies from %d suppliers declared for %s (%d organisations new)", s.supplies(), s.suppliers(),
                    s.customers(), s.organisationsCreated())));
            if (!report.files().isEmpty()) {
                printText(report, output);
            }
            if (links > 0) {
                output.line("linked " + links + " actor objects to the same actors (see 'sightline actor conflicts')");
            }
        });
        return report.anyRejected() ? Sightline.FAILED : Sightline.OK;
    }

    /** {"imported":N,"unchanged":N,"invalid":N,"by_type":{...},"seconds":S} plus what failed. */
    static Map<String, Object> document(ImportReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("imported", report.imported());
        document.put("unchanged", report.unchanged());
        document.put("invalid", report.invalid());
        document.put("by_type", report.byType());
        document.put("seconds", Math.round(report.seconds() * 1000) / 1000.0);
        document.put("warnings", report.warnings());
        document.put("rejected_files", report.files().stream().filter(FileOutcome::rejected)
                .map(f -> Map.of("source", f.source(), "message", f.message())).toList());
        document.put("errors", report.rejections().stream().map(Rejection::describe).toList());
        document.put("notes", report.files().stream().filter(f -> !f.rejected() && f.message() != null)
                .map(f -> Map.of("source", f.source(), "message", f.message())).toList());
        document.put("index_deferred", report.indexDeferred());
        return document;
    }

    private static void printText(ImportReport report, Output output) {
        output.line(String.format("imported %,d, unchanged %,d, invalid %,d in %.1f s", report.imported(),
                report.unchanged(), report.invalid(), report.seconds()));
        report.byType().forEach((type, count) -> output.line(String.format("  %-24s %,d", type, count)));
        for (FileOutcome file : report.files()) {
            if (file.rejected()) {
                output.line("rejected: " + file.message());
            } else if (file.invalid() > 0) {
                output.line("skipped " + file.invalid() + " invalid objects of " + file.source() + ":");
            }
            if (!file.rejected() && file.message() != null) {
                output.note(file.source() + ": " + file.message()); // imported, with something to say (MISP items left out)
            }
            for (Rejection rejection : file.rejections()) {
                output.line("  " + rejection.describe());
            }
            if (file.invalid() > file.rejections().size()) {
                output.line("  … and " + (file.invalid() - file.rejections().size()) + " more invalid objects");
            }
        }
        if (report.warnings() > 0) {
            output.note(report.warnings() + " vocabulary warnings (values outside STIX open vocabularies; imported as they are)");
        }
        if (report.indexDeferred()) {
            output.note("the running Sightline server holds the search index and will index these objects within seconds");
        }
    }
}
