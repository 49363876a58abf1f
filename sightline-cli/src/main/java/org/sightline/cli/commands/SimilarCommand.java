package org.sightline.cli.commands;

import java.util.List;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.similarity.SimilarityModel;
import org.sightline.intel.similarity.SimilarityService;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "similar", mixinStandardHelpOptions = true,
        description = {"Rank known intrusion sets by how well observed ATT&CK techniques and software match their behaviour, "
                + "with the shared, telling (rare) and unexplained items. See docs/attribution.md."})
public final class SimilarCommand extends KnowledgeCommand {
    @Option(names = "--techniques", split = ",", paramLabel = "T1566.001,…", description = "Observed technique ids.")
    List<String> techniques = List.of();

    @Option(names = "--software", split = ",", paramLabel = "S0002,…", description = "Observed software ids.")
    List<String> software = List.of();

    @Option(names = "--top", defaultValue = "10", description = "How many groups to list (default 10).")
    int top;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        SimilarityService.Answer answer = new SimilarityService(knowledge.store()).similar(techniques, software, top);
        output.answer(answer, () -> {
            int rank = 1;
            for (SimilarityModel.Ranked group : answer.ranking()) {
                output.line(String.format("%2d. %-28s %-6s %7.3f  shared %s%s", rank++, group.name(), group.externalId(),
                        group.score(), group.shared(), group.distinctive().isEmpty() ? "" : "  telling " + group.distinctive()));
            }
            if (!answer.unknown().isEmpty()) {
                output.line("not in the catalogue: " + answer.unknown());
            }
        });
        return Sightline.OK;
    }
}
