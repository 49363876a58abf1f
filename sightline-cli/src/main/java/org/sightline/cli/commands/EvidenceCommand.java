package org.sightline.cli.commands;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.store.vault.EvidenceVault;
import org.sightline.store.vault.LedgerEntry;
import org.sightline.store.vault.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "The tamper-evident evidence vault in the data directory: archive artifacts, verify that nothing changed.",
        subcommands = {EvidenceCommand.Add.class, EvidenceCommand.Verify.class})
public final class EvidenceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static Sightline root(CommandSpec spec) {
        return (Sightline) spec.root().userObject();
    }

    private static EvidenceVault vault(CommandSpec spec) {
        return new EvidenceVault(root(spec).location().dataDir().resolve("vault"));
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Archive a file by its SHA-256 and append a hash-chained ledger entry (who, when, what, for which claim and source).")
    public static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--claim", paramLabel = "ID", description = "The claim the artifact bears on.")
        String claim;

        @Option(names = "--source", paramLabel = "ID", description = "The source (identity) that provided it.")
        String source;

        @Option(names = "--by", paramLabel = "WHO", defaultValue = "${sys:user.name}", description = "Who archives it (default: the OS user).")
        String who;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Output output = root(spec).output();
            LedgerEntry entry = vault(spec).add(file, who, claim, source);
            output.answer(entry, () -> output.line("archived " + file.getFileName() + " as " + entry.sha256()
                    + " (ledger entry " + entry.sequence() + ")"));
            return Sightline.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-hash every artifact and walk the ledger chain; exit 1 naming anything altered, missing or re-ordered.")
    public static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Output output = root(spec).output();
            VerifyReport report = vault(spec).verify();
            output.answer(report, () -> {
                report.problems().forEach(problem -> output.line("TAMPERED: " + problem));
                output.line(String.format("%,d ledger entries, %,d artifacts: %s", report.entries(), report.artifacts(),
                        report.intact() ? "intact" : report.problems().size() + " problems"));
            });
            return report.intact() ? Sightline.OK : Sightline.FAILED;
        }
    }
}
