package org.sightline.cli;

import java.util.concurrent.Callable;
import org.sightline.intel.actors.ActorLinker;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
    public Integer call() {
        return inKnowledgeBase(this::run);
    }

    /** The store's work, as run(knowledge, output) does it. */
    @FunctionalInterface
    protected interface StoreWork {
        int run(KnowledgeBase knowledge, Output output);
    }

    /**
     * Opens the knowledge base for {@code work} and closes it after, recording the command in the
     * audit log when it is {@link Audited}. A command that needs the store only for some of its
     * options (match reads files unless told --from-store or --store) overrides call() and comes here
     * only then: opening the store is most of the start-up time of a command that does not use it.
     */
    protected final int inKnowledgeBase(StoreWork work) {
        Output output = output();
        try (KnowledgeBase knowledge = KnowledgeBase.open(global().location())) {
            ActorLinker.linkOnWrite(knowledge.intake());
            int exit = Sightline.FAILED;
            try {
                exit = work.run(knowledge, output);
                return exit;
            } finally {
                if (this instanceof Audited) {
                    knowledge.audit().record(null, "cli", "CLI", commandLine(), exit, "local:" + System.getProperty("user.name"));
                }
            }
        }
    }

    /** The command as typed, with the value of every secret-bearing option and anything that looks like a token masked. */
    private String commandLine() {
        java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of("sightline"));
        boolean secretNext = false;
        for (String arg : spec.commandLine().getParseResult() == null ? java.util.List.<String>of()
                : spec.root().commandLine().getParseResult().originalArgs()) {
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean secretOption = SECRET_OPTIONS.contains(option);
            if (secretNext || arg.startsWith("sl_")) {
                words.add("***");
            } else if (secretOption && arg.contains("=")) {
                words.add(option + "=***");
            } else {
                words.add(arg);
            }
            secretNext = secretOption && !arg.contains("=");
        }
        String line = String.join(" ", words);
        return line.length() > 2000 ? line.substring(0, 2000) + "…" : line;
    }

    private static final java.util.Set<String> SECRET_OPTIONS = java.util.Set.of("--password", "--token", "--db-password");

    protected abstract int run(KnowledgeBase knowledge, Output output);
}
