package org.sightline.cli.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.dossier.Dossier;
import org.sightline.intel.dossier.DossierBuilder;
import org.sightline.intel.dossier.DossierFormat;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StixStore;
import org.sightline.store.clearance.ClearedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dossier", mixinStandardHelpOptions = true,
        description = "Write a dossier on an actor as it could have been written on a date: its card and names with "
                + "sources, claims with confidence, words of estimative probability and the curve over time, graded evidence "
                + "with origins, sources' track records and competing hypotheses. Every finding cites its evidence.")
public final class DossierCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    @Parameters(arity = "1..*", paramLabel = "ACTOR", description = "Any name of the actor, e.g. \"Stone Panda\".")
    java.util.List<String> actor;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Only what was knowable then (default: now).")
    String asOf;

    @Option(names = "--format", defaultValue = "html", paramLabel = "html|md|stix", description = "Default html.")
    String format;

    @Option(names = "--clearance", defaultValue = "red", paramLabel = "TLP",
            description = "Draw only on what is marked up to this TLP level, for readers cleared to it (default red: everything).")
    String clearance;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        DossierFormat chosen = DossierFormat.parse(format);
        Instant at = StixTimestamp.parseUserDateOrNow(asOf, "--as-of");
        StixStore store = ClearedStore.of(knowledge.store(), Tlp.parse(clearance));
        Dossier dossier = new DossierBuilder(store).build(String.join(" ", actor), at);
        String text = chosen.render(dossier, store);
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dossier to " + out, e);
        }
        int evidence = dossier.claims().stream().mapToInt(section -> section.evidence().size()).sum();
        output.answer(Map.of("out", out.toString(), "format", chosen.name().toLowerCase(java.util.Locale.ROOT),
                "actor", dossier.actor().name(), "as_of", dossier.asOf(), "claims", dossier.claims().size(), "evidence", evidence),
                () -> output.line(String.format("wrote %s: %s as of %s, %d claims, %d evidence items cited", out,
                        dossier.actor().name(), dossier.asOf().substring(0, 10), dossier.claims().size(), evidence)));
        return Sightline.OK;
    }
}
