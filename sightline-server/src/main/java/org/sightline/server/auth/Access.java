package org.sightline.server.auth;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Set;
import org.sightline.server.http.RateLimiter;
import org.sightline.store.tokens.ApiToken;
import org.sightline.store.tokens.AuditLog;
import org.sightline.store.tokens.Role;
import org.sightline.store.tokens.TokenStore;

/**
 * Who may call what. Every route but /health declares the role it needs; a request must carry
 * {@code Authorization: Bearer TOKEN} for a valid token whose role includes it, or (the web
 * interface's other tabs) the cookie of a {@link WebSessions web session} made from such a token,
 * with its CSRF token on every write. Missing or wrong
 * credentials are a 401, a valid token without the role a 403; both are answered before the route
 * runs, so neither says whether the object asked for exists. Every request to a route, allowed or
 * refused, goes into the audit log with the token's id (never its secret), the path, the status
 * and the caller's address.
 */
public final class Access {
    /** The role a route needs, as Javalin carries it. */
    public enum Needs implements RouteRole {
        OPEN(null), READ(Role.READER), WRITE(Role.ANALYST), ADMIN(Role.ADMIN);

        private final Role role;

        Needs(Role role) {
            this.role = role;
        }
    }

    public static final String TOKEN = "sightline.token";

    /** The store as the request's token may see it: nothing above its TLP clearance, nor any relationship to that. */
    public static org.sightline.store.StixStore seenBy(Context ctx, org.sightline.store.StixStore store) {
        return org.sightline.store.clearance.ClearedStore.of(store, token(ctx).clearanceLevel());
    }

    /** The token a request was authenticated with; every route but the open ones has one. */
    public static ApiToken token(Context ctx) {
        ApiToken token = ctx.attribute(TOKEN);
        if (token == null) {
            throw new IllegalStateException("no token on an authenticated route: " + ctx.path());
        }
        return token;
    }

    /** Per token: bursts of 2,000 requests, 1,000 a second sustained; generous for scripts, a stop for runaways. */
    public static final double BURST = 2000;
    public static final double PER_SECOND = 1000;

    private final TokenStore tokens;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final WebSessions sessions;

    public Access(TokenStore tokens, AuditLog audit, WebSessions sessions) {
        this(tokens, audit, new RateLimiter(BURST, PER_SECOND), sessions);
    }

    public Access(TokenStore tokens, AuditLog audit, RateLimiter limiter, WebSessions sessions) {
        this.tokens = tokens;
        this.audit = audit;
        this.limiter = limiter;
        this.sessions = sessions;
    }

    /** Runs after every matched route: the audit log records who did what, from where, and how it ended. */
    public void record(Context ctx) {
        if (ctx.routeRoles().contains(Needs.OPEN) || ctx.attribute(TOKEN) == null) {
            return;
        }
        ApiToken token = ctx.attribute(TOKEN);
        if (token != null) {
            audit.record(token.id(), token.role().label(), ctx.method().name(), target(ctx), ctx.status().getCode(), ctx.ip());
        }
    }

    /** Query parameters that carry secrets in other tools' habits; their values never reach the audit log. */
    private static final java.util.regex.Pattern SECRET_PARAMETER = java.util.regex.Pattern.compile(
            "(?i)((?:^|&)(?:token|access_token|api_key|apikey|key|password|secret|code)=)[^&]*");
    /** A Sightline token's secret wherever it stands in a URL. */
    private static final java.util.regex.Pattern TOKEN_VALUE = java.util.regex.Pattern.compile("sl_[A-Za-z0-9_-]{16,}");

    /** The path and query asked for, as the audit log keeps it: with any secret in the query replaced. */
    public static String target(Context ctx) {
        String query = ctx.queryString();
        if (query == null) {
            return ctx.path();
        }
        String redacted = TOKEN_VALUE.matcher(SECRET_PARAMETER.matcher(query).replaceAll("$1***")).replaceAll("***");
        return ctx.path() + "?" + redacted;
    }

    private static final java.util.regex.Pattern CREDENTIAL_PARAMETER = java.util.regex.Pattern.compile(
            "(?i)(?:^|&)(?:token|access_token|api_key|apikey)=");

    /** True when the URL's query carries what looks like a credential: refused, so no one gets used to sending it so. */
    private static boolean credentialInQuery(Context ctx) {
        String query = ctx.queryString();
        return query != null && (TOKEN_VALUE.matcher(query).find() || CREDENTIAL_PARAMETER.matcher(query).find());
    }

    /** Methods that change nothing, so a session cookie alone may make them (the cookie is SameSite=Strict). */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Runs before every matched route. */
    public void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Needs.OPEN) || (roles.isEmpty() && ctx.path().startsWith("/webjars/"))) {
            return; // /health, the API description, and the WebJar files of its page hold no intelligence
        }
        Role needed = roles.stream().filter(Needs.class::isInstance).map(r -> ((Needs) r).role)
                .max(Enum::compareTo).orElse(Role.ADMIN); // a route that declares nothing is for admins only
        if (credentialInQuery(ctx)) {
            refused(ctx, 400);
            throw new CredentialInUrl("a token in the URL ends up in logs and browser history: send it as "
                    + "'Authorization: Bearer TOKEN' (and make a new one: this one has been exposed)");
        }
        String secret = secret(ctx.header("Authorization"));
        ApiToken token = secret == null ? null : tokens.authenticate(secret).orElse(null);
        String cookie = secret == null ? ctx.cookie(WebSessions.COOKIE) : null;
        if (cookie != null) {
            WebSessions.SignedIn signedIn = sessions.signedIn(cookie).orElse(null);
            token = signedIn == null ? null : signedIn.token();
            if (token != null && !SAFE_METHODS.contains(ctx.method().name())
                    && !WebSessions.csrfMatches(signedIn.session(), ctx.header(WebSessions.CSRF_HEADER))) {
                audit.record(token.id(), token.role().label(), ctx.method().name(), target(ctx), 403, ctx.ip());
                throw new Forbidden("a write signed in by the session cookie needs the session's " + WebSessions.CSRF_HEADER
                        + " header (GET /api/v1/session gives it), or 'Authorization: Bearer TOKEN'");
            }
        }
        if (token == null) {
            refused(ctx, 401);
            ctx.header("WWW-Authenticate", ctx.path().startsWith("/taxii2") ? "Basic realm=\"sightline\", Bearer realm=\"sightline\""
                    : "Bearer realm=\"sightline\"");
            throw new Unauthorized(cookie != null ? "this browser's session has ended (signed out, expired, the server restarted, "
                    + "or its token was revoked): sign in again"
                    : secret == null ? "this endpoint needs 'Authorization: Bearer TOKEN'"
                    + (ctx.path().startsWith("/taxii2") ? " or HTTP Basic with the token as password" : "") + " (sightline token create)"
                    : "the token is not valid (unknown or revoked)");
        }
        if (!token.role().includes(needed)) {
            audit.record(token.id(), token.role().label(), ctx.method().name(), target(ctx), 403, ctx.ip());
            throw new Forbidden("the token's role '" + token.role().label() + "' does not allow this; it needs '" + needed.label() + "'");
        }
        if (!token.collections().isEmpty() && !ctx.path().startsWith("/taxii2")) {
            // A partner token limited to TAXII collections sees those collections and nothing else: /api/v1
            // reads the whole knowledge base, so it is closed to such a token.
            audit.record(token.id(), token.role().label(), ctx.method().name(), target(ctx), 403, ctx.ip());
            throw new Forbidden("this token is limited to the TAXII collections " + token.collections()
                    + "; read them through /taxii2/, or use a token without --collections for /api/v1");
        }
        if (!limiter.allow(token.id())) {
            audit.record(token.id(), token.role().label(), ctx.method().name(), target(ctx), 429, ctx.ip());
            ctx.header("Retry-After", "1");
            throw new TooManyRequests("too many requests with this token; slow down (at most " + (int) PER_SECOND
                    + " a second sustained)");
        }
        ctx.attribute(TOKEN, token);
    }

    /** Refused requests from one address: a burst of 100, 10 a second sustained, each audited; beyond that, 429 and unaudited. */
    public static final double REFUSED_BURST = 100;
    public static final double REFUSED_PER_SECOND = 10;
    private final RateLimiter refusals = new RateLimiter(REFUSED_BURST, REFUSED_PER_SECOND);
    private final java.util.concurrent.atomic.AtomicLong unaudited = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Records a refusal, unless this address has been refused too often of late: then the request is
     * answered 429 and only counted, so a flood of bad credentials neither runs unchecked nor fills the audit log.
     */
    private void refused(Context ctx, int status) {
        if (!refusals.allow(ctx.ip())) {
            long count = unaudited.incrementAndGet();
            if (count % 1000 == 1) {
                org.slf4j.LoggerFactory.getLogger(Access.class).warn(
                        "{} refused requests not audited one by one so far (the latest from {})", count, ctx.ip());
            }
            ctx.header("Retry-After", "1");
            throw new TooManyRequests("too many refused requests from this address; wait a little (at most "
                    + (int) REFUSED_PER_SECOND + " a second)");
        }
        audit.record(null, null, ctx.method().name(), target(ctx), status, ctx.ip());
    }

    public static final class CredentialInUrl extends RuntimeException {
        public CredentialInUrl(String message) {
            super(message);
        }
    }

    /**
     * The token secret a request carries: {@code Bearer TOKEN}; {@code Token TOKEN}, which the OASIS
     * taxii2-client's {@code TokenAuth} sends (as Django REST framework does); or HTTP Basic with the
     * token as the password (for TAXII clients that only speak Basic; the user name is not checked).
     */
    private static String secret(String header) {
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        if (header.regionMatches(true, 0, "Token ", 0, 6)) {
            return header.substring(6).trim();
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
                        java.nio.charset.StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? null : pair.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    public static final class TooManyRequests extends RuntimeException {
        public TooManyRequests(String message) {
            super(message);
        }
    }

    public static final class Unauthorized extends RuntimeException {
        public Unauthorized(String message) {
            super(message);
        }
    }

    public static final class Forbidden extends RuntimeException {
        public Forbidden(String message) {
            super(message);
        }
    }
}
