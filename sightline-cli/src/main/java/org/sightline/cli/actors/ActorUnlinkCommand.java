package org.sightline.cli.actors;

import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.actors.ActorLinker;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unlink", mixinStandardHelpOptions = true,
        description = "Undo every same-actor link between two objects (the links are revoked, so history keeps them).")
public final class ActorUnlinkCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    @Parameters(index = "0", paramLabel = "ID_A")
    String a;

    @Parameters(index = "1", paramLabel = "ID_B")
    String b;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        int revoked = new ActorLinker(knowledge.store()).unlink(a, b);
        output.answer(Map.of("revoked", revoked), () -> output.line("revoked " + revoked + " link(s) between " + a + " and " + b));
        return Sightline.OK;
    }
}
