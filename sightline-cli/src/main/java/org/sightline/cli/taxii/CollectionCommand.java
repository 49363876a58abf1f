package org.sightline.cli.taxii;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.cli.CommandGroup;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.NotFoundException;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.collections.CollectionFilter;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.tokens.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "collection", mixinStandardHelpOptions = true,
        description = "TAXII collections: saved views of the store that the server shares at /taxii2/api/collections/.",
        subcommands = {CollectionCommand.Create.class, CollectionCommand.ListCollections.class, CollectionCommand.Remove.class})
public final class CollectionCommand extends CommandGroup {
    static Map<String, Object> describe(TaxiiCollection collection) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("id", collection.id());
        described.put("title", collection.title());
        described.put("filter", collection.filter().toString());
        described.put("can_read", collection.readRole().label());
        described.put("can_write", collection.writeRole() == null ? "nobody" : collection.writeRole().label());
        if (collection.description() != null) {
            described.put("description", collection.description());
        }
        return described;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a collection.")
    public static final class Create extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Parameters(paramLabel = "TITLE")
        String title;

        @Option(names = "--filter", paramLabel = "KEY=VALUE",
                description = "What the collection shows: type=indicator,malware  tlp=amber (the most restrictive marking shown)"
                        + "  created-by=identity--…; repeat or join with ';'. Default: everything.")
        List<String> filter = List.of();

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--read", defaultValue = "reader", paramLabel = "reader|analyst|admin",
                description = "The least role that may read it (default reader).")
        String readRole;

        @Option(names = "--write", defaultValue = "analyst", paramLabel = "reader|analyst|admin|nobody",
                description = "The least role that may add objects to it, or nobody (default analyst).")
        String writeRole;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            TaxiiCollection created = knowledge.collections().create(title, description, CollectionFilter.parse(filter),
                    Role.parse(readRole), writeRole.equalsIgnoreCase("nobody") ? null : Role.parse(writeRole));
            output.answer(describe(created), () -> output.line(created.id() + "  " + created.title()
                    + "  (" + (created.filter().toString().isEmpty() ? "everything" : created.filter()) + ")"));
            return Sightline.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every collection with its filter and roles.")
    public static final class ListCollections extends KnowledgeCommand {
        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            List<TaxiiCollection> collections = knowledge.collections().list();
            output.answer(Map.of("collections", collections.stream().map(CollectionCommand::describe).toList()),
                    () -> collections.forEach(c -> output.line(String.format("%-36s  %-24s read:%-8s write:%-8s %s", c.id(), c.title(),
                            c.readRole().label(), c.writeRole() == null ? "nobody" : c.writeRole().label(),
                            c.filter().toString().isEmpty() ? "everything" : c.filter()))));
            return Sightline.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a collection (the objects stay in the store).")
    public static final class Remove extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Parameters(paramLabel = "ID|TITLE")
        String id;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            TaxiiCollection collection = knowledge.collections().find(id)
                    .orElseThrow(() -> new NotFoundException("no collection '" + id + "' (see sightline collection list)"));
            knowledge.collections().remove(collection.id());
            output.answer(Map.of("removed", collection.id()), () -> output.line("removed " + collection.id() + " " + collection.title()));
            return Sightline.OK;
        }
    }
}
