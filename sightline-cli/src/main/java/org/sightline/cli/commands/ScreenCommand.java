package org.sightline.cli.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.intel.screening.Screening;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Screen a person's or company's name against the sanctions lists in the store (import OFAC's SDN CSV folder "
                + "first): matches at or above the threshold, best first, each with its score and the reasons for it.")
public final class ScreenCommand extends KnowledgeCommand {
    @Parameters(paramLabel = "NAME", arity = "1..*", description = "The name, in any order or spelling (\"Zhang Shilong\", \"ZHANG Shi-long\").")
    List<String> name;

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
        String kind = type == null ? null : switch (type.toLowerCase(Locale.ROOT)) {
            case "person", "individual" -> "individual";
            case "organization", "organisation", "company" -> "organization";
            default -> throw new InvalidInputException("--type must be person or organization, not '" + type + "'");
        };
        Screening screening = Screening.of(knowledge.store());
        if (screening.entries() == 0) {
            throw new InvalidInputException("no sanctions list is loaded: import OFAC's SDN CSV folder first (sightline import FOLDER)");
        }
        String query = String.join(" ", name);
        List<Screening.Match> matches = screening.screen(new Screening.Query(query, kind, country, birthDate, identifier), threshold);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("query", query);
        document.put("entries_screened", screening.entries());
        document.put("matches", matches);
        output.answer(document, () -> {
            if (matches.isEmpty()) {
                output.line("no match at or above " + threshold + " among " + screening.entries() + " list entries");
            }
            for (Screening.Match match : matches) {
                output.line(String.format(Locale.ROOT, "%.3f  %s  (%s, %s)  %s", match.score(), match.name(), match.list(), match.kind(), match.id()));
                match.reasons().forEach(reason -> output.line("       " + reason));
            }
        });
        return Sightline.OK;
    }
}
