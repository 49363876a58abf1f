package org.sightline.store.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.store.DataDirectory;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;

/**
 * The evidence vault: archived artifacts (screenshots, PDFs, saved pages) stored by their SHA-256,
 * and an append-only ledger in which every line carries the hash of the line before it, each
 * line's hash also anchored in the knowledge store. Actors scrub their footprint once exposed;
 * what was archived must be provably unchanged, so {@link #verify} checks the files, the ledger
 * and the store against each other, in both directions.
 */
public final class EvidenceVault {
    static final String GENESIS = "0".repeat(64);
    private final Path directory;
    private final Path objects;
    private final Path ledger;
    private final LedgerAnchors anchors;

    public EvidenceVault(Path directory, LedgerAnchors anchors) {
        this.directory = directory;
        this.objects = directory.resolve("objects");
        this.ledger = directory.resolve("ledger.jsonl");
        this.anchors = anchors;
    }

    Path directory() {
        return directory;
    }

    Path objects() {
        return objects;
    }

    Path ledger() {
        return ledger;
    }

    LedgerAnchors anchors() {
        return anchors;
    }

    /** Archives the file and appends a ledger line; returns the line. Adding the same content again archives nothing new. */
    public LedgerEntry add(Path file, String who, String claim, String source) {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no such file: " + file);
        }
        if (who == null || who.isBlank()) {
            throw new InvalidInputException("evidence add: say who archives it (--by)");
        }
        try {
            DataDirectory.createOwnerOnly(directory);
            DataDirectory.createOwnerOnly(objects);
            String sha256 = sha256(file);
            Path target = artifact(sha256);
            if (!Files.exists(target)) {
                DataDirectory.createOwnerOnly(target.getParent());
                Path temporary = Files.createTempFile(objects, "incoming-", ".tmp");
                Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                readOnlyForOwner(target);
            }
            return append(who, sha256, file.getFileName().toString(), Files.size(file), claim, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readOnlyForOwner(Path artifact) throws IOException {
        if (artifact.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(artifact, java.nio.file.attribute.PosixFilePermissions.fromString("r--------"));
        } else {
            artifact.toFile().setReadOnly();
        }
    }

    /**
     * Appends under an exclusive file lock, so two processes never interleave or fork the chain; the
     * entry is anchored in the store before the lock is let go.
     */
    private LedgerEntry append(String who, String sha256, String name, long size, String claim, String source) throws IOException {
        try (FileChannel channel = FileChannel.open(ledger, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
             FileLock lock = channel.lock()) {
            LedgerEntry last = lastEntry(channel);
            long sequence = last == null ? 1 : last.sequence() + 1;
            String previous = last == null ? GENESIS : last.hash();
            String time = StixTimestamp.format(Instant.now());
            String hash = seal(sequence, time, who, sha256, name, size, claim, source, previous);
            LedgerEntry entry = new LedgerEntry(sequence, time, who, sha256, name, size, claim, source, previous, hash);
            channel.position(channel.size());
            channel.write(java.nio.ByteBuffer.wrap((StixJson.write(StixJson.documentTree(entry)) + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            anchors.anchor(entry);
            return entry;
        }
    }

    /** The last line of the ledger, read from the end so that appending stays cheap however long the ledger is. */
    private static LedgerEntry lastEntry(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return null;
        }
        int chunk = (int) Math.min(size, 1 << 16);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(chunk);
        channel.read(buffer, size - chunk);
        String tail = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).stripTrailing();
        String line = tail.substring(tail.lastIndexOf('\n') + 1);
        return parse(StixJson.mapper().readTree(line));
    }

    static LedgerEntry parse(JsonNode node) {
        return new LedgerEntry(node.path("sequence").asLong(), node.path("time").asText(),
                node.path("who").asText(), node.path("sha256").asText(), node.path("name").asText(),
                node.path("size").asLong(), node.path("claim").asText(null), node.path("source").asText(null),
                node.path("previous").asText(), node.path("hash").asText());
    }

    /** Every ledger line, in file order. */
    public List<LedgerEntry> entries() {
        List<LedgerEntry> entries = new ArrayList<>();
        if (!Files.exists(ledger)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                entries.add(parse(StixJson.mapper().readTree(line)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the evidence ledger " + ledger + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the vault against itself and the store: the ledger's chain and seals, each artifact's
     * hash, the anchors in the store against the ledger (both ways), the artifacts that the store's
     * evidence cites, and files that no entry archived. Each problem names the entry or artifact.
     */
    public VerifyReport verify(java.util.Collection<String> citedArtifacts) {
        return new VaultVerifier(this, citedArtifacts).verify();
    }

    public Path artifact(String sha256) {
        return objects.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    static String seal(long sequence, String time, String who, String sha256, String name, long size,
                               String claim, String source, String previous) {
        ObjectNode canonical = StixJson.newObject();
        canonical.put("sequence", sequence);
        canonical.put("time", time);
        canonical.put("who", who);
        canonical.put("sha256", sha256);
        canonical.put("name", name);
        canonical.put("size", size);
        canonical.put("claim", claim);
        canonical.put("source", source);
        canonical.put("previous", previous);
        return sha256(StixJson.write(canonical).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
