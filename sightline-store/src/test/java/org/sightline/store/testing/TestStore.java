package org.sightline.store.testing;

import org.sightline.store.KnowledgeBase;
import org.sightline.store.StixStore;

/** A knowledge base made for one test, removed with everything in it when closed. */
public final class TestStore implements AutoCloseable {
    private final KnowledgeBase knowledge;
    private final Runnable cleanup;

    TestStore(KnowledgeBase knowledge, Runnable cleanup) {
        this.knowledge = knowledge;
        this.cleanup = cleanup;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    public StixStore store() {
        return knowledge.store();
    }

    @Override
    public void close() {
        try {
            knowledge.close();
        } finally {
            cleanup.run();
        }
    }
}
