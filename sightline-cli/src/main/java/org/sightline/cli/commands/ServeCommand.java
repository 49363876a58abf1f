package org.sightline.cli.commands;

import java.util.concurrent.CountDownLatch;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.actors.ActorDirectory;
import org.sightline.server.App;
import org.sightline.server.ServerOptions;
import org.sightline.store.KnowledgeBase;
import org.sightline.cli.ListenOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP server: /health, /api/v1/stats, /api/v1/objects/{id}, /api/v1/search, /api/v1/actors.")
public final class ServeCommand extends KnowledgeCommand {
    @Mixin
    ListenOptions listen;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        return serve(knowledge, output, listen.serverOptions());
    }

    /** Runs the server until the process is stopped (Ctrl-C). */
    public static int serve(KnowledgeBase knowledge, Output output, ServerOptions options) {
        CountDownLatch stopped = new CountDownLatch(1);
        try (App app = new App(knowledge, new ActorDirectory(knowledge.store())).start(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sightline-shutdown"));
            String url = "http://" + options.bind() + ":" + app.port();
            output.answer(java.util.Map.of("url", url, "store", knowledge.location().safeUrl()), () -> {
                output.line("Sightline is serving " + url + "  (store: " + knowledge.location().safeUrl() + ")");
                output.line("  try " + url + "/api/v1/actors?q=stone%20panda   Ctrl-C stops it");
            });
            output.out().flush();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Sightline.OK;
    }
}
