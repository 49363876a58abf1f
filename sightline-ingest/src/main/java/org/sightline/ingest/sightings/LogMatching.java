package org.sightline.ingest.sightings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAccumulator;
import org.sightline.events.logs.JsonLinesMapping;
import org.sightline.events.logs.LogFormat;
import org.sightline.events.logs.LogReader;
import org.sightline.events.logs.ReadReport;
import org.sightline.events.sightings.SightingRecorder;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.pattern.stream.StreamMatch;
import org.sightline.pattern.stream.StreamingMatcher;

/** Runs log files through a compiled indicator set and records sightings: what "sightline match" does. */
public final class LogMatching {

    /** Totals of a run; {@code problems} are malformed lines with file and line number (first 50 per file). */
    public record Run(long events, long malformed, long matchedEvents, int sightings, double seconds,
                      List<String> problems, List<FileSpan> files) {
        public double eventsPerSecond() {
            return seconds == 0 ? 0 : events / seconds;
        }
    }

    /** One file read: how many events it held and the time of its first and last (null when it held none). */
    public record FileSpan(Path file, long events, Instant first, Instant last) {
    }

    private LogMatching() {
    }

    public static Run run(IndicatorIndex index, List<Path> files, LogFormat format, JsonLinesMapping mapping,
                          SightingRecorder recorder) {
        return run(index, files, format, mapping, recorder, 1);
    }

    public static Run run(IndicatorIndex index, List<Path> files, LogFormat format, JsonLinesMapping mapping,
                          SightingRecorder recorder, int threads) {
        return run(index, files, format, mapping, recorder, threads, null);
    }

    /**
     * The same on {@code threads} threads: each reads and screens its share of the lines against
     * the index (see StreamingMatcher.screening); matches are completed and recorded on the calling
     * thread in the log's order, so the sightings are the same as on one thread. Events before
     * {@code since} (null: none) are read and counted but not matched, as a hunt over kept logs wants.
     */
    public static Run run(IndicatorIndex index, List<Path> files, LogFormat format, JsonLinesMapping mapping,
                          SightingRecorder recorder, int threads, Instant since) {
        StreamingMatcher matcher = new StreamingMatcher(index, Duration.ofHours(1));
        LogReader reader = new LogReader(mapping);
        long[] matched = {0};
        long events = 0;
        long malformed = 0;
        List<String> problems = new ArrayList<>();
        List<FileSpan> spans = new ArrayList<>();
        long sinceMillis = since == null ? Long.MIN_VALUE : since.toEpochMilli();
        long start = System.nanoTime();
        for (Path file : files) {
            LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
            LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);
            ReadReport report = reader.read(file, format, threads, () -> {
                StreamingMatcher.Screening screening = matcher.screening();
                return event -> {
                    if (event.time() != null) {
                        long time = event.time().toEpochMilli();
                        first.accumulate(time);
                        last.accumulate(time);
                        if (time < sinceMillis) {
                            return null;
                        }
                    }
                    StreamingMatcher.Screened screened = screening.screen(event);
                    return screened.isEmpty() ? null : screened;
                };
            }, (event, screened) -> {
                List<StreamMatch> matches = matcher.complete(event, screened);
                if (!matches.isEmpty()) {
                    matched[0]++;
                    matches.forEach(recorder::record);
                }
            });
            events += report.events();
            malformed += report.malformed();
            problems.addAll(report.problems());
            boolean dated = first.get() != Long.MAX_VALUE;
            spans.add(new FileSpan(file, report.events(), dated ? Instant.ofEpochMilli(first.get()) : null,
                    dated ? Instant.ofEpochMilli(last.get()) : null));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(events, malformed, matched[0], recorder.sightings(), seconds, problems, List.copyOf(spans));
    }
}
