package org.sightline.store.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One verification of a vault: the ledger's chain against itself, the artifacts against the
 * ledger, the ledger against the anchors in the store (both ways), and the store's evidence
 * against the artifacts. A ledger rewritten from scratch chains perfectly; only the anchors, kept
 * elsewhere, tell it from the original.
 */
final class VaultVerifier {
    private final EvidenceVault vault;
    private final Set<String> cited;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> checkedArtifacts = new HashSet<>();

    VaultVerifier(EvidenceVault vault, Collection<String> citedArtifacts) {
        this.vault = vault;
        this.cited = new java.util.TreeSet<>(citedArtifacts);
    }

    VerifyReport verify() {
        long start = System.nanoTime();
        List<LedgerAnchors.Anchor> anchors = vault.anchors().anchors();
        List<LedgerEntry> entries = List.of();
        if (!Files.isDirectory(vault.directory())) {
            if (!anchors.isEmpty() || !cited.isEmpty()) {
                problems.add("the vault " + vault.directory() + " is missing: the store anchors " + anchors.size()
                        + " ledger entries and its evidence cites " + cited.size() + " artifacts");
            }
        } else {
            if (!Files.exists(vault.ledger()) && !anchors.isEmpty()) {
                problems.add("the ledger " + vault.ledger() + " is missing: the store anchors " + anchors.size() + " entries");
            }
            try {
                entries = vault.entries();
            } catch (RuntimeException e) {
                problems.add("the ledger cannot be read: " + e.getMessage());
            }
            checkChain(entries);
            checkAnchors(entries, anchors);
            checkCitations(entries);
            checkUnrecordedFiles(entries);
        }
        return new VerifyReport(entries.size(), checkedArtifacts.size(), List.copyOf(problems), (System.nanoTime() - start) / 1e9);
    }

    private static String where(LedgerEntry entry) {
        return "ledger entry " + entry.sequence() + " (" + entry.name() + ")";
    }

    private void checkChain(List<LedgerEntry> entries) {
        String previous = EvidenceVault.GENESIS;
        long expected = 1;
        for (LedgerEntry entry : entries) {
            if (entry.sequence() != expected) {
                problems.add(where(entry) + ": out of order or missing entries before it (expected entry " + expected + ")");
            }
            if (!entry.previous().equals(previous)) {
                problems.add(where(entry) + ": does not chain to the entry before it (an entry was removed, re-ordered or altered)");
            }
            String sealed = EvidenceVault.seal(entry.sequence(), entry.time(), entry.who(), entry.sha256(), entry.name(), entry.size(),
                    entry.claim(), entry.source(), entry.previous());
            if (!sealed.equals(entry.hash())) {
                problems.add(where(entry) + ": its contents were altered after it was written");
            }
            checkArtifact(entry.sha256(), where(entry));
            previous = entry.hash();
            expected = entry.sequence() + 1;
        }
    }

    private void checkArtifact(String sha256, String where) {
        if (!checkedArtifacts.add(sha256)) {
            return;
        }
        Path artifact = vault.artifact(sha256);
        if (!Files.exists(artifact)) {
            problems.add(where + ": artifact " + sha256 + " is missing");
            return;
        }
        try {
            if (!EvidenceVault.sha256(artifact).equals(sha256)) {
                problems.add(where + ": artifact " + sha256 + " was altered (its content no longer has that hash)");
            }
        } catch (IOException e) {
            problems.add(where + ": artifact " + sha256 + " cannot be read: " + e.getMessage());
        }
    }

    /** The ledger and the store's anchors must hold the same entries with the same hashes. */
    private void checkAnchors(List<LedgerEntry> entries, List<LedgerAnchors.Anchor> anchors) {
        Map<Long, LedgerEntry> bySequence = new HashMap<>();
        entries.forEach(entry -> bySequence.putIfAbsent(entry.sequence(), entry));
        Set<Long> anchored = new HashSet<>();
        for (LedgerAnchors.Anchor anchor : anchors) {
            anchored.add(anchor.sequence());
            LedgerEntry entry = bySequence.get(anchor.sequence());
            if (entry == null) {
                problems.add("ledger entry " + anchor.sequence() + " (anchored in the store at " + anchor.anchoredAt()
                        + ", artifact " + anchor.sha256() + ") is missing from the ledger: it was deleted");
            } else if (!entry.hash().equals(anchor.entryHash())) {
                problems.add(where(entry) + ": is not the entry anchored in the store (the ledger was rewritten or its chain recomputed)");
            }
        }
        for (LedgerEntry entry : entries) {
            if (!anchored.contains(entry.sequence())) {
                problems.add(where(entry) + ": is not anchored in the store (added outside Sightline)");
            }
        }
    }

    /** Every artifact the store's evidence cites must be archived, whole. */
    private void checkCitations(List<LedgerEntry> entries) {
        Set<String> archived = new HashSet<>();
        entries.forEach(entry -> archived.add(entry.sha256()));
        for (String sha256 : cited) {
            if (!archived.contains(sha256)) {
                problems.add("evidence in the store cites artifact " + sha256 + ", which no ledger entry archived");
            }
            checkArtifact(sha256, "cited artifact " + sha256);
        }
    }

    /** A file in the vault that no entry archived was put there by hand. */
    private void checkUnrecordedFiles(List<LedgerEntry> entries) {
        if (!Files.isDirectory(vault.objects())) {
            return;
        }
        Set<String> archived = new HashSet<>();
        entries.forEach(entry -> archived.add(entry.sha256()));
        try (Stream<Path> files = Files.walk(vault.objects())) {
            files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith("incoming-")) // an archive in progress
                    .filter(name -> !archived.contains(name))
                    .sorted()
                    .forEach(name -> problems.add("artifact file " + name + " is in no ledger entry (placed by hand, or its entry was deleted)"));
        } catch (IOException e) {
            problems.add("the vault's files cannot be listed: " + e.getMessage());
        }
    }
}
