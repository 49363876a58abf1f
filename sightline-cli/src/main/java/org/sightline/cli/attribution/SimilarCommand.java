package org.sightline.cli.attribution;

import java.util.List;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.OutputFile;
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

    @Option(names = "--navigator-layer", paramLabel = "FILE",
            description = "Also write the top groups' techniques as an ATT&CK Navigator layer, scores as colours.")
    java.nio.file.Path navigatorLayer;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        SimilarityService service = new SimilarityService(knowledge.store());
        SimilarityService.Answer answer = service.similar(techniques, software, top);
        if (navigatorLayer != null) {
            OutputFile.write(navigatorLayer, org.sightline.stix.json.StixJson.writePretty(org.sightline.intel.navigator.NavigatorLayer
                    .ofRanking(answer.ranking(), service.techniquesOfGroups(), techniques)));
            output.note("wrote the ATT&CK Navigator layer to " + navigatorLayer);
        }
        output.answer(answer, () -> {
            int rank = 1;
            for (SimilarityModel.Ranked group : answer.ranking()) {
                output.line(String.format("%2d. %-28s %-6s %5.1f%%  shared %s%s", rank++, group.name(), group.externalId(),
                        100 * group.score(), group.shared(), group.distinctive().isEmpty() ? "" : "  telling " + group.distinctive()));
            }
            if (!answer.unknown().isEmpty()) {
                output.line("not in the catalogue: " + answer.unknown());
            }
        });
        return Sightline.OK;
    }
}
