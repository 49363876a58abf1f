package org.sightline.ingest.bundle;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixReader;

/**
 * Parses, upgrades and validates a document on its own thread while the caller writes the previous
 * batch to the store, so that an import keeps both cores busy. The queue is short, so memory stays
 * bounded whatever the document's size; an error on either side stops both.
 */
final class ParsingPipeline implements AutoCloseable {
    private static final int BATCH = 500;
    private static final List<StixObject> END = List.of();

    /** Turns one parsed JSON object into the object to store, or null when it is not to be stored. */
    @FunctionalInterface
    interface ObjectCheck {
        StixObject check(com.fasterxml.jackson.databind.node.ObjectNode json, long index, long line);
    }

    private final BlockingQueue<List<StixObject>> queue = new ArrayBlockingQueue<>(8);
    private final Thread producer;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    ParsingPipeline(InputStream in, String source, ObjectCheck check) {
        producer = new Thread(() -> produce(in, source, check), "sightline-parse");
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(InputStream in, String source, ObjectCheck check) {
        List<StixObject> batch = new ArrayList<>(BATCH);
        try {
            StixReader.read(in, source, (json, index, line) -> {
                StixObject object = check.check(json, index, line);
                if (object != null) {
                    batch.add(object);
                    if (batch.size() >= BATCH) {
                        hand(new ArrayList<>(batch));
                        batch.clear();
                    }
                }
            });
            if (!batch.isEmpty()) {
                hand(batch);
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            try {
                hand(END);
            } catch (RuntimeException ignored) {
                // the consumer has gone; nothing waits for the end marker
            }
        }
    }

    private void hand(List<StixObject> batch) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new CancelledException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    /** The next batch, or null at the end of the document; rethrows what stopped the parser. */
    List<StixObject> next() {
        try {
            List<StixObject> batch = queue.take();
            if (batch == END) {
                producer.join();
                if (failure != null && !(failure instanceof CancelledException)) {
                    throw failure;
                }
                return null;
            }
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the parser when the writer has given up. */
    private static final class CancelledException extends RuntimeException {
        CancelledException() {
            super(null, null, false, false);
        }
    }
}
