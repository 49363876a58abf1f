package org.sightline.store;

import org.sightline.store.testing.Backend;

/** The sharing contract on H2. */
class H2SharingStoreTest extends SharingStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
