package org.sightline.cli.commands;

import java.util.List;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.actors.ActorCard;
import org.sightline.intel.actors.ActorDirectory;
import org.sightline.intel.actors.ActorResolution;
import org.sightline.intel.actors.Candidate;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "actor", mixinStandardHelpOptions = true,
        subcommands = {ActorConflictsCommand.class, ActorLinkCommand.class, ActorUnlinkCommand.class},
        description = {"Resolve any name, alias or ATT&CK id of an intrusion set, threat actor or campaign "
                + "(any case, spacing or hyphenation: \"stone panda\", \"APT 10\", \"apt-10\", \"G0045\") and print its card.",
                "An unknown name exits 1 with the nearest candidates."})
public final class ActorCommand extends KnowledgeCommand {
    @Parameters(arity = "0..*", paramLabel = "NAME", description = "The name to look up.")
    List<String> name;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        if (name == null || name.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a NAME, or one of: conflicts, link, unlink");
        }
        ActorResolution resolution = new ActorDirectory(knowledge.store()).resolve(String.join(" ", name));
        output.answer(resolution, () -> print(resolution, output));
        return resolution.found() ? Sightline.OK : Sightline.FAILED;
    }

    private static void print(ActorResolution resolution, Output output) {
        if (!resolution.found()) {
            output.err().println("no intrusion set, threat actor or campaign is named '" + resolution.query() + "'");
            if (!resolution.candidates().isEmpty()) {
                output.err().println("nearest names:");
                for (Candidate candidate : resolution.candidates()) {
                    output.err().printf("  %.2f  %s (as \"%s\")  %s%n", candidate.score(), candidate.name(),
                            candidate.matchedName(), candidate.id());
                }
            }
            return;
        }
        ActorCard card = resolution.match();
        output.line(card.name() + (card.externalId() == null ? "" : "  [" + card.externalId() + "]") + "  " + card.type());
        output.line(card.id());
        output.line("aliases and who uses them:");
        for (ActorCard.Alias alias : card.aliases()) {
            output.line(String.format("  %-28s %s", alias.name(), String.join("; ", alias.sources())));
        }
        output.line("uses " + card.techniques() + " techniques and " + card.software() + " pieces of software");
        if (card.summary() != null) {
            output.line("");
            output.line(card.summary());
        }
        if (resolution.conflict()) {
            output.line("");
            output.line("CONFLICT: '" + resolution.query() + "' is also claimed by other actors (not linked as the same actor):");
            resolution.ambiguousWith().forEach(c -> output.line("  " + c.name() + "  " + c.id()));
        }
    }
}
