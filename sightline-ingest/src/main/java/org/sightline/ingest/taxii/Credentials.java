package org.sightline.ingest.taxii;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How a TAXII client proves who it is: HTTP Basic, a Bearer token, or nothing. Never printed. */
public record Credentials(String authorization) {

    public static Credentials none() {
        return new Credentials(null);
    }

    public static Credentials basic(String user, String password) {
        return new Credentials("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static Credentials bearer(String token) {
        return new Credentials("Bearer " + token);
    }

    @Override
    public String toString() {
        return authorization == null ? "no credentials" : authorization.substring(0, authorization.indexOf(' ')) + " credentials";
    }
}
