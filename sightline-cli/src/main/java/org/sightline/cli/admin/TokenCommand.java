package org.sightline.cli.admin;

import java.util.Map;
import org.sightline.cli.CommandGroup;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.NotFoundException;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.tokens.Role;
import org.sightline.store.tokens.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "API tokens for the HTTP server: reader (read), analyst (also write knowledge), admin (also manage). "
                + "Running this needs access to the store itself, which is the administrator's.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand extends CommandGroup {
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; its secret is shown once and stored only as a hash.")
    public static final class Create extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Option(names = "--role", required = true, paramLabel = "reader|analyst|admin")
        String role;

        @Option(names = "--clearance", defaultValue = "green", paramLabel = "TLP",
                description = "The highest TLP level it may see: clear, green, amber, amber+strict, red (default green).")
        String clearance;

        @Option(names = "--name", paramLabel = "TEXT", description = "Who or what it is for.")
        String name;

        @Option(names = "--collections", split = ",", paramLabel = "ID|TITLE",
                description = "Limit the token to these TAXII collections (default: every collection its role allows).")
        java.util.List<String> collections = java.util.List.of();

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            java.util.List<String> ids = collections.stream().map(c -> knowledge.collections().find(c)
                    .orElseThrow(() -> new NotFoundException("no collection '" + c + "' (see sightline collection list)")).id())
                    .toList();
            TokenStore.Issued issued = knowledge.tokens().create(name, Role.parse(role), clearance, ids);
            output.answer(Map.of("token", issued.secret(), "id", issued.token().id(), "role", issued.token().role().label(),
                    "clearance", issued.token().clearance(), "collections", ids), () -> {
                        output.line(issued.secret());
                        output.err().println("token " + issued.token().id() + " (" + issued.token().role().label() + ", clearance "
                                + issued.token().clearance() + "); the secret above is shown only now");
                    });
            return Sightline.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every token, without its secret.")
    public static final class ListTokens extends KnowledgeCommand {
        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            var tokens = knowledge.tokens().list();
            output.answer(Map.of("tokens", tokens), () -> tokens.forEach(t -> output.line(String.format("%-44s %-8s %-13s %s%s",
                    t.id(), t.role().label(), t.clearance(), t.name(), t.revokedAt() == null ? "" : "  (revoked " + t.revokedAt() + ")"))));
            return Sightline.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id; it stops working at once.")
    public static final class Revoke extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            if (!knowledge.tokens().revoke(id)) {
                throw new NotFoundException("no valid token " + id + " (see sightline token list)");
            }
            output.answer(Map.of("revoked", id), () -> output.line("revoked " + id));
            return Sightline.OK;
        }
    }

}
