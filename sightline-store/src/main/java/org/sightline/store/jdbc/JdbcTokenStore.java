package org.sightline.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.tokens.ApiToken;
import org.sightline.store.tokens.Role;
import org.sightline.store.tokens.TokenStore;

/**
 * Tokens in the api_token table. A secret is 32 random bytes (base64url, prefixed "sl_" so that a
 * leaked one is recognisable in a scan); only its SHA-256 is stored and looked up, so the table
 * gives nothing away.
 */
final class JdbcTokenStore implements TokenStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, name, role, clearance, collections, created_at, revoked_at";

    private final Sql sql;

    JdbcTokenStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Issued create(String name, Role role, String clearance, List<String> collections) {
        String level;
        try {
            level = Tlp.parse(clearance).tlp2Value();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("clearance " + e.getMessage());
        }
        for (String collection : collections) {
            if (collection.isBlank() || collection.contains(",")) {
                throw new InvalidInputException("collection id '" + collection + "' is not valid: give ids separated by commas");
            }
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "sl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken("token-" + UUID.randomUUID(), name == null || name.isBlank() ? role.label() : name, role, level,
                collections, StixTimestamp.format(Instant.now()), null);
        java.util.ArrayList<Object> values = new java.util.ArrayList<>(List.of(token.id(), token.name(), hash(secret),
                role.label(), level, token.createdAt()));
        values.add(collections.isEmpty() ? null : String.join(",", collections));
        sql.update("INSERT INTO api_token (id, name, token_hash, role, clearance, created_at, collections) VALUES (?, ?, ?, ?, ?, ?, ?)",
                values);
        return new Issued(token, secret);
    }

    @Override
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        return sql.list("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ? AND revoked_at IS NULL",
                List.of(hash(secret)), JdbcTokenStore::token).stream().findFirst();
    }

    @Override
    public Optional<ApiToken> valid(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return sql.list("SELECT " + COLUMNS + " FROM api_token WHERE id = ? AND revoked_at IS NULL", List.of(id), JdbcTokenStore::token)
                .stream().findFirst();
    }

    @Override
    public boolean revoke(String id) {
        return sql.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                List.of(StixTimestamp.format(Instant.now()), id)) == 1;
    }

    @Override
    public List<ApiToken> list() {
        return sql.list("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at, id", List.of(), JdbcTokenStore::token);
    }

    private static ApiToken token(java.sql.ResultSet row) throws java.sql.SQLException {
        String collections = row.getString(5);
        return new ApiToken(row.getString(1), row.getString(2), Role.parse(row.getString(3)), row.getString(4),
                collections == null ? List.of() : List.of(collections.split(",")), row.getString(6), row.getString(7));
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
