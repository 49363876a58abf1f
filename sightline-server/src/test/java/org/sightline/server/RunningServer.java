package org.sightline.server;

import java.util.function.Consumer;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;
import org.sightline.store.tokens.Role;

/** A real server on a loopback port over a scratch H2 store, loaded as a test needs; closed with the store. */
record RunningServer(TestStore test, App app) implements AutoCloseable {

    static RunningServer start(Consumer<TestStore> load) {
        TestStore test = Backend.H2.open();
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
        return test.knowledge().tokens().create("test " + role.label(), role, "red").secret();
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
