package org.sightline.cli.claims;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.cli.CommandGroup;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.intel.attribution.Credibility;
import org.sightline.intel.attribution.Evidence;
import org.sightline.intel.attribution.Reliability;
import org.sightline.intel.claims.ClaimBook;
import org.sightline.intel.claims.EvidenceItem;
import org.sightline.intel.claims.NamedObjects;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.vault.LedgerEntry;
import org.sightline.store.vault.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Evidence for or against claims: record graded items (with their archived artifacts), list them, "
                + "and verify that nothing in the tamper-evident vault changed.",
        subcommands = {EvidenceCommand.Add.class, EvidenceCommand.ListItems.class, EvidenceCommand.Verify.class,
                EvidenceCommand.CheckpointCommand.class})
public final class EvidenceCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Record an evidence item for or against one or more claims, graded on the Admiralty scale.",
                    "With FILE, the artifact (screenshot, PDF, archived page) is archived in the vault by its SHA-256, "
                            + "with a hash-chained ledger entry, and the item cites that hash."})
    public static final class Add extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "The artifact to archive (optional).")
        Path file;

        @Option(names = "--claim", required = true, paramLabel = "ID", description = "A claim it bears on (repeatable).")
        List<String> claims;

        @Option(names = "--source", required = true, paramLabel = "ID|NAME", description = "Who provided it, e.g. \"Intrusion Truth\".")
        String source;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "infrastructure-overlap, malware-code-reuse, "
                + "ttp-overlap, imagery, travel-records, financial-records, job-adverts, social-media, leaked-documents, "
                + "official-statement, indictment, other.")
        String kind;

        @Option(names = "--stance", defaultValue = "supports", paramLabel = "supports|refutes", description = "Default supports.")
        String stance;

        @Option(names = "--reliability", required = true, paramLabel = "A-F", description = "The source's Admiralty reliability as you grade it.")
        String reliability;

        @Option(names = "--credibility", required = true, paramLabel = "1-6", description = "The item's Admiralty credibility.")
        int credibility;

        @Option(names = "--origin", required = true, paramLabel = "TEXT",
                description = "What it derives from; items repeating one original share it and count (almost) once.")
        String origin;

        @Option(names = "--title", paramLabel = "TEXT", description = "A one-line summary.")
        String title;

        @Option(names = "--observed", paramLabel = "DATE") String observed;
        @Option(names = "--published", paramLabel = "DATE") String published;
        @Option(names = "--collected", paramLabel = "DATE") String collected;

        @Option(names = "--excerpt", paramLabel = "TEXT", description = "The passage that matters.")
        String excerpt;

        @Option(names = "--url", paramLabel = "URL")
        String url;

        @Option(names = "--by", paramLabel = "WHO", defaultValue = "${sys:user.name}", description = "Who records it (default: the OS user).")
        String who;

        @picocli.CommandLine.Mixin
        org.sightline.cli.MarkingOption marking;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            ClaimBook book = new ClaimBook(knowledge.store(), marking.floor());
            String sourceId = NamedObjects.resolve(knowledge.store(), source, "--source");
            Reliability grade = Reliability.parse(reliability, "--reliability");
            Credibility credible = Credibility.parse(credibility, "--credibility");
            Evidence.Stance side = Evidence.Stance.parse(stance, "--stance");
            claims.forEach(book::claim); // a claim that does not exist stops here, before anything is archived
            LedgerEntry archived = null;
            if (file != null) {
                archived = knowledge.vault().add(file, who, String.join(",", claims), sourceId);
            }
            EvidenceItem item = book.addEvidence(new ClaimBook.NewEvidence(title, claims, side, kind, sourceId, grade,
                    credible, origin, date(observed, "--observed"), date(published, "--published"),
                    date(collected, "--collected"), excerpt, url, archived == null ? null : archived.sha256(), who));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("evidence", item);
            if (archived != null) {
                document.put("archived", archived);
            }
            LedgerEntry entry = archived;
            output.answer(document, () -> {
                output.line("recorded " + item.id() + " (" + item.kind() + ", graded " + item.reliability() + (credibility)
                        + ", " + (item.stance() == Evidence.Stance.SUPPORTS ? "supports" : "refutes") + " " + item.claims() + ")");
                if (entry != null) {
                    output.line("archived " + file.getFileName() + " as " + entry.sha256() + " (ledger entry " + entry.sequence() + ")");
                }
            });
            return Sightline.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Evidence items, oldest first; with --claim, those bearing on it.")
    public static final class ListItems extends KnowledgeCommand {
        @Option(names = "--claim", paramLabel = "ID")
        String claim;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            ClaimBook book = new ClaimBook(knowledge.store());
            List<EvidenceItem> items = claim == null ? book.allEvidence() : book.evidenceFor(book.claim(claim).id());
            output.answer(Map.of("evidence", items), () -> items.forEach(item -> output.line(String.format("%s  %-8s %s%d  %-20s %-24s %s",
                    StixTimestamp.format(item.knownFrom()).substring(0, 10),
                    item.stance() == Evidence.Stance.SUPPORTS ? "supports" : "refutes", item.reliability(),
                    item.credibility().ordinal() + 1, item.kind(), item.source().name(), item.title()))));
            return Sightline.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the vault against itself and the store: re-hash every artifact, walk the ledger chain, compare "
                    + "it with the hashes anchored in the store (both ways) and with the artifacts the store's evidence cites; "
                    + "exit 1 naming anything altered, missing, added or re-ordered.")
    public static final class Verify extends KnowledgeCommand {
        @Option(names = "--checkpoint", paramLabel = "FILE",
                description = "Also check the ledger against a signed checkpoint made earlier (evidence checkpoint) and kept elsewhere.")
        Path checkpoint;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            List<String> cited = new ClaimBook(knowledge.store()).allEvidence().stream().map(EvidenceItem::artifactSha256)
                    .filter(java.util.Objects::nonNull).toList();
            VerifyReport report = knowledge.vault().verify(cited);
            if (checkpoint != null) {
                List<String> problems = new java.util.ArrayList<>(report.problems());
                problems.addAll(org.sightline.store.vault.Checkpoint.read(checkpoint).problemsWith(knowledge.vault()));
                report = new VerifyReport(report.entries(), report.artifacts(), problems, report.seconds());
            }
            VerifyReport checked = report;
            output.answer(checked, () -> {
                checked.problems().forEach(problem -> output.line("TAMPERED: " + problem));
                output.line(String.format("%,d ledger entries, %,d artifacts: %s", checked.entries(), checked.artifacts(),
                        checked.intact() ? "intact (ledger, files and the store's anchors agree)" : checked.problems().size() + " problems"));
            });
            return checked.intact() ? Sightline.OK : Sightline.FAILED;
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = {"Sign where the evidence ledger stands now (its length and last hash) with the vault's Ed25519 key.",
                    "Keep the file away from this machine (mail it, file it with the case): 'evidence verify --checkpoint FILE' "
                            + "then proves nothing before it was rewritten, even by someone who controls the ledger and the store."})
    public static final class CheckpointCommand extends KnowledgeCommand {
        @Option(names = "--out", paramLabel = "FILE", description = "Write the checkpoint here (default: stdout).")
        Path out;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            org.sightline.store.vault.Checkpoint checkpoint = org.sightline.store.vault.Checkpoint.of(knowledge.vault());
            if (out == null) {
                output.out().println(checkpoint.toJson());
                return Sightline.OK;
            }
            try {
                java.nio.file.Files.writeString(out, checkpoint.toJson() + "\n");
            } catch (java.io.IOException e) {
                throw new InvalidInputException("cannot write the checkpoint to " + out + ": " + e.getMessage());
            }
            output.answer(Map.of("checkpoint", out.toString(), "entries", checkpoint.entries(), "key_fingerprint", checkpoint.keyFingerprint()),
                    () -> output.line("checkpoint of " + checkpoint.entries() + " ledger entries written to " + out
                            + " (signing key fingerprint " + checkpoint.keyFingerprint() + ")"));
            return Sightline.OK;
        }
    }

    /** A date option as a STIX timestamp, or null when not given. */
    static String date(String text, String option) {
        return text == null ? null : StixTimestamp.format(StixTimestamp.parseUserDate(text, option));
    }
}
