package org.sightline.cli.detection;

import java.time.Instant;
import org.sightline.cli.CommandGroup;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.lifecycle.FalsePositives;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sighting", mixinStandardHelpOptions = true, description = "What an analyst decides about a sighting.",
        subcommands = {SightingCommand.FalsePositive.class})
public final class SightingCommand extends CommandGroup {

    @Command(name = "false-positive", mixinStandardHelpOptions = true,
            description = {"Mark a sighting a false positive: a STIX opinion (strongly-disagree, labelled false-positive) about it is stored. "
                    + "The sighting stops confirming its indicator, whose score halves, and counts against the track record of the "
                    + "indicator's source ('indicators --source S' shows it)."})
    public static final class FalsePositive extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Parameters(paramLabel = "ID", description = "The sighting (sighting--…).")
        String id;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why it was no intrusion (\"the scanner of our own red team\").")
        String reason;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            FalsePositives.Marking marking = FalsePositives.mark(knowledge.store(), id, reason, Instant.now());
            output.answer(marking, () -> output.line((marking.already() ? "already marked a false positive on " : "marked a false positive on ")
                    + marking.markedOn().substring(0, 10) + " (" + marking.opinionId() + "): " + marking.reason()
                    + "; indicator " + marking.indicatorId() + " no longer confirmed by it"));
            return Sightline.OK;
        }
    }
}
