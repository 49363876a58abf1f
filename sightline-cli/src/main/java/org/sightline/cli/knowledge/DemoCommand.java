package org.sightline.cli.knowledge;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.ListenOptions;
import org.sightline.cli.Output;
import org.sightline.cli.ProgressBar;
import org.sightline.cli.Sightline;
import org.sightline.cli.admin.ServeCommand;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.ingest.demo.DemoData;
import org.sightline.ingest.intake.Import;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.intake.Intake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Load Sightline's demo data (the Stone Panda / APT10 case) into the data directory and start the server.")
public final class DemoCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    @Option(names = "--with", paramLabel = "PATH", description = "Also import these files or folders first (repeatable), "
            + "e.g. ../shared/data/attack/enterprise-attack-18.1.json.gz.")
    List<Path> with = List.of();

    @Option(names = "--load-only", description = "Load the data and exit without starting the server.")
    boolean loadOnly;

    @Mixin
    ListenOptions listen;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        Map<String, Object> document = new LinkedHashMap<>();
        // One batch: the same-actor links (APT10 and APT3 join their ATT&CK groups and galaxy clusters when
        // those are loaded too) are made once, after the files given and the demo data.
        Intake.Batched<ImportReport> loaded = knowledge.intake().batch(() -> {
            if (!with.isEmpty()) {
                ImportProgress progress = ProgressBar.forTerminal(output.err(), output.json());
                // the same import as `sightline import` (supplier lists too)
                Import.Result imported = new Import(knowledge.intake(), null).run(with, ImportOptions.strict(), null, progress);
                ProgressBar.finish(progress);
                ImportReport extra = imported.objects();
                document.put("with", ImportCommand.document(extra));
                document.put("with_suppliers", imported.suppliers());
                output.note(String.format("imported %,d objects from %s (%,d unchanged)", extra.imported(), with, extra.unchanged()));
                if (extra.anyRejected()) {
                    output.answer(document, () -> extra.files().stream().filter(f -> f.rejected())
                            .forEach(f -> output.err().println("rejected: " + f.message())));
                    return null;
                }
            }
            return DemoData.load(new BundleImporter(knowledge.intake()));
        });
        ImportReport demo = loaded.result();
        if (demo == null) {
            return Sightline.FAILED;
        }
        document.put("demo", ImportCommand.document(demo));
        document.put("links_created", loaded.afterWrite());
        document.put("data_dir", knowledge.location().dataDir().toString());
        output.note(String.format("demo data: %,d objects loaded, %,d already present (data directory %s)",
                demo.imported(), demo.unchanged(), knowledge.location().dataDir()));
        if (loadOnly) {
            output.answer(document, () -> output.line("loaded; start the server with: sightline serve"));
            return Sightline.OK;
        }
        return ServeCommand.serve(knowledge, output, listen.serverOptions(), true);
    }
}
