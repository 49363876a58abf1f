package org.sightline.server;

import java.nio.file.Path;

/**
 * Where the server listens, and its TLS key when it speaks HTTPS itself. Loopback by default:
 * exposing it is a decision, not an accident.
 */
public record ServerOptions(String bind, int port, Tls tls) {

    /** A PKCS#12 keystore holding the server's certificate chain and private key, and its password. */
    public record Tls(Path keystore, String password) {
        @Override
        public String toString() {
            return "Tls[" + keystore + "]"; // never the password
        }
    }

    public ServerOptions(String bind, int port) {
        this(bind, port, null);
    }

    public static ServerOptions loopback(int port) {
        return new ServerOptions("127.0.0.1", port);
    }

    public String scheme() {
        return tls == null ? "http" : "https";
    }
}
