package org.sightline.intel.claims;

import org.sightline.store.testing.Backend;

/** The Stone Panda story on a real PostgreSQL server (SIGHTLINE_TEST_PG_URL; .ci/run starts one). */
class StonePandaClaimsOnPostgresTest extends StonePandaClaimsTest {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
