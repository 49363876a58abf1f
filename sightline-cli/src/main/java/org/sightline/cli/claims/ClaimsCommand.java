package org.sightline.cli.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.claims.Claim;
import org.sightline.intel.claims.ClaimBook;
import org.sightline.intel.claims.ClaimStatus;
import org.sightline.intel.claims.ClaimTopics;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "claims", mixinStandardHelpOptions = true,
        description = "List attribution claims with their two ends, type and status; --about narrows to an actor "
                + "(any of its names, with every object linked to it) or any named object.")
public final class ClaimsCommand extends KnowledgeCommand {
    @Option(names = "--about", paramLabel = "NAME|ID")
    String about;

    @Option(names = "--status", paramLabel = "open|confirmed|refuted")
    String status;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        ClaimStatus wanted = status == null ? null : ClaimStatus.parse(status);
        List<String> ends = about == null ? null : ClaimTopics.idsAbout(knowledge.store(), about, "--about");
        List<Claim> claims = new ClaimBook(knowledge.store()).claims(ends, wanted);
        List<Map<String, Object>> rows = new ArrayList<>();
        claims.forEach(claim -> rows.add(ClaimTopics.row(claim)));
        output.answer(Map.of("claims", rows), () -> {
            claims.forEach(claim -> output.line(String.format("%-9s %s %s %s%n          %s", claim.status().label(),
                    claim.source().name(), claim.type(), claim.target().name(), claim.id())));
            output.line(claims.size() + " claims");
        });
        return Sightline.OK;
    }
}
