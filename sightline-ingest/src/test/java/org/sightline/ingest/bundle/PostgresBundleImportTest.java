package org.sightline.ingest.bundle;

import org.sightline.store.testing.Backend;

class PostgresBundleImportTest extends BundleImportContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
