package org.sightline.cli.claims;

import org.sightline.cli.CommandGroup;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.claims.Claim;
import org.sightline.intel.claims.ClaimBook;
import org.sightline.intel.claims.ClaimTopics;
import org.sightline.intel.claims.NamedObjects;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "claim", mixinStandardHelpOptions = true, description = "Record attribution claims.",
        subcommands = {ClaimCommand.Add.class})
public final class ClaimCommand extends CommandGroup {
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Record an open claim SOURCE TYPE TARGET, e.g. --source APT10 --type attributed-to "
                    + "--target \"MSS Tianjin State Security Bureau\".")
    public static final class Add extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Option(names = "--source", required = true, paramLabel = "ID|NAME")
        String source;

        @Option(names = "--type", required = true, paramLabel = "TYPE",
                description = "attributed-to, affiliated-with, employed-by, located-at, contracts-for or alias-of.")
        String type;

        @Option(names = "--target", required = true, paramLabel = "ID|NAME")
        String target;

        @picocli.CommandLine.Mixin
        org.sightline.cli.MarkingOption marking;

        @Option(names = "--prior", defaultValue = "0.5", paramLabel = "P",
                description = "How likely the claim is before any evidence (default 0.5).")
        double prior;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            String from = NamedObjects.resolve(knowledge.store(), source, "--source");
            String to = NamedObjects.resolve(knowledge.store(), target, "--target");
            Claim claim = new ClaimBook(knowledge.store(), marking.floor()).addClaim(from, type, to, prior, null);
            output.answer(ClaimTopics.row(claim), () -> output.line("recorded " + claim.id() + ": " + claim.source().name()
                    + " " + claim.type() + " " + claim.target().name() + " (open, prior " + claim.prior() + ")"));
            return Sightline.OK;
        }
    }
}
