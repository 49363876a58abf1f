package org.sightline.server.auth;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sightline.error.InvalidInputException;
import org.sightline.server.http.HttpJson;
import org.sightline.store.tokens.ApiToken;

/**
 * POST /api/v1/session trades the token a page signed in with for a {@link WebSessions web session}
 * shared by the browser's tabs; GET /api/v1/session tells a new tab whether the browser is signed
 * in, as whom, and the CSRF token its writes carry; DELETE /api/v1/session signs the browser out.
 */
public final class SessionHandlers {
    private final WebSessions sessions;

    public SessionHandlers(WebSessions sessions) {
        this.sessions = sessions;
    }

    public void start(Context ctx) {
        if (ctx.header("Authorization") == null) {
            throw new InvalidInputException("a session is made from a token: send 'Authorization: Bearer TOKEN'");
        }
        ApiToken token = Access.token(ctx);
        WebSessions.Started started = sessions.start(token.id());
        ctx.header("Set-Cookie", cookie(ctx, started.cookie(), WebSessions.LIFETIME.toSeconds()));
        HttpJson.write(ctx, answer(token, started.session().csrf()));
    }

    /**
     * Open to all, as a page cannot tell whether it holds an HttpOnly cookie: a browser without a
     * live session is told {@code signed_in: false} (a 200, so a page asking is no console error),
     * one with a session who it is signed in as and its CSRF token. It tells nothing else.
     */
    public void show(Context ctx) {
        HttpJson.write(ctx, sessions.signedIn(ctx.cookie(WebSessions.COOKIE))
                .<Map<String, Object>>map(signedIn -> answer(signedIn.token(), signedIn.session().csrf()))
                .orElse(Map.of("signed_in", false)));
    }

    public void end(Context ctx) {
        sessions.end(ctx.cookie(WebSessions.COOKIE));
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        HttpJson.write(ctx, Map.of("signed_out", true));
    }

    private static Map<String, Object> answer(ApiToken token, String csrf) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("signed_in", true);
        answer.put("token_id", token.id());
        answer.put("name", token.name());
        answer.put("role", token.role().label());
        answer.put("clearance", token.clearance());
        answer.put("csrf_token", csrf);
        return answer;
    }

    /** HttpOnly: no script reads it; SameSite=Strict: no other site's page makes the browser send it; Secure over HTTPS. */
    private static String cookie(Context ctx, String value, long maxAgeSeconds) {
        return WebSessions.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + ("https".equals(ctx.scheme()) ? "; Secure" : "");
    }
}
