package org.sightline.cli;

import java.util.concurrent.Callable;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A command that works on the knowledge base named by the global options. */
public abstract class KnowledgeCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    protected GlobalOptions global() {
        return ((Sightline) spec.root().userObject()).global;
    }

    protected Output output() {
        return ((Sightline) spec.root().userObject()).output();
    }

    @Override
    public final Integer call() {
        Output output = output();
        try (KnowledgeBase knowledge = KnowledgeBase.open(global().location())) {
            return run(knowledge, output);
        }
    }

    protected abstract int run(KnowledgeBase knowledge, Output output);
}
