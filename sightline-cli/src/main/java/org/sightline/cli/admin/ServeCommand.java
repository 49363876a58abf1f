package org.sightline.cli.admin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.ListenOptions;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.hunt.HuntAfterImport;
import org.sightline.ingest.hunt.IndicatorHunt;
import org.sightline.ingest.hunt.LogArchive;
import org.sightline.server.App;
import org.sightline.server.ServerOptions;
import org.sightline.server.auth.SignInLinks;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.tokens.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP server: /health, /api/v1/stats, /api/v1/objects/{id}, /api/v1/search, /api/v1/actors.")
public final class ServeCommand extends KnowledgeCommand {
    @Mixin
    ListenOptions listen;

    @Option(names = "--hunt-on-import", description = "After each import (upload, TAXII, MISP, API), hunt the new indicators over the "
            + "logs 'match --keep' kept (and the --hunt-logs folders), recording what they find as retrospective sightings.")
    boolean huntOnImport;

    @Option(names = "--hunt-logs", paramLabel = "DIR", description = "With --hunt-on-import: a folder of Zeek or EVE logs to hunt too (repeatable).")
    List<Path> huntFolders = List.of();

    @Option(names = "--hunt-every", defaultValue = "10", paramLabel = "SECONDS",
            description = "With --hunt-on-import: how often to look for new indicators (default 10).")
    int huntEvery;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        if (!huntOnImport) {
            if (!huntFolders.isEmpty()) {
                throw new InvalidInputException("--hunt-logs goes with --hunt-on-import");
            }
            return serve(knowledge, output, listen.serverOptions(), false);
        }
        if (huntEvery < 1) {
            throw new InvalidInputException("--hunt-every is 1 second or more, got " + huntEvery);
        }
        huntFolders.forEach(LogArchive::folder); // a folder that is not there is said now, not at the first hunt
        LogArchive archive = LogArchive.of(knowledge.location().dataDir());
        try (HuntAfterImport hunting = HuntAfterImport.start(new IndicatorHunt(knowledge.intake(), archive), archive,
                knowledge.store(), huntFolders, Duration.ofSeconds(huntEvery), Runtime.getRuntime().availableProcessors())) {
            output.note("hunting new indicators over the logs in " + archive.root() + (huntFolders.isEmpty() ? "" : " and " + huntFolders)
                    + " after each import");
            return serve(knowledge, output, listen.serverOptions(), false);
        }
    }

    /**
     * Runs the server until the process is stopped (Ctrl-C); with {@code signInLink}, the last line
     * printed is a one-time link that opens the web interface signed in.
     */
    public static int serve(KnowledgeBase knowledge, Output output, ServerOptions options, boolean signInLink) {
        CountDownLatch stopped = new CountDownLatch(1);
        // A store nobody can call is no use: the first start creates an admin token and shows it, once.
        String firstToken = null;
        if (knowledge.tokens().list().stream().noneMatch(token -> token.revokedAt() == null)) {
            firstToken = knowledge.tokens().create("first admin", Role.ADMIN, "red").secret();
        }
        String shown = firstToken;
        try (App app = new App(knowledge).start(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sightline-shutdown"));
            String url = options.scheme() + "://" + options.bind() + ":" + app.port();
            java.util.Map<String, Object> document = new java.util.LinkedHashMap<>();
            document.put("url", url);
            document.put("store", knowledge.location().safeUrl());
            if (shown != null) {
                document.put("admin_token", shown);
            }
            String link = signInLink ? SignInLinks.link(options.baseUrl(app.port()), app.signInLinks().issue()) : null;
            if (link != null) {
                document.put("sign_in_link", link);
            }
            output.answer(document, () -> {
                output.line("Sightline is serving " + url + "  (store: " + knowledge.location().safeUrl() + ")");
                if (shown != null) {
                    output.line("  no tokens yet, so this one was made for you (admin, shown only now; keep it safe):");
                    output.line("    export SIGHTLINE_TOKEN=" + shown);
                    output.line("  more with: sightline token create --role reader|analyst|admin");
                }
                output.line("  try curl -H \"Authorization: Bearer $SIGHTLINE_TOKEN\" '" + url
                        + "/api/v1/actors?q=stone%20panda'   Ctrl-C stops it");
                output.line("  TAXII 2.1 at " + url + "/taxii2/ (sightline collection create NAME to share), API docs at " + url + "/api/docs");
                if (link != null) {
                    output.line("Open the web interface, signed in as admin (this link works once, for "
                            + SignInLinks.LIFETIME.toMinutes() + " minutes): " + link);
                }
            });
            output.out().flush();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Sightline.OK;
    }
}
