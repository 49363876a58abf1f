package org.sightline.server;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Set;
import org.sightline.store.tokens.ApiToken;
import org.sightline.store.tokens.Role;
import org.sightline.store.tokens.TokenStore;

/**
 * Who may call what. Every route but /health declares the role it needs; a request must carry
 * {@code Authorization: Bearer TOKEN} for a valid token whose role includes it. Missing or wrong
 * credentials are a 401, a valid token without the role a 403; both are answered before the route
 * runs, so neither says whether the object asked for exists. Tokens never reach the log.
 */
final class Access {
    /** The role a route needs, as Javalin carries it. */
    enum Needs implements RouteRole {
        OPEN(null), READ(Role.READER), WRITE(Role.ANALYST), ADMIN(Role.ADMIN);

        private final Role role;

        Needs(Role role) {
            this.role = role;
        }
    }

    static final String TOKEN = "sightline.token";

    private final TokenStore tokens;

    Access(TokenStore tokens) {
        this.tokens = tokens;
    }

    /** Runs before every matched route. */
    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Needs.OPEN)) {
            return;
        }
        Role needed = roles.stream().filter(Needs.class::isInstance).map(r -> ((Needs) r).role)
                .max(Enum::compareTo).orElse(Role.ADMIN); // a route that declares nothing is for admins only
        String header = ctx.header("Authorization");
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        ApiToken token = secret == null ? null : tokens.authenticate(secret).orElse(null);
        if (token == null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"sightline\"");
            throw new Unauthorized(secret == null ? "this endpoint needs 'Authorization: Bearer TOKEN' (sightline token create)"
                    : "the token is not valid (unknown or revoked)");
        }
        if (!token.role().includes(needed)) {
            throw new Forbidden("the token's role '" + token.role().label() + "' does not allow this; it needs '" + needed.label() + "'");
        }
        ctx.attribute(TOKEN, token);
    }

    static final class Unauthorized extends RuntimeException {
        Unauthorized(String message) {
            super(message);
        }
    }

    static final class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }
}
