package org.sightline.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import org.sightline.server.App;

/**
 * What to do with the body of a request refused as too large, before the 413 goes out.
 *
 * <p>A server that answers while the client is still sending and then closes the connection has
 * unread bytes in its socket buffer; the kernel answers those with a reset, which can destroy the
 * 413 before the client reads it (the client then sees "no bytes" instead of the limit). Reading
 * the rest of the body first lets the answer arrive. The read is bounded: past {@link #DRAIN_LIMIT}
 * the connection is closed regardless, so a client cannot keep a worker busy with an endless body.
 */
public final class OversizedBodies {
    public static final long DRAIN_LIMIT = 4 * App.MAX_REQUEST_BYTES;

    private OversizedBodies() {
    }

    public static void discard(Context ctx) {
        ctx.header("Connection", "close");
        long declared = ctx.req().getContentLengthLong();
        if (declared > DRAIN_LIMIT) {
            return;
        }
        byte[] sink = new byte[64 * 1024];
        long read = 0;
        try (InputStream body = ctx.req().getInputStream()) {
            for (int n; read < DRAIN_LIMIT && (n = body.read(sink)) >= 0; ) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client gave up or the body was already taken: the 413 is still the answer
        }
    }
}
