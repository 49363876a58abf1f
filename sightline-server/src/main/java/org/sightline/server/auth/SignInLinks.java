package org.sightline.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sightline.store.tokens.Role;
import org.sightline.store.tokens.TokenStore;

/**
 * One-time sign-in links for the web interface. The link carries a random code in its fragment
 * (which browsers never send to a server, so no access log holds it), never a token; the page
 * trades the code once for a new admin token of its own. A code works once and for a short
 * while, so the link left in the browser's history is worth nothing.
 */
public final class SignInLinks {
    /** How long a printed link stays good: time to switch to the browser, not time to forget it. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private final TokenStore tokens;
    private final Clock clock;
    /** Codes by their SHA-256, so a heap dump of the server holds no usable code either. */
    private final Map<String, Instant> expiryByCodeHash = new ConcurrentHashMap<>();

    public SignInLinks(TokenStore tokens) {
        this(tokens, Clock.systemUTC());
    }

    public SignInLinks(TokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new code for one browser; the caller puts it in {@link #link(String, String)}. */
    public String issue() {
        String code = Secrets.random();
        expiryByCodeHash.put(Secrets.hash(code), clock.instant().plus(LIFETIME));
        return code;
    }

    /** The address that opens the web interface and signs it in with the code. */
    public static String link(String baseUrl, String code) {
        return baseUrl + "/ui/#signin=" + code;
    }

    /**
     * The new token's secret for a valid code, which is used up by this call; empty when the code
     * is unknown, used or expired (the three are not told apart).
     */
    public Optional<String> redeem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Instant expiry = expiryByCodeHash.remove(Secrets.hash(code));
        Instant now = clock.instant();
        expiryByCodeHash.values().removeIf(at -> at.isBefore(now));
        if (expiry == null || expiry.isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(tokens.create("web sign-in link " + now, Role.ADMIN, "red").secret());
    }

}
