package org.sightline.store.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What was archived is provably unchanged: any altered, missing or re-ordered artifact or entry is named. */
class EvidenceVaultTest {
    @TempDir
    Path temp;

    private EvidenceVault vault;
    private Path ledger;

    @BeforeEach
    void archiveThree() throws IOException {
        vault = new EvidenceVault(temp.resolve("vault"));
        ledger = temp.resolve("vault/ledger.jsonl");
        for (String name : List.of("photo.jpg", "receipt.pdf", "profile.html")) {
            Path file = temp.resolve(name);
            Files.writeString(file, "content of " + name);
            vault.add(file, "analyst@example.org", "relationship--1f2e3d4c-5b6a-4789-8abc-def012345678", "identity--intrusion-truth");
        }
    }

    @Test
    void anUntouchedVaultVerifies() {
        VerifyReport report = vault.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.entries()).isEqualTo(3);
        assertThat(report.artifacts()).isEqualTo(3);
        assertThat(vault.entries().get(1).previous()).isEqualTo(vault.entries().get(0).hash());
    }

    @Test
    void anAlteredArtifactIsNamed() throws IOException {
        Path artifact = vault.artifact(vault.entries().get(1).sha256());
        artifact.toFile().setWritable(true);
        Files.writeString(artifact, "doctored");
        assertThat(vault.verify().problems()).singleElement().asString().contains("ledger entry 2 (receipt.pdf)", "was altered");
    }

    @Test
    void aMissingArtifactIsNamed() throws IOException {
        Files.delete(vault.artifact(vault.entries().get(2).sha256()));
        assertThat(vault.verify().problems()).singleElement().asString().contains("profile.html", "is missing");
    }

    @Test
    void reorderedOrRemovedOrEditedEntriesBreakTheChain() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger, StandardCharsets.UTF_8));
        List<String> swapped = new ArrayList<>(lines);
        Collections.swap(swapped, 0, 1);
        Files.write(ledger, swapped, StandardCharsets.UTF_8);
        assertThat(vault.verify().intact()).isFalse();

        List<String> removed = new ArrayList<>(lines);
        removed.remove(1);
        Files.write(ledger, removed, StandardCharsets.UTF_8);
        assertThat(vault.verify().problems()).anySatisfy(p -> assertThat(p).contains("ledger entry 3", "does not chain"));

        List<String> edited = new ArrayList<>(lines);
        edited.set(0, edited.get(0).replace("photo.jpg", "innocent.jpg"));
        Files.write(ledger, edited, StandardCharsets.UTF_8);
        assertThat(vault.verify().problems()).anySatisfy(p -> assertThat(p).contains("ledger entry 1", "altered"));
    }

    @Test
    void archivingTheSameContentAgainKeepsOneArtifactAndAddsAnEntry() throws IOException {
        Path again = temp.resolve("photo-copy.jpg");
        Files.writeString(again, "content of photo.jpg");
        LedgerEntry entry = vault.add(again, "second@example.org", null, null);
        assertThat(entry.sequence()).isEqualTo(4);
        assertThat(entry.sha256()).isEqualTo(vault.entries().get(0).sha256());
        assertThat(vault.verify().artifacts()).isEqualTo(3);
        assertThat(vault.verify().intact()).isTrue();
    }
}
