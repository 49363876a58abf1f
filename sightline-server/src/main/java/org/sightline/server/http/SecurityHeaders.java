package org.sightline.server.http;

import io.javalin.http.Context;

/**
 * The headers every answer carries, so that a browser treats stored intelligence as data: no MIME
 * sniffing, no referrer sent with a followed link, never framed by another site, and a
 * Content-Security-Policy under which the web interface runs only its own scripts and talks only to
 * this server. A name or URL full of HTML or {@code javascript:} found its way into the store cannot
 * run here even if a page rendered it wrongly. Inline styles stay allowed: the charts' tooltips set
 * them, and a style cannot read the token.
 */
public final class SecurityHeaders {
    public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** The API description page runs Swagger UI's one inline start-up script, and nothing else of the UI's. */
    public static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void add(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", ctx.path().equals("/api/docs") ? API_DOCS_POLICY : POLICY);
    }
}
