package org.sightline.store;

import org.sightline.store.testing.Backend;

/** The sharing contract on Postgres. */
class PostgresSharingStoreTest extends SharingStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
