package org.sightline.cli.knowledge;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.ingest.bundle.BundleExporter;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StixStore.ObjectQuery;
import org.sightline.store.clearance.ClearedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export current objects as one STIX 2.1 bundle (to stdout unless --out). Importing it again changes nothing.")
public final class ExportCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    @Option(names = "--type", paramLabel = "TYPE", description = "Only objects of this type (repeatable).")
    List<String> types = List.of();

    @Option(names = "--id", paramLabel = "ID", description = "Only this object (repeatable).")
    List<String> ids = List.of();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the bundle to this file.")
    Path out;

    @Option(names = "--clearance", defaultValue = "red", paramLabel = "TLP",
            description = "Leave out objects marked above this TLP level, and relationships to them: clear, green, amber, "
                    + "amber+strict, red (default red: everything, as the store's owner sees it).")
    String clearance;

    @Option(names = "--include-revoked", description = "Also export objects whose current version is revoked (TAXII serves "
            + "them; left out by default, and counted).")
    boolean includeRevoked;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        ObjectQuery query = new ObjectQuery(new LinkedHashSet<>(types), new LinkedHashSet<>(ids), includeRevoked);
        BundleExporter exporter = new BundleExporter(ClearedStore.of(knowledge.store(), Tlp.parse(clearance)));
        if (out == null) {
            // The bundle itself is the one JSON document on stdout.
            BundleExporter.Exported exported = exporter.export(query, output.out(), true);
            output.out().flush();
            output.err().println(summary(exported));
            return Sightline.OK;
        }
        BundleExporter.Exported exported;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out))) {
            exported = exporter.export(query, file, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exported", exported.written());
        document.put("revoked_left_out", exported.revokedLeftOut());
        document.put("out", out.toAbsolutePath().toString());
        output.answer(document, () -> output.line(summary(exported) + " to " + out));
        return Sightline.OK;
    }

    private static String summary(BundleExporter.Exported exported) {
        return "exported " + exported.written() + " objects" + (exported.revokedLeftOut() == 0 ? ""
                : " (" + exported.revokedLeftOut() + " revoked left out; --include-revoked exports them)");
    }
}
