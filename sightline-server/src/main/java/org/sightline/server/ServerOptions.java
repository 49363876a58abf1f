package org.sightline.server;

import java.nio.file.Path;

/**
 * Where the server listens, and its TLS key when it speaks HTTPS itself. Loopback by default:
 * exposing it is a decision, not an accident.
 */
public record ServerOptions(String bind, int port, Tls tls, String publicUrl) {

    /** A PKCS#12 keystore holding the server's certificate chain and private key, and its password. */
    public record Tls(Path keystore, String password) {
        @Override
        public String toString() {
            return "Tls[" + keystore + "]"; // never the password
        }
    }

    public ServerOptions(String bind, int port) {
        this(bind, port, null, null);
    }

    public ServerOptions(String bind, int port, Tls tls) {
        this(bind, port, tls, null);
    }

    /**
     * The base URL clients reach this server at, as TAXII discovery and the demo's sign-in link name
     * it: the configured public URL (behind a proxy), else this scheme, address and port, a wildcard
     * address read as loopback (nobody can connect to 0.0.0.0; remote clients need --public-url).
     * Never the request's Host header, which the client chooses.
     */
    public String baseUrl(int actualPort) {
        if (publicUrl != null) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        String host = switch (bind) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        };
        return scheme() + "://" + host + ":" + actualPort;
    }

    public static ServerOptions loopback(int port) {
        return new ServerOptions("127.0.0.1", port);
    }

    public String scheme() {
        return tls == null ? "http" : "https";
    }
}
