package org.sightline.store.intake;

import org.sightline.store.testing.Backend;

/** The intake contract on H2. */
class H2IntakeTest extends IntakeContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
