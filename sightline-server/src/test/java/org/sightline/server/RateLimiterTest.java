package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sightline.server.http.RateLimiter;

class RateLimiterTest {
    @Test
    void aBurstIsAllowedThenTheKeyWaitsWhileOthersGoOn() throws Exception {
        RateLimiter limiter = new RateLimiter(3, 20);
        assertThat(limiter.allow("a")).isTrue();
        assertThat(limiter.allow("a")).isTrue();
        assertThat(limiter.allow("a")).isTrue();
        assertThat(limiter.allow("a")).isFalse();
        assertThat(limiter.allow("b")).isTrue(); // one token's bucket is its own
        Thread.sleep(120); // 20 a second: two more after a tenth of a second and a bit
        assertThat(limiter.allow("a")).isTrue();
    }
}
