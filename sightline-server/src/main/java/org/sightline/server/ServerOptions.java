package org.sightline.server;

/** Where the server listens. Loopback by default: exposing it is a decision, not an accident. */
public record ServerOptions(String bind, int port) {
    public static ServerOptions loopback(int port) {
        return new ServerOptions("127.0.0.1", port);
    }
}
