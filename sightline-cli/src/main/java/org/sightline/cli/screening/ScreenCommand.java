package org.sightline.cli.screening;

import java.util.List;
import java.util.Locale;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.intel.screening.Screening;
import org.sightline.intel.screening.ScreeningService;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "screen", mixinStandardHelpOptions = true,
        description = {"Screen a person's or company's name against the sanctions and indictment lists in the store (import OFAC's "
                + "SDN CSV folder or sdn.xml, or FollowTheMoney JSON lines, first): matches at or above the threshold, best first, "
                + "each with its score and the reasons for it.",
                "With --all, screen every person and organisation in the knowledge base (suppliers among them) instead."})
public final class ScreenCommand extends KnowledgeCommand {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "The name, in any order or spelling (\"Zhang Shilong\", \"ZHANG Shi-long\").")
    List<String> name;

    @Option(names = "--all", description = "Screen every person and organisation in the knowledge base, suppliers, and threat actors by each of their names.")
    boolean all;

    @Option(names = "--type", paramLabel = "person|organization", description = "Only list entries of this kind.")
    String type;

    @Option(names = "--country", paramLabel = "CC", description = "The country the name is tied to (ISO code): agreement raises the score, disagreement lowers it.")
    String country;

    @Option(names = "--birth-date", paramLabel = "DATE", description = "Birth date or year: agreement raises the score, disagreement lowers it.")
    String birthDate;

    @Option(names = "--identifier", paramLabel = "ID", description = "A passport, national id or registration number: found among the entry's identifiers it raises the score, absent it lowers it a little.")
    String identifier;

    @Option(names = "--threshold", defaultValue = "0.8", paramLabel = "0..1", description = "Least score shown (default 0.8).")
    double threshold;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        ScreeningService service = new ScreeningService(knowledge.store());
        if (all) {
            if (name != null && !name.isEmpty()) {
                throw new InvalidInputException("give a NAME or --all, not both");
            }
            ScreeningService.KnowledgeResult result = service.screenAll(threshold);
            output.answer(result, () -> {
                output.line(String.format(Locale.ROOT, "%d of %d identities and threat actors match a list entry at or above %s (%d entries: %s)",
                        result.flagged().size(), result.screened(), threshold, result.entriesScreened(), result.lists()));
                for (ScreeningService.Flagged flagged : result.flagged()) {
                    output.line("");
                    output.line(flagged.name() + "  (" + (flagged.kind() == null ? "identity" : flagged.kind()) + ")  " + flagged.id());
                    flagged.matches().forEach(match -> print(output, match));
                }
            });
            return Sightline.OK;
        }
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException("give the NAME to screen, or --all for every person and organisation in the knowledge base");
        }
        String query = String.join(" ", name);
        ScreeningService.NameResult result = service.screen(
                new Screening.Query(query, ScreeningService.kind(type), country, birthDate, identifier), threshold);
        output.answer(result, () -> {
            if (result.matches().isEmpty()) {
                output.line("no match at or above " + threshold + " among " + result.entriesScreened() + " list entries " + result.lists());
            }
            result.matches().forEach(match -> print(output, match));
        });
        return Sightline.OK;
    }

    private static void print(Output output, Screening.Match match) {
        output.line(String.format(Locale.ROOT, "%.3f  %s  (%s, %s%s%s)  %s", match.score(), match.name(), match.list(), match.kind(),
                match.countries().isEmpty() ? "" : ", " + String.join("/", match.countries()),
                match.programs().isEmpty() ? "" : "; " + String.join(", ", match.programs()), match.id()));
        match.reasons().forEach(reason -> output.line("       " + reason));
    }
}
