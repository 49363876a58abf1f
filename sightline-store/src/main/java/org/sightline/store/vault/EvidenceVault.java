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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;

/**
 * The evidence vault: archived artifacts (screenshots, PDFs, saved pages) stored by their SHA-256,
 * and an append-only ledger in which every line carries the hash of the line before it. Actors
 * scrub their footprint once exposed; what was archived must be provably unchanged, so
 * {@link #verify} re-hashes every artifact and walks the chain, and names any altered, missing or
 * re-ordered artifact or line.
 */
public final class EvidenceVault {
    private static final String GENESIS = "0".repeat(64);
    private final Path objects;
    private final Path ledger;

    public EvidenceVault(Path directory) {
        this.objects = directory.resolve("objects");
        this.ledger = directory.resolve("ledger.jsonl");
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
            Files.createDirectories(objects);
            String sha256 = sha256(file);
            Path target = artifact(sha256);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(objects, "incoming-", ".tmp");
                Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                target.toFile().setReadOnly();
            }
            return append(who, sha256, file.getFileName().toString(), Files.size(file), claim, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends under an exclusive file lock, so two processes never interleave or fork the chain. */
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

    private static LedgerEntry parse(JsonNode node) {
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

    /** Re-hashes every artifact and walks the chain; each problem names the entry or artifact. */
    public VerifyReport verify() {
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        List<LedgerEntry> entries;
        try {
            entries = entries();
        } catch (RuntimeException e) {
            return new VerifyReport(0, 0, List.of("the ledger cannot be read: " + e.getMessage()), 0);
        }
        String previous = GENESIS;
        long expected = 1;
        Set<String> checked = new HashSet<>();
        for (LedgerEntry entry : entries) {
            String where = "ledger entry " + entry.sequence() + " (" + entry.name() + ")";
            if (entry.sequence() != expected) {
                problems.add(where + ": out of order or missing entries before it (expected entry " + expected + ")");
            }
            if (!entry.previous().equals(previous)) {
                problems.add(where + ": does not chain to the entry before it (an entry was removed, re-ordered or altered)");
            }
            String sealed = seal(entry.sequence(), entry.time(), entry.who(), entry.sha256(), entry.name(), entry.size(),
                    entry.claim(), entry.source(), entry.previous());
            if (!sealed.equals(entry.hash())) {
                problems.add(where + ": its contents were altered after it was written");
            }
            if (checked.add(entry.sha256())) {
                Path artifact = artifact(entry.sha256());
                if (!Files.exists(artifact)) {
                    problems.add(where + ": artifact " + entry.sha256() + " is missing");
                } else {
                    try {
                        if (!sha256(artifact).equals(entry.sha256())) {
                            problems.add(where + ": artifact " + entry.sha256() + " was altered (its content no longer has that hash)");
                        }
                    } catch (IOException e) {
                        problems.add(where + ": artifact " + entry.sha256() + " cannot be read: " + e.getMessage());
                    }
                }
            }
            previous = entry.hash();
            expected = entry.sequence() + 1;
        }
        return new VerifyReport(entries.size(), checked.size(), problems, (System.nanoTime() - start) / 1e9);
    }

    public Path artifact(String sha256) {
        return objects.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static String seal(long sequence, String time, String who, String sha256, String name, long size,
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
