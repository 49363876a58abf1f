package org.sightline.cli.admin;

import java.util.List;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.tokens.AuditEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit log: every request to the server, allowed or refused, with the token's id and role, "
                + "what was asked, the status and the caller's address; and every command that changed the store or took "
                + "knowledge out of it, with the local user, the command line (secrets masked) and its exit code.")
public final class AuditCommand extends KnowledgeCommand {
    @Option(names = "--since", paramLabel = "DATE", description = "Only entries from then on.")
    String since;

    @Option(names = "--limit", defaultValue = "1000", paramLabel = "N", description = "The latest N entries at most (default 1000).")
    int limit;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        String from = since == null ? null : StixTimestamp.format(StixTimestamp.parseUserDate(since, "--since"));
        List<AuditEntry> entries = knowledge.audit().since(from, Math.max(1, limit));
        output.answer(Map.of("entries", entries), () -> entries.forEach(e -> output.line(String.format("%s  %-15s %-8s %-6s %3d  %s  %s",
                e.at(), e.remote(), e.role() == null ? "-" : e.role(), e.method(), e.status(), e.path(),
                e.tokenId() != null ? e.tokenId() : "cli".equals(e.role()) ? "(command line)" : "(no valid token)"))));
        return Sightline.OK;
    }
}
