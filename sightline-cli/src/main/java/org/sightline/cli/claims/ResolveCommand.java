package org.sightline.cli.claims;

import java.util.List;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.claims.Claim;
import org.sightline.intel.claims.ClaimBook;
import org.sightline.intel.claims.ClaimStatus;
import org.sightline.intel.claims.ClaimTopics;
import org.sightline.intel.claims.NamedObjects;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Record how a claim was settled: confirmed or refuted, by which source, on which date. "
                + "Every source whose evidence bore on it gains or loses track record from that date on.")
public final class ResolveCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    @Parameters(paramLabel = "CLAIM")
    String claim;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Outcome outcome;

    static final class Outcome {
        @Option(names = "--confirmed", required = true) boolean confirmed;
        @Option(names = "--refuted", required = true) boolean refuted;
    }

    @Option(names = "--by", required = true, paramLabel = "SOURCE", description = "Who settled it, e.g. \"US Department of Justice\".")
    String by;

    @Option(names = "--on", required = true, paramLabel = "DATE")
    String on;

    @Option(names = "--evidence", paramLabel = "ID", description = "The evidence item that settles it (repeatable).")
    List<String> evidence = List.of();

    @picocli.CommandLine.Mixin
    org.sightline.cli.MarkingOption marking;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        String source = NamedObjects.resolve(knowledge.store(), by, "--by");
        Claim settled = new ClaimBook(knowledge.store(), marking.floor()).resolve(claim, outcome.confirmed ? ClaimStatus.CONFIRMED : ClaimStatus.REFUTED,
                source, StixTimestamp.parseUserDate(on, "--on"), evidence);
        output.answer(ClaimTopics.row(settled), () -> output.line(settled.id() + " " + settled.status().label() + " on "
                + settled.resolvedOn().substring(0, 10) + " by " + by));
        return Sightline.OK;
    }
}
