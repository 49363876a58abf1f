package org.sightline.server;

import org.junit.jupiter.api.BeforeAll;
import org.sightline.store.testing.Backend;

/** {@link GreenReaderLeakContract} on PostgreSQL, where levels and counts are SQL too (skipped when SIGHTLINE_TEST_PG_URL is unset). */
class PostgresGreenReaderLeakTest extends GreenReaderLeakContract {
    @BeforeAll
    static void start() {
        plantCanaries(Backend.POSTGRESQL);
    }
}
