package org.sightline.store.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sightline.stix.json.StixJson;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/**
 * What was archived is provably unchanged: any altered, missing, added or re-ordered artifact or
 * entry is named, and so is a ledger shortened, deleted or rewritten whole, since every entry is
 * anchored in the store (on H2 and PostgreSQL).
 */
class EvidenceVaultTest {
    private static final String CLAIM = "relationship--1f2e3d4c-5b6a-4789-8abc-def012345678";

    /** A store with three archived artifacts. */
    private record Archived(TestStore test, EvidenceVault vault, Path directory, Path ledger) implements AutoCloseable {
        static Archived open(Backend backend) throws IOException {
            TestStore test = backend.open();
            EvidenceVault vault = test.knowledge().vault();
            Path directory = test.knowledge().location().dataDir().resolve("vault");
            Path incoming = Files.createTempDirectory("sightline-incoming-");
            for (String name : List.of("photo.jpg", "receipt.pdf", "profile.html")) {
                Path file = incoming.resolve(name);
                Files.writeString(file, "content of " + name);
                vault.add(file, "analyst@example.org", CLAIM, "identity--intrusion-truth");
            }
            return new Archived(test, vault, directory, directory.resolve("ledger.jsonl"));
        }

        VerifyReport verify() {
            return vault.verify(List.of());
        }

        List<String> lines() throws IOException {
            return new ArrayList<>(Files.readAllLines(ledger, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            test.close();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                path.toFile().setWritable(true);
                Files.delete(path);
            }
        }
    }

    /** A ledger line as the vault writes it, sealed and chained: what someone recomputing the chain would write. */
    private static String line(long sequence, String name, String sha256, String previous) {
        String time = "2026-01-01T00:00:00.000Z";
        String hash = EvidenceVault.seal(sequence, time, "forger", sha256, name, 10, CLAIM, "identity--x", previous);
        return StixJson.write(StixJson.documentTree(new LedgerEntry(sequence, time, "forger", sha256, name, 10, CLAIM,
                "identity--x", previous, hash)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anUntouchedVaultVerifies(Backend backend) throws IOException {
        try (Archived archived = Archived.open(backend)) {
            VerifyReport report = archived.vault().verify(archived.vault().entries().stream().map(LedgerEntry::sha256).toList());
            assertThat(report.problems()).isEmpty();
            assertThat(report.entries()).isEqualTo(3);
            assertThat(report.artifacts()).isEqualTo(3);
            assertThat(archived.vault().entries().get(1).previous()).isEqualTo(archived.vault().entries().get(0).hash());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAlteredOrMissingArtifactIsNamed(Backend backend) throws IOException {
        try (Archived archived = Archived.open(backend)) {
            Path artifact = archived.vault().artifact(archived.vault().entries().get(1).sha256());
            artifact.toFile().setWritable(true);
            Files.writeString(artifact, "doctored");
            assertThat(archived.verify().problems()).singleElement().asString().contains("ledger entry 2 (receipt.pdf)", "was altered");
            Files.delete(archived.vault().artifact(archived.vault().entries().get(2).sha256()));
            assertThat(archived.verify().problems()).anySatisfy(p -> assertThat(p).contains("profile.html", "is missing"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void reorderedOrRemovedOrEditedEntriesBreakTheChain(Backend backend) throws IOException {
        try (Archived archived = Archived.open(backend)) {
            List<String> lines = archived.lines();
            List<String> swapped = new ArrayList<>(lines);
            Collections.swap(swapped, 0, 1);
            Files.write(archived.ledger(), swapped, StandardCharsets.UTF_8);
            assertThat(archived.verify().intact()).isFalse();

            List<String> removed = new ArrayList<>(lines);
            removed.remove(1);
            Files.write(archived.ledger(), removed, StandardCharsets.UTF_8);
            assertThat(archived.verify().problems()).anySatisfy(p -> assertThat(p).contains("ledger entry 3", "does not chain"));

            List<String> edited = new ArrayList<>(lines);
            edited.set(0, edited.get(0).replace("photo.jpg", "innocent.jpg"));
            Files.write(archived.ledger(), edited, StandardCharsets.UTF_8);
            assertThat(archived.verify().problems()).anySatisfy(p -> assertThat(p).contains("ledger entry 1", "altered"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deletingTheLastEntryIsFoundByItsAnchor(Backend backend) throws IOException {
        try (Archived archived = Archived.open(backend)) {
            List<String> lines = archived.lines();
            Files.write(archived.ledger(), lines.subList(0, 2), StandardCharsets.UTF_8);
            assertThat(archived.verify().problems())
                    .anySatisfy(p -> assertThat(p).contains("ledger entry 3", "missing from the ledger", "deleted"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDeletedLedgerOrVaultIsAnError(Backend backend) throws IOException {
        try (Archived archived = Archived.open(backend)) {
            Files.delete(archived.ledger());
            assertThat(archived.verify().problems()).anySatisfy(p -> assertThat(p).contains("the ledger", "is missing", "anchors 3"));
            deleteTree(archived.directory());
            assertThat(archived.verify().problems()).singleElement().asString().contains("the vault", "is missing");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRecomputedChainIsNotTheAnchoredOne(Backend backend) throws IOException {
        try (Archived archived = Archived.open(backend)) {
            List<LedgerEntry> entries = archived.vault().entries();
            List<String> forged = new ArrayList<>();
            String previous = EvidenceVault.GENESIS;
            for (LedgerEntry entry : entries) {
                String line = line(entry.sequence(), entry.name().replace("photo", "holiday"), entry.sha256(), previous);
                forged.add(line);
                previous = StixJson.mapper().readTree(line).path("hash").asText();
            }
            Files.write(archived.ledger(), forged, StandardCharsets.UTF_8);
            VerifyReport report = archived.verify();
            assertThat(report.problems()).hasSize(3).allSatisfy(p -> assertThat(p).contains("is not the entry anchored in the store"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEntryOrAFileAddedByHandIsNamed(Backend backend) throws IOException {
        try (Archived archived = Archived.open(backend)) {
            LedgerEntry last = archived.vault().entries().get(2);
            String sha256 = "ab".repeat(32);
            Path file = archived.vault().artifact(sha256);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "planted");
            assertThat(archived.verify().problems()).singleElement().asString()
                    .contains("artifact file " + sha256, "in no ledger entry");
            Files.writeString(archived.ledger(), line(4, "planted.png", sha256, last.hash()) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            assertThat(archived.verify().problems()).anySatisfy(p -> assertThat(p).contains("ledger entry 4", "not anchored in the store"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void evidenceCitingAnArtifactTheVaultLacksIsNamed(Backend backend) throws IOException {
        try (Archived archived = Archived.open(backend)) {
            String unknown = "cd".repeat(32);
            VerifyReport report = archived.vault().verify(Set.of(unknown, archived.vault().entries().get(0).sha256()));
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains(unknown, "no ledger entry archived"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void archivingTheSameContentAgainKeepsOneArtifactAndAddsAnEntry(Backend backend) throws IOException {
        try (Archived archived = Archived.open(backend)) {
            Path again = Files.createTempFile("photo-copy", ".jpg");
            Files.writeString(again, "content of photo.jpg");
            LedgerEntry entry = archived.vault().add(again, "second@example.org", null, null);
            assertThat(entry.sequence()).isEqualTo(4);
            assertThat(entry.sha256()).isEqualTo(archived.vault().entries().get(0).sha256());
            assertThat(archived.verify().artifacts()).isEqualTo(3);
            assertThat(archived.verify().problems()).isEmpty();
        }
    }
}
