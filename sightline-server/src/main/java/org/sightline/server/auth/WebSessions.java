package org.sightline.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sightline.store.tokens.ApiToken;
import org.sightline.store.tokens.TokenStore;

/**
 * Sign-in shared by the tabs of one browser. A page that has a token trades it for a session: an
 * HttpOnly, SameSite=Strict cookie that every tab of the browser sends and no script can read, and
 * a CSRF token the page must echo in {@value #CSRF_HEADER} on every write. The session holds the
 * token's id, never its secret, and is checked against the token store on each request, so
 * revoking the token ends every session made from it. Sessions live in the server's memory: a
 * restart signs the browsers out, which asks for a token again, nothing worse.
 */
public final class WebSessions {
    public static final String COOKIE = "sightline_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** A working day and then some; signing out or revoking the token ends it sooner. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** What a session signs in as, the CSRF token its writes must carry, and when it ends. */
    public record Session(String tokenId, String csrf, Instant expires) {
    }

    /** A new session: the cookie's value (given to the browser once) and the session. */
    public record Started(String cookie, Session session) {
    }

    /** A live session and the token it signs in as, valid now. */
    public record SignedIn(Session session, ApiToken token) {
    }

    private final TokenStore tokens;
    private final Clock clock;
    /** Sessions by the SHA-256 of their cookie, so a heap dump holds no usable cookie. */
    private final Map<String, Session> byCookieHash = new ConcurrentHashMap<>();

    public WebSessions(TokenStore tokens) {
        this(tokens, Clock.systemUTC());
    }

    public WebSessions(TokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public Started start(String tokenId) {
        Instant now = clock.instant();
        byCookieHash.values().removeIf(session -> session.expires().isBefore(now));
        String cookie = Secrets.random();
        Session session = new Session(tokenId, Secrets.random(), now.plus(LIFETIME));
        byCookieHash.put(Secrets.hash(cookie), session);
        return new Started(cookie, session);
    }

    /**
     * The live session of a cookie and its token, checked against the token store now; empty for an
     * unknown, ended or expired session, or one whose token was revoked.
     */
    public Optional<SignedIn> signedIn(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.hash(cookie);
        Session session = byCookieHash.get(hash);
        if (session == null) {
            return Optional.empty();
        }
        if (session.expires().isBefore(clock.instant())) {
            byCookieHash.remove(hash);
            return Optional.empty();
        }
        return tokens.valid(session.tokenId()).map(token -> new SignedIn(session, token));
    }

    public void end(String cookie) {
        if (cookie != null) {
            byCookieHash.remove(Secrets.hash(cookie));
        }
    }

    /** True when a write's header carries the session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(Session session, String header) {
        return header != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }
}
