package org.sightline.events.logs;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sightline.pattern.stream.Event;

/**
 * Decodes a log's chunks of lines on worker threads and hands what they made to the caller in
 * the log's order. The calling thread reads the chunks (and the headers between them) and takes
 * finished chunks in order; at most a few chunks per thread are in flight, so memory stays that of
 * those chunks whatever the size of the log. With one thread everything runs on the caller's.
 */
final class ChunkedRead {
    /** Chunks in flight per worker: enough that a worker never waits for the reader, few enough to bound memory. */
    private static final int IN_FLIGHT_PER_THREAD = 4;

    private ChunkedRead() {
    }

    static <T> void run(LineChunks chunks, LineChunks.Headers headers, LogReader.Counter counter, int threads,
                        Supplier<Function<Event, T>> perThread, BiConsumer<Event, T> inOrder) throws IOException {
        if (threads <= 1) {
            Function<Event, T> work = perThread.get();
            for (LineChunks.Chunk chunk; (chunk = chunks.next(headers)) != null; ) {
                decode(chunk, counter.source, work).deliver(counter, inOrder);
            }
            return;
        }
        ThreadLocal<Function<Event, T>> work = ThreadLocal.withInitial(perThread);
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemons());
        try {
            Deque<Future<Decoded<T>>> inFlight = new ArrayDeque<>();
            for (LineChunks.Chunk chunk; (chunk = chunks.next(headers)) != null; ) {
                LineChunks.Chunk next = chunk;
                inFlight.add(workers.submit(() -> decode(next, counter.source, work.get())));
                if (inFlight.size() >= threads * IN_FLIGHT_PER_THREAD) {
                    take(inFlight.poll()).deliver(counter, inOrder);
                }
            }
            while (!inFlight.isEmpty()) {
                take(inFlight.poll()).deliver(counter, inOrder);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static <T> Decoded<T> take(Future<Decoded<T>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemons() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "sightline-read-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Every line of a chunk decoded, and each event through the thread's work. */
    private static <T> Decoded<T> decode(LineChunks.Chunk chunk, String source, Function<Event, T> work) {
        Decoded<T> decoded = new Decoded<>(work);
        chunk.decoder().decode(chunk, source, decoded);
        return decoded;
    }

    /** What a chunk's lines gave: events with their results, counts, and the problems in line order. */
    private static final class Decoded<T> implements ChunkDecoder.Lines {
        private final Function<Event, T> work;
        private final List<Event> events = new ArrayList<>();
        private final List<T> results = new ArrayList<>();
        private long read;
        private long skipped;
        private final List<Long> problemLines = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        Decoded(Function<Event, T> work) {
            this.work = work;
        }

        @Override
        public void event(Event event) {
            read++;
            T result = work.apply(event);
            if (result != null) {
                events.add(event);
                results.add(result);
            }
        }

        @Override
        public void skipped() {
            skipped++;
        }

        @Override
        public void malformed(long line, String why) {
            problemLines.add(line);
            problems.add(why);
        }

        void deliver(LogReader.Counter counter, BiConsumer<Event, T> inOrder) {
            counter.events += read;
            counter.skipped += skipped;
            for (int i = 0; i < problems.size(); i++) {
                counter.malformed(problemLines.get(i), problems.get(i));
            }
            for (int i = 0; i < events.size(); i++) {
                inOrder.accept(events.get(i), results.get(i));
            }
        }
    }
}
