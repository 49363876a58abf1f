package org.sightline.cli.actors;

import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.actors.ActorLinker;
import org.sightline.stix.StixObject;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Record an analyst's assertion that two actor objects are the same actor (reversible with 'actor unlink').")
public final class ActorLinkCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    @Parameters(index = "0", paramLabel = "ID_A", description = "An intrusion set, threat actor or campaign id.")
    String a;

    @Parameters(index = "1", paramLabel = "ID_B", description = "The other one.")
    String b;

    @Option(names = "--by", defaultValue = "an analyst", description = "Who asserts it (recorded in the link).")
    String analyst;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        StixObject link = new ActorLinker(knowledge.store()).link(a, b, analyst);
        output.answer(Map.of("link", link.id()), () -> output.line("linked " + a + " and " + b + " as " + link.id()));
        return Sightline.OK;
    }
}
