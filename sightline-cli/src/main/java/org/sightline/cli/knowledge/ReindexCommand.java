package org.sightline.cli.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.ConflictException;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.search.FullTextIndex;
import picocli.CommandLine.Command;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild every derived index (current versions, names and aliases, relationship edges, "
                + "markings, external ids, full-text search) from the stored objects.")
public final class ReindexCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        long start = System.nanoTime();
        knowledge.store().rebuildDerivedIndexes();
        FullTextIndex.SyncResult text = knowledge.index().rebuild(knowledge.store());
        if (text.deferred()) {
            throw new ConflictException("the store's indexes were rebuilt, but the full-text index is held by a running "
                    + "Sightline server; stop it and run 'sightline reindex' again to rebuild the search index");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> document = new LinkedHashMap<>();
        long objects = knowledge.store().stats().objects();
        document.put("objects", objects);
        document.put("indexed", text.indexed());
        document.put("seconds", Math.round(seconds * 1000) / 1000.0);
        // Relationships and other nameless objects are not searchable, so the two counts differ.
        output.answer(document, () -> output.line(String.format(
                "rebuilt indexes over %,d objects (%,d of them searchable by text) in %.1f s", objects, text.indexed(), seconds)));
        return Sightline.OK;
    }
}
