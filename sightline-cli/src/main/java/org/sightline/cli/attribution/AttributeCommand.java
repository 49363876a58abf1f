package org.sightline.cli.attribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.intel.intrusion.Attribution;
import org.sightline.intel.intrusion.AttributionService;
import org.sightline.intel.intrusion.Factor;
import org.sightline.intel.intrusion.IndicatorValues;
import org.sightline.intel.intrusion.Intrusion;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixReader;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "attribute", mixinStandardHelpOptions = true,
        description = {"Rank the actors behind an intrusion from everything it shows: techniques and software, when it happened, "
                + "the sectors and countries hit, indicators shared with known activity, and what sources claim. Give a campaign, "
                + "report or grouping in the store (id or name), or describe the intrusion with the options. See docs/attribution.md."})
public final class AttributeCommand extends KnowledgeCommand {
    @Parameters(arity = "0..*", paramLabel = "INTRUSION", description = "A campaign, report or grouping: its id or name.")
    List<String> intrusion = List.of();

    @Option(names = "--techniques", split = ",", paramLabel = "T1566.001,…", description = "Observed technique ids.")
    List<String> techniques = List.of();

    @Option(names = "--software", split = ",", paramLabel = "S0002,…", description = "Observed software ids.")
    List<String> software = List.of();

    @Option(names = "--sectors", split = ",", paramLabel = "SECTOR,…", description = "Sectors hit (STIX industry-sector-ov, e.g. technology).")
    List<String> sectors = List.of();

    @Option(names = "--countries", split = ",", paramLabel = "CC,…", description = "Countries hit (ISO 3166-1 alpha-2 or names).")
    List<String> countries = List.of();

    @Option(names = "--from", paramLabel = "DATE", description = "When it started (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "When it ended (YYYY-MM-DD).")
    String to;

    @Option(names = "--indicators", paramLabel = "FILE",
            description = "Indicators it left: a STIX bundle (its indicators' patterns) or one value or pattern per line.")
    Path indicators;

    @Option(names = "--top", defaultValue = "10", description = "How many actors to list (default 10).")
    int top;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        AttributionService service = new AttributionService(knowledge.store());
        Attribution attribution;
        if (!intrusion.isEmpty()) {
            attribution = service.attribute(String.join(" ", intrusion), top);
        } else {
            attribution = service.attribute(new Intrusion(null, "the intrusion described", techniques, software, sectors, countries,
                    date("--from", from), date("--to", to), indicatorValues(), List.of()), top);
        }
        output.answer(attribution, () -> print(attribution, output));
        return Sightline.OK;
    }

    private static void print(Attribution attribution, Output output) {
        output.line("Who is behind " + attribution.intrusion() + " (weighed: " + String.join(", ", attribution.factorsGiven()) + "):");
        int rank = 1;
        for (Attribution.Candidate candidate : attribution.candidates()) {
            output.line(String.format("%2d. %-28s %-6s %5.1f%%  %s", rank++, candidate.name(),
                    candidate.externalId() == null ? "" : candidate.externalId(), 100 * candidate.probability(), candidate.words()));
            for (Factor factor : candidate.factors()) {
                if (factor.used()) {
                    output.line(String.format("      %-14s %+6.2f  %s", factor.name(), factor.weight(), factor.reason()));
                } else if (attribution.factorsGiven().contains(factor.name())) {
                    output.line(String.format("      %-14s  unused  %s", factor.name(), factor.reason()));
                }
            }
        }
        if (!attribution.unknown().isEmpty()) {
            output.line("not in the catalogue: " + attribution.unknown());
        }
    }

    private static LocalDate date(String option, String value) {
        return StixTimestamp.parseUserDay(value, option);
    }

    private List<String> indicatorValues() {
        if (indicators == null) {
            return List.of();
        }
        if (!Files.isRegularFile(indicators)) {
            throw new InvalidInputException("--indicators: no file " + indicators);
        }
        List<String> values = new ArrayList<>();
        try {
            String head = Files.readString(indicators).stripLeading();
            if (head.startsWith("{") || head.startsWith("[{")) {
                StixReader.read(indicators, (object, index, line) -> {
                    if ("indicator".equals(object.path("type").asText()) && object.hasNonNull("pattern")) {
                        values.addAll(IndicatorValues.of(object.path("pattern").asText()));
                    }
                });
            } else {
                for (String line : head.split("\\R")) {
                    if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                        values.addAll(IndicatorValues.of(line));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + indicators + ": " + e.getMessage(), e);
        }
        return values;
    }
}
