package org.sightline.cli.knowledge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.search.SearchHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Full-text search over names, aliases, external ids and descriptions; every word must match.")
public final class SearchCommand extends KnowledgeCommand {
    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Words to look for.")
    List<String> words;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only objects of this type (repeatable).")
    List<String> types = List.of();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N results (default 20).")
    int limit;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("--limit must be between 1 and 1000, got " + limit);
        }
        String text = String.join(" ", words);
        List<SearchHit> hits = knowledge.search(text, new LinkedHashSet<>(types), limit);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("query", text);
        document.put("hits", hits);
        output.answer(document, () -> {
            if (hits.isEmpty()) {
                output.line("no match for '" + text + "'");
            }
            hits.forEach(hit -> output.line(String.format("%6.2f  %-16s %-40s %s", hit.score(), hit.type(),
                    hit.name() == null ? "" : hit.name(), hit.id())));
        });
        return Sightline.OK;
    }
}
