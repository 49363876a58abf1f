package org.sightline.cli.claims;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.attribution.Assessment;
import org.sightline.intel.claims.ClaimAssessor;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"How sure anyone could be of a claim as of a date: probability, STIX confidence, ICD 203 words, "
                + "and what each origin of evidence did, largest first. See docs/attribution.md.",
                "--history prints the confidence at every date the evidence or a source's record changed."})
public final class AssessCommand extends KnowledgeCommand {
    @Parameters(paramLabel = "CLAIM", description = "The claim's id (see 'sightline claims').")
    String claim;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Only what was knowable then (default: now).")
    String asOf;

    @Option(names = "--history", description = "The confidence-over-time curve instead of one assessment.")
    boolean history;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        ClaimAssessor assessor = new ClaimAssessor(knowledge.store());
        Instant at = StixTimestamp.parseUserDateOrNow(asOf, "--as-of");
        if (history) {
            List<ClaimAssessor.HistoryPoint> points = assessor.history(claim, at);
            output.answer(Map.of("claim", claim, "history", points), () -> points.forEach(point -> {
                output.line(String.format("%s  %5.1f%%  %-22s %s", point.asOf().substring(0, 10), 100 * point.probability(),
                        point.wep(), String.join("; ", point.changes())));
            }));
            return Sightline.OK;
        }
        Assessment assessment = assessor.assess(claim, at);
        output.answer(assessment, () -> {
            output.line(String.format("%s as of %s: %s (%.1f%%, STIX confidence %d)", assessment.claim(),
                    assessment.asOf().substring(0, 10), assessment.wep(), 100 * assessment.probability(), assessment.confidence()));
            assessment.contributions().forEach(c -> output.line(String.format("  %+5.2f  %s", c.effect(), c.reason())));
            if (assessment.contributions().isEmpty()) {
                output.line("  no evidence knowable by then: the claim stands at its prior");
            }
        });
        return Sightline.OK;
    }
}
