package org.sightline.store.intake;

import org.sightline.store.testing.Backend;

/** The intake contract on Postgres. */
class PostgresIntakeTest extends IntakeContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
