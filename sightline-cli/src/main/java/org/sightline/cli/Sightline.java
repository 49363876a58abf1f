package org.sightline.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import org.sightline.cli.actors.ActorCommand;
import org.sightline.cli.admin.ServeCommand;
import org.sightline.cli.attribution.AttributeCommand;
import org.sightline.cli.attribution.SimilarCommand;
import org.sightline.cli.bench.BenchCommand;
import org.sightline.cli.detection.MatchCommand;
import org.sightline.cli.knowledge.DemoCommand;
import org.sightline.cli.knowledge.ExportCommand;
import org.sightline.cli.knowledge.GetCommand;
import org.sightline.cli.knowledge.ImportCommand;
import org.sightline.cli.knowledge.ReindexCommand;
import org.sightline.cli.knowledge.SearchCommand;
import org.sightline.cli.knowledge.StatsCommand;
import org.sightline.cli.pattern.PatternCommand;
import org.sightline.error.InvalidInputException;
import org.sightline.error.SightlineException;
import org.sightline.stix.json.StixJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * The {@code sightline} command. Exit codes: 0 ok, 1 bad input or not found (or any failure to do
 * what was asked), 2 usage error.
 */
@Command(name = "sightline", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Threat intelligence for attribution and supply-chain exposure, STIX 2.1 native.")
public final class Sightline implements Runnable {
    /**
     * The subcommands, in the order the usage lists them. They are added when a command line is run,
     * not declared on the annotation: picocli reads every command's annotations when it is added,
     * which for all of them took 0.4 s, longer than the JVM's own start, so only the one asked for
     * is added (all of them for "help" and when none or an unknown one is named, for the usage and suggestions).
     */
    private static final List<Class<?>> COMMANDS = List.of(
            ImportCommand.class,
            ExportCommand.class,
            org.sightline.cli.detection.ExportSensorCommand.class,
            GetCommand.class,
            SearchCommand.class,
            StatsCommand.class,
            ActorCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            ReindexCommand.class,
            PatternCommand.class,
            MatchCommand.class,
            org.sightline.cli.detection.HuntCommand.class,
            org.sightline.cli.detection.SightingCommand.class,
            SimilarCommand.class,
            AttributeCommand.class,
            org.sightline.cli.claims.ClaimsCommand.class,
            org.sightline.cli.claims.ClaimCommand.class,
            org.sightline.cli.claims.EvidenceCommand.class,
            org.sightline.cli.claims.AssessCommand.class,
            org.sightline.cli.claims.ResolveCommand.class,
            org.sightline.cli.claims.SourceCommand.class,
            org.sightline.cli.claims.AchCommand.class,
            org.sightline.cli.claims.DossierCommand.class,
            org.sightline.cli.exposure.SuppliersCommand.class,
            org.sightline.cli.exposure.ExposureCommand.class,
            org.sightline.cli.admin.TokenCommand.class,
            org.sightline.cli.admin.AuditCommand.class,
            org.sightline.cli.taxii.CollectionCommand.class,
            org.sightline.cli.screening.ScreenCommand.class,
            org.sightline.cli.taxii.TaxiiCommand.class,
            org.sightline.cli.knowledge.MispCommand.class,
            org.sightline.cli.stream.StreamCommand.class,
            org.sightline.cli.stream.IndicatorsCommand.class,
            org.sightline.cli.stream.EventsCommand.class,
            org.sightline.cli.stream.SightingsCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class);
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /** The store location the global options name. */
    public org.sightline.store.StoreLocation location() {
        return global.location();
    }

    /** The streams this invocation prints to (tests capture them), in the format --json chose. */
    public Output output() {
        return new Output(out, err, global.json());
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs a command line with the given streams; the exit code is returned, not exited with. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        Sightline root = new Sightline();
        root.out = out;
        root.err = err;
        CommandLine commandLine = new CommandLine(root);
        String asked = askedCommand(args);
        List<Class<?>> named = "help".equals(asked) ? List.of() : COMMANDS.stream().filter(command -> names(command).contains(asked)).toList();
        (named.isEmpty() ? COMMANDS : named).forEach(commandLine::addSubcommand);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, line, parseResult) -> report(e, line, out, err));
        commandLine.setParameterExceptionHandler((e, args2) -> {
            boolean json = java.util.Arrays.asList(args2).contains("--json");
            if (json) {
                out.println(StixJson.document(ErrorDocument.of("usage_error", e.getMessage())));
            } else {
                err.println("error: " + e.getMessage());
                e.getCommandLine().usage(err);
            }
            return USAGE;
        });
        return commandLine.execute(args);
    }

    /** The subcommand a command line names: its first word that is neither a global option nor an option's value. */
    static String askedCommand(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return arg;
            }
            if (GLOBAL_OPTIONS_WITH_VALUES.contains(arg)) {
                i++; // "--db URL": the URL is not the command
            } else if (!arg.contains("=") && !GLOBAL_FLAGS.contains(arg)) {
                return null; // an option picocli will explain
            }
        }
        return null;
    }

    private static final Set<String> GLOBAL_OPTIONS_WITH_VALUES = Set.of("--data-dir", "--db", "--db-user", "--db-password");
    private static final Set<String> GLOBAL_FLAGS = Set.of("--json", "-h", "--help", "-V", "--version");

    private static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        List<String> names = new java.util.ArrayList<>(List.of(annotation.aliases()));
        names.add(annotation.name());
        return names;
    }

    private static int report(Exception e, CommandLine line, PrintStream out, PrintStream err) {
        boolean json = line.getParseResult() != null && line.getParseResult().hasMatchedOption("--json")
                || rootJson(line);
        String code = e instanceof SightlineException s ? s.code() : "error";
        String message = e instanceof SightlineException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        if (json) {
            out.println(StixJson.document(ErrorDocument.of(code, message,
                    e instanceof InvalidInputException invalid ? invalid.details() : java.util.List.of())));
        } else {
            err.println("error: " + message);
            if (e instanceof InvalidInputException invalid) {
                invalid.details().forEach(detail -> err.println("  " + detail));
            }
            if (!(e instanceof SightlineException)) {
                err.println("(set SIGHTLINE_DEBUG=1 for the stack trace)");
                if (System.getenv("SIGHTLINE_DEBUG") != null) {
                    e.printStackTrace(err);
                }
            }
        }
        return FAILED;
    }

    private static boolean rootJson(CommandLine line) {
        Object root = line.getCommandSpec().root().userObject();
        return root instanceof Sightline sightline && sightline.global != null && sightline.global.json();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
