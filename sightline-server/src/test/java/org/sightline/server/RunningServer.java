package org.sightline.server;

import java.util.function.Consumer;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;
import org.sightline.store.tokens.Role;

/** A real server on a loopback port over a scratch H2 store, loaded as a test needs; closed with the store. */
record RunningServer(TestStore test, App app) implements AutoCloseable {

    static RunningServer start(Consumer<TestStore> load) {
        return start(Backend.H2, load);
    }

    /** The same on the given backend (PostgreSQL is skipped when not configured). */
    static RunningServer start(Backend backend, Consumer<TestStore> load) {
        TestStore test = backend.open();
        try {
            load.accept(test);
            return new RunningServer(test, new App(test.knowledge()).start(ServerOptions.loopback(0)));
        } catch (RuntimeException e) {
            test.close();
            throw e;
        }
    }

    /** A fresh token's secret, with the role and full clearance. */
    String token(Role role) {
        return token(role, "red");
    }

    /** A fresh token's secret, with the role and the TLP clearance named ("green", "amber", "red"…). */
    String token(Role role, String clearance) {
        return test.knowledge().tokens().create("test " + role.label() + " " + clearance, role, clearance).secret();
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    java.net.URI uri(String path) {
        return java.net.URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** GET with a Bearer token. */
    java.net.http.HttpResponse<String> get(String path, String token) throws Exception {
        return send(java.net.http.HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token));
    }

    /** POST of a JSON body with a Bearer token. */
    java.net.http.HttpResponse<String> post(String path, String token, String json) throws Exception {
        return send(java.net.http.HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    java.net.http.HttpResponse<String> send(java.net.http.HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            test.close();
        }
    }
}
