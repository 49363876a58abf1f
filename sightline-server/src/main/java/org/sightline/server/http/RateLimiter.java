package org.sightline.server.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API token: a burst of {@code capacity} requests, refilled at {@code perSecond}.
 * One runaway script then slows only itself, not every other client of the server.
 */
public final class RateLimiter {
    private final double capacity;
    private final double perSecond;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double capacity, double perSecond) {
        this.capacity = capacity;
        this.perSecond = perSecond;
    }

    private static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }
    }

    /** True when the key may make a request now (and counts it); false when it must wait. */
    public boolean allow(String key) {
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.lastNanos) / 1e9 * perSecond);
            bucket.lastNanos = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }
}
