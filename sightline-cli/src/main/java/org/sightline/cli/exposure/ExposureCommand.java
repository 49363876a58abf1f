package org.sightline.cli.exposure;

import java.time.Instant;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.claims.NamedObjects;
import org.sightline.intel.exposure.Exposure;
import org.sightline.intel.exposure.ExposureModel;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = "Which threat actors can reach an organisation through its suppliers, how likely, and through whom: "
                + "actors and suppliers ranked, with the top paths and their reasons. See docs/exposure.md.")
public final class ExposureCommand extends KnowledgeCommand {
    @Option(names = "--org", paramLabel = "NAME|ID", description = "The organisation (default: the only one with declared suppliers).")
    String org;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N")
    int top;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Only what was knowable then (default: now).")
    String asOf;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        String organisation = ExposureModel.organisation(knowledge.store(),
                org == null ? null : NamedObjects.resolve(knowledge.store(), org, "--org"));
        Instant at = StixTimestamp.parseUserDateOrNow(asOf, "--as-of");
        Exposure exposure = new ExposureModel(knowledge.store()).rank(organisation, top, at);
        output.answer(exposure, () -> {
            output.line("Exposure of " + exposure.organisationName() + " as of " + exposure.asOf().substring(0, 10));
            output.line(exposure.whyFirst());
            output.line("actors:");
            int rank = 1;
            for (Exposure.RankedActor actor : exposure.actors()) {
                output.line(String.format("%2d. %-24s %.3f  (%s)", rank++, actor.name(), actor.score(), actor.activity()));
                for (Exposure.Path path : actor.paths()) {
                    output.line(String.format("      %.3f  %s -> %s -> %s", path.score(), actor.name(), String.join(" -> ", path.names()),
                            exposure.organisationName()));
                }
                if (!actor.paths().isEmpty()) {
                    actor.paths().get(0).reasons().forEach(reason -> output.line("         - " + reason));
                }
            }
            output.line("suppliers, by the risk they carry:");
            exposure.suppliers().forEach(s -> output.line(String.format("    %.3f  %-24s %s", s.score(), s.name(), s.topActors())));
        });
        return Sightline.OK;
    }
}
