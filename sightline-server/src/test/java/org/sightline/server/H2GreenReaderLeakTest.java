package org.sightline.server;

import org.junit.jupiter.api.BeforeAll;
import org.sightline.store.testing.Backend;

/** {@link GreenReaderLeakContract} on the embedded H2 store. */
class H2GreenReaderLeakTest extends GreenReaderLeakContract {
    @BeforeAll
    static void start() {
        plantCanaries(Backend.H2);
    }
}
