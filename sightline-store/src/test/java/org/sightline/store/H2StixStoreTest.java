package org.sightline.store;

import org.sightline.store.testing.Backend;

/** The store contract on the embedded default, H2. */
class H2StixStoreTest extends StixStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
