package org.sightline.store.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;
import org.sightline.store.DataDirectory;

/**
 * A signed statement of where the evidence ledger stood: its length and the hash of its last
 * entry, signed with the vault's Ed25519 key. Kept away from the machine (mailed, filed with a
 * case), it proves later that nothing before that point was rewritten, even by someone who
 * controls both the ledger and the store.
 */
public record Checkpoint(long entries, long lastSequence, String lastHash, String time, String publicKey, String signature) {

    private static final String KEY_FILE = "checkpoint-key.p8";
    private static final String ALGORITHM = "Ed25519";

    /** The fingerprint of the signing key (SHA-256 of its encoded public key), to publish and compare. */
    public String keyFingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(publicKey)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInputException("the checkpoint's public_key is not a valid key: " + e.getMessage());
        }
    }

    /** Signs where the vault's ledger stands now, with the vault's key (made on first use, owner-only). */
    public static Checkpoint of(EvidenceVault vault) {
        List<LedgerEntry> ledger = vault.entries();
        LedgerEntry last = ledger.isEmpty() ? null : ledger.get(ledger.size() - 1);
        KeyPair keys = keys(vault.directory());
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        long lastSequence = last == null ? 0 : last.sequence();
        String lastHash = last == null ? EvidenceVault.GENESIS : last.hash();
        String time = StixTimestamp.format(Instant.now());
        String signature = sign(keys.getPrivate(), signed(ledger.size(), lastSequence, lastHash, time, publicKey));
        return new Checkpoint(ledger.size(), lastSequence, lastHash, time, publicKey, signature);
    }

    public static Checkpoint read(Path file) {
        try {
            JsonNode node = StixJson.mapper().readTree(Files.readString(file));
            return new Checkpoint(node.path("entries").asLong(), node.path("last_sequence").asLong(), node.path("last_hash").asText(),
                    node.path("time").asText(), node.path("public_key").asText(), node.path("signature").asText());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the checkpoint " + file + ": " + e.getMessage());
        }
    }

    public String toJson() {
        ObjectNode node = StixJson.newObject();
        node.put("entries", entries);
        node.put("last_sequence", lastSequence);
        node.put("last_hash", lastHash);
        node.put("time", time);
        node.put("public_key", publicKey);
        node.put("signature", signature);
        return StixJson.writePretty(node);
    }

    /**
     * What is wrong with the vault against this checkpoint: a bad signature, a key other than the
     * vault's, or a ledger that no longer holds the checkpointed entry with the checkpointed hash.
     */
    public List<String> problemsWith(EvidenceVault vault) {
        List<String> problems = new java.util.ArrayList<>();
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signed(entries, lastSequence, lastHash, time, publicKey).getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(signature))) {
                problems.add("the checkpoint of " + time + " does not carry a valid signature: it was altered");
                return problems;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            problems.add("the checkpoint of " + time + " cannot be checked: " + e.getMessage());
            return problems;
        }
        Path keyFile = vault.directory().resolve(KEY_FILE);
        if (Files.exists(keyFile) && !Base64.getEncoder().encodeToString(keys(vault.directory()).getPublic().getEncoded()).equals(publicKey)) {
            problems.add("the checkpoint of " + time + " was signed with another key (fingerprint " + keyFingerprint() + ")");
        }
        if (lastSequence == 0) {
            return problems;
        }
        LedgerEntry entry = vault.entries().stream().filter(e -> e.sequence() == lastSequence).findFirst().orElse(null);
        if (entry == null) {
            problems.add("ledger entry " + lastSequence + ", the last one at the checkpoint of " + time + ", is gone");
        } else if (!entry.hash().equals(lastHash)) {
            problems.add("ledger entry " + lastSequence + " is not the one signed at the checkpoint of " + time
                    + ": the ledger up to it was rewritten");
        }
        return problems;
    }

    private static String signed(long entries, long lastSequence, String lastHash, String time, String publicKey) {
        return "sightline-ledger-checkpoint|" + entries + "|" + lastSequence + "|" + lastHash + "|" + time + "|" + publicKey;
    }

    private static String sign(PrivateKey key, String text) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    /**
     * The vault's key pair: read from its owner-only file (both halves, base64, one a line), or made
     * and written there the first time.
     */
    private static KeyPair keys(Path vaultDirectory) {
        Path file = vaultDirectory.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                DataDirectory.createOwnerOnly(vaultDirectory);
                KeyPair made = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                Path written = Files.createTempFile(vaultDirectory, "key-", ".tmp");
                try {
                    // createTempFile makes the file owner-only (0600) on POSIX, before the key is in it
                    Files.writeString(written, Base64.getEncoder().encodeToString(made.getPrivate().getEncoded()) + "\n"
                            + Base64.getEncoder().encodeToString(made.getPublic().getEncoded()) + "\n");
                    Files.createLink(file, written);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process made the key first: use that one
                } finally {
                    Files.deleteIfExists(written);
                }
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0).strip())));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1).strip())));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the vault's signing key " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalStateException("the vault's signing key " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
