package org.sightline.server.taxii;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sightline.store.feed.VersionFilter;

/**
 * Pages of objects already written out, for the many TAXII clients that poll the same feed. A page
 * is kept under its filter (which includes the reader's clearance) and the store's last sequence
 * number, so any write, by this server or another process, makes every older page unreachable; a
 * delete, which need not move that number, empties the cache. Least recently used pages go first
 * once the bodies add up to the limit (in bytes, the plain body counted).
 */
final class PageCache {
    /**
     * What a cached page answers with: the body as UTF-8, gzip-compressed on first demand (TAXII
     * clients built on Python requests ask for gzip; a page of JSON shrinks about tenfold), and the
     * first and last dates added.
     */
    static final class Page {
        private final byte[] body;
        private final String firstAdded;
        private final String lastAdded;
        private byte[] gzip;

        Page(String body, String firstAdded, String lastAdded) {
            this.body = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            this.firstAdded = firstAdded;
            this.lastAdded = lastAdded;
        }

        byte[] body() {
            return body;
        }

        String firstAdded() {
            return firstAdded;
        }

        String lastAdded() {
            return lastAdded;
        }

        /** The body gzip-compressed at the fastest level: compressed once, served to every client after. */
        synchronized byte[] gzip() {
            if (gzip == null) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 6 + 64);
                try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out, 1 << 16) {
                    {
                        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                    }
                }) {
                    zip.write(body);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot compress a page in memory", e);
                }
                gzip = out.toByteArray();
            }
            return gzip;
        }
    }

    private record Key(VersionFilter filter, long sequence) {
    }

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<Key, Page> pages = new LinkedHashMap<>(64, 0.75f, true);

    PageCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Page get(VersionFilter filter, long sequence) {
        return pages.get(new Key(filter, sequence));
    }

    synchronized void put(VersionFilter filter, long sequence, Page page) {
        if (page.body().length > maxBytes / 4) {
            return; // one huge page would push out everything else
        }
        Page previous = pages.put(new Key(filter, sequence), page);
        bytes += page.body().length - (previous == null ? 0 : previous.body().length);
        var oldest = pages.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            Map.Entry<Key, Page> evicted = oldest.next();
            bytes -= evicted.getValue().body().length;
            oldest.remove();
        }
    }

    synchronized void clear() {
        pages.clear();
        bytes = 0;
    }
}
