package org.sightline.cli.commands;

import java.util.List;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.actors.ActorDirectory;
import org.sightline.intel.actors.Conflict;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;

@Command(name = "conflicts", mixinStandardHelpOptions = true,
        description = "List names claimed by more than one actor (objects not linked as the same actor), with who claims them.")
public final class ActorConflictsCommand extends KnowledgeCommand {
    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        List<Conflict> conflicts = new ActorDirectory(knowledge.store()).conflicts();
        output.answer(Map.of("conflicts", conflicts), () -> {
            for (Conflict conflict : conflicts) {
                output.line(conflict.name());
                conflict.claimants().forEach(c -> output.line(String.format("  %-30s %-45s %s", c.actorName(), c.id(), c.source())));
            }
            output.line(conflicts.size() + " names claimed by more than one actor");
        });
        return Sightline.OK;
    }
}
