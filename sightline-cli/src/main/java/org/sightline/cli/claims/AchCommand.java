package org.sightline.cli.claims;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sightline.cli.CommandGroup;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.ach.AchAnalysis;
import org.sightline.intel.ach.AchBook;
import org.sightline.intel.ach.AchMatrix;
import org.sightline.intel.ach.Consistency;
import org.sightline.intel.claims.ClaimTopics;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ach", mixinStandardHelpOptions = true,
        description = "Analysis of competing hypotheses (Heuer): hypotheses x evidence with consistency ratings, ranked by "
                + "weighted inconsistency, with each evidence item's diagnosticity.",
        subcommands = {AchCommand.Create.class, AchCommand.Rate.class, AchCommand.Show.class, AchCommand.ListAll.class})
public final class AchCommand extends CommandGroup {
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Start an analysis: a question and at least two hypotheses.")
    public static final class Create extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Option(names = "--about", required = true, paramLabel = "NAME|ID", description = "What it is about, e.g. APT10.")
        String about;

        @Option(names = "--question", required = true, paramLabel = "TEXT")
        String question;

        @Option(names = "--hypothesis", required = true, paramLabel = "TEXT[=CLAIM]",
                description = "A hypothesis (repeat, at least two); TEXT=CLAIM_ID when it stands for a recorded claim.")
        List<String> hypotheses;

        @picocli.CommandLine.Mixin
        org.sightline.cli.MarkingOption marking;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            List<AchBook.NewHypothesis> stated = new ArrayList<>();
            for (String hypothesis : hypotheses) {
                int equals = hypothesis.lastIndexOf("=relationship--");
                stated.add(equals < 0 ? new AchBook.NewHypothesis(hypothesis.trim(), null)
                        : new AchBook.NewHypothesis(hypothesis.substring(0, equals).trim(), hypothesis.substring(equals + 1)));
            }
            String aboutId = ClaimTopics.idsAbout(knowledge.store(), about, "--about").get(0);
            AchMatrix matrix = new AchBook(knowledge.store(), marking.floor()).create(aboutId, question, stated);
            output.answer(matrix, () -> {
                output.line("recorded " + matrix.id() + ": " + matrix.question());
                matrix.hypotheses().forEach(h -> output.line("  " + h.key() + "  " + h.label()));
            });
            return Sightline.OK;
        }
    }

    @Command(name = "rate", mixinStandardHelpOptions = true,
            description = "Rate an evidence item against a hypothesis: CC, C, N, I or II (very consistent … very inconsistent).")
    public static final class Rate extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Parameters(index = "0", paramLabel = "ACH")
        String ach;

        @Option(names = "--evidence", required = true, paramLabel = "ID")
        String evidence;

        @Option(names = "--hypothesis", required = true, paramLabel = "H1|TEXT")
        String hypothesis;

        @Option(names = "--rating", required = true, paramLabel = "CC|C|N|I|II")
        String rating;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            AchMatrix matrix = new AchBook(knowledge.store()).rate(ach, evidence, hypothesis, Consistency.parse(rating));
            output.answer(matrix, () -> output.line("rated; " + matrix.ratings().size() + " ratings in " + matrix.id()));
            return Sightline.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "The matrix, the hypotheses ranked from least to most inconsistent, and each item's diagnosticity.")
    public static final class Show extends KnowledgeCommand {
        @Parameters(paramLabel = "ACH")
        String ach;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Only evidence knowable then (default: now).")
        String asOf;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            Instant at = StixTimestamp.parseUserDateOrNow(asOf, "--as-of");
            AchAnalysis.Result result = new AchBook(knowledge.store()).analyse(ach, at);
            output.answer(result, () -> print(result, output));
            return Sightline.OK;
        }

        private static void print(AchAnalysis.Result result, Output output) {
            output.line(result.question());
            output.line("hypotheses, least inconsistent first:");
            result.ranking().forEach(h -> output.line(String.format("  %-3s %6.2f  (%d inconsistent items)  %s", h.key(),
                    h.inconsistency(), h.inconsistentItems(), h.label())));
            StringBuilder header = new StringBuilder(String.format("%-48s %6s %5s", "evidence", "weight", "diag"));
            result.ranking().stream().map(AchAnalysis.Ranked::key).sorted().forEach(k -> header.append(String.format(" %3s", k)));
            output.line(header.toString());
            for (AchAnalysis.Row row : result.evidence()) {
                StringBuilder line = new StringBuilder(String.format("%-48.48s %6.2f %5.2f", row.title(), row.weight(), row.diagnosticity()));
                row.ratings().keySet().stream().sorted().forEach(k -> line.append(String.format(" %3s", row.ratings().get(k))));
                output.line(line.toString());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every analysis of competing hypotheses.")
    public static final class ListAll extends KnowledgeCommand {
        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            List<AchMatrix> all = new AchBook(knowledge.store()).all();
            output.answer(Map.of("analyses", all), () -> all.forEach(m -> output.line(m.id() + "  " + m.question()
                    + "  (" + m.hypotheses().size() + " hypotheses, " + m.ratings().size() + " ratings)")));
            return Sightline.OK;
        }
    }
}
