package org.sightline.ingest.bundle;

import org.sightline.store.testing.Backend;

class H2BundleImportTest extends BundleImportContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
