package org.sightline.store;

import org.sightline.store.testing.Backend;

/** The store contract on a real PostgreSQL server (SIGHTLINE_TEST_PG_URL; .ci/run starts one). */
class PostgresStixStoreTest extends StixStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
