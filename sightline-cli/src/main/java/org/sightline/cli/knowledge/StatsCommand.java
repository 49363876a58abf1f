package org.sightline.cli.knowledge;

import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StixStore.StoreStats;
import picocli.CommandLine.Command;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Objects by type, versions and relationships in the knowledge store.")
public final class StatsCommand extends KnowledgeCommand {
    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        StoreStats stats = knowledge.store().stats();
        output.answer(stats, () -> {
            output.line(String.format("%,d objects (%,d versions), %,d relationships, %,d revoked",
                    stats.objects(), stats.versions(), stats.relationships(), stats.revoked()));
            stats.objectsByType().forEach((type, count) -> output.line(String.format("  %-28s %,d", type, count)));
            output.line("store: " + knowledge.location().safeUrl());
        });
        return Sightline.OK;
    }
}
