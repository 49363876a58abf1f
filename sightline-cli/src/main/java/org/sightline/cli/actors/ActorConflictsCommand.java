package org.sightline.cli.actors;

import java.util.List;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.actors.ActorDirectory;
import org.sightline.intel.actors.Conflict;
import org.sightline.intel.actors.RefusedLink;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;

@Command(name = "conflicts", mixinStandardHelpOptions = true,
        description = "List names claimed by more than one actor (objects not linked as the same actor), with who claims them,"
                + " and the same-actor links not followed because they would make two entries of one source one actor.")
public final class ActorConflictsCommand extends KnowledgeCommand {
    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        ActorDirectory directory = new ActorDirectory(knowledge.store());
        List<Conflict> conflicts = directory.conflicts();
        List<RefusedLink> refused = directory.refusedLinks();
        output.answer(Map.of("conflicts", conflicts, "refused_links", refused), () -> {
            for (Conflict conflict : conflicts) {
                output.line(conflict.name());
                conflict.claimants().forEach(c -> output.line(String.format("  %-30s %-7s %-45s %s", c.actorName(),
                        c.externalId() == null ? "" : c.externalId(), c.id(), c.source())));
            }
            output.line(conflicts.size() + " names claimed by more than one actor");
            if (!refused.isEmpty()) {
                output.line("");
                output.line("links not followed, as they would make two entries of one source one actor:");
                refused.forEach(r -> output.line("  " + r.from() + "  ~  " + r.to() + "  (" + r.reason() + ")"));
            }
        });
        return Sightline.OK;
    }
}
