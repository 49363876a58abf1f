package org.sightline.ingest.hunt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sightline.events.logs.LogFormat;
import org.sightline.events.sightings.SightingRecorder;
import org.sightline.ingest.sightings.LogMatching;
import org.sightline.pattern.stream.IndicatorIndex;

/**
 * Runs indicators learnt now over logs seen before: every log that may hold events from
 * {@code since} is read and matched, each file on its own thread (a kept log is one gzip stream, so
 * files, not chunks of one file, are what spread over the cores), and the sightings say they were
 * found retrospectively, with {@code first_seen} when the events happened. The files' tallies are
 * added up in the logs' order, so the sightings are the same whatever the number of threads.
 */
public final class RetroHunt {

    /** What a hunt read and found; {@code sightings} are STIX objects ready to import. */
    public record Result(int indicators, int files, int filesSkipped, long events, long malformed, long matchedEvents,
                         double seconds, List<ObjectNode> sightings, int sightingCount, List<String> problems) {
        public double eventsPerSecond() {
            return seconds == 0 ? 0 : events / seconds;
        }
    }

    private RetroHunt() {
    }

    public static Result run(IndicatorIndex index, List<KeptLog> logs, Instant since, int threads, String whereSighted) {
        Instant huntedOn = Instant.now();
        List<KeptLog> toRead = logs.stream().filter(log -> log.mayHoldEventsFrom(since)).toList();
        long start = System.nanoTime();
        List<SightingRecorder> recorders = new ArrayList<>();
        List<LogMatching.Run> runs = new ArrayList<>();
        if (index.size() > 0 && !toRead.isEmpty()) {
            ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, toRead.size())), runnable -> {
                Thread thread = new Thread(runnable, "retro-hunt");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<LogMatching.Run>> futures = new ArrayList<>();
                for (KeptLog log : toRead) {
                    SightingRecorder recorder = SightingRecorder.retroHunt(whereSighted, huntedOn);
                    recorders.add(recorder);
                    futures.add(workers.submit(() -> LogMatching.run(index, List.of(log.file()), LogFormat.AUTO, null, recorder, 1, since)));
                }
                for (Future<LogMatching.Run> future : futures) {
                    runs.add(future.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the hunt was interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } finally {
                workers.shutdownNow();
            }
        }
        SightingRecorder all = SightingRecorder.retroHunt(whereSighted, huntedOn);
        recorders.forEach(all::absorb);
        List<String> problems = new ArrayList<>();
        long events = 0;
        long malformed = 0;
        long matched = 0;
        for (LogMatching.Run run : runs) {
            events += run.events();
            malformed += run.malformed();
            matched += run.matchedEvents();
            problems.addAll(run.problems());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(index.size(), toRead.size(), logs.size() - toRead.size(), events, malformed, matched, seconds,
                all.stixObjects(), all.sightings(), List.copyOf(problems));
    }
}
