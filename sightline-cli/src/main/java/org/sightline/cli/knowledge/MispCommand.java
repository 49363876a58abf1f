package org.sightline.cli.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.sightline.cli.CommandGroup;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.misp.events.MispEventExporter;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.clearance.ClearedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "misp", mixinStandardHelpOptions = true,
        description = "MISP exchange. Import MISP event JSON with 'sightline import FILE' (it is recognised); export with 'misp export'.",
        subcommands = {MispCommand.Export.class})
public final class MispCommand extends CommandGroup {
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a STIX selection as one MISP event (JSON that MISP's event import takes).")
    public static final class Export extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Option(names = "--id", paramLabel = "ID", description = "An object to export; a report or grouping brings what it refers to (repeatable).")
        List<String> ids = List.of();

        @Option(names = "--type", paramLabel = "TYPE", description = "Every object of this type (repeatable).")
        List<String> types = List.of();

        @Option(names = "--info", paramLabel = "TEXT", description = "The event's title (default: the report's name).")
        String info;

        @Option(names = "--clearance", defaultValue = "red", paramLabel = "TLP",
                description = "Leave out what is marked above this TLP level (default red: everything).")
        String clearance;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the event here (default: standard output).")
        Path out;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            if (ids.isEmpty() && types.isEmpty()) {
                throw new InvalidInputException("say what to export: --id ID (a report brings its objects) or --type TYPE");
            }
            MispEventExporter.Exported exported = new MispEventExporter(ClearedStore.of(knowledge.store(), Tlp.parse(clearance)))
                    .export(ids, new LinkedHashSet<>(types), info);
            String json = StixJson.writePretty(exported.event());
            if (out == null) {
                output.out().println(json);
                output.err().println("exported " + exported.attributes() + " attributes and " + exported.objects() + " objects"
                        + (exported.skipped().isEmpty() ? "" : "; without a MISP form: " + exported.skipped()));
                return Sightline.OK;
            }
            try {
                Files.writeString(out, json);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("out", out.toAbsolutePath().toString());
            document.put("attributes", exported.attributes());
            document.put("objects", exported.objects());
            document.put("skipped", exported.skipped());
            output.answer(document, () -> output.line("exported " + exported.attributes() + " attributes and " + exported.objects()
                    + " objects to " + out + (exported.skipped().isEmpty() ? "" : "; without a MISP form: " + exported.skipped())));
            return Sightline.OK;
        }
    }
}
