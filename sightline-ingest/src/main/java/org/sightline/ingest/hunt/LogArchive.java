package org.sightline.ingest.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.ingest.sightings.LogMatching;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;

/**
 * The logs Sightline keeps so that intelligence learnt later can be run over what was already seen.
 * Each kept file lives in its own folder under {@code <data>/logs/<date of its first event>/}, gzip
 * compressed, with its name unchanged (a Zeek log's name says what it holds) and a {@code kept.json}
 * beside it: where it came from, how many events, the first and last event's time. The archive also
 * remembers how far hunts have got through the store ({@link #huntedThrough}), so "the new
 * indicators" means the same to the command line and to the server.
 */
public final class LogArchive {
    private static final String META = "kept.json";
    private static final String HUNTED = "hunted-through";

    private final Path root;

    public LogArchive(Path root) {
        this.root = root;
    }

    /** The archive of a data directory. */
    public static LogArchive of(Path dataDirectory) {
        return new LogArchive(dataDirectory.resolve("logs"));
    }

    public Path root() {
        return root;
    }

    /** Keeps a copy of a file just read, compressed unless it already is. */
    public KeptLog keep(LogMatching.FileSpan span) {
        Path source = span.file();
        Instant keptAt = Instant.now();
        String day = span.first() == null ? "undated" : span.first().toString().substring(0, 10);
        try {
            Path folder = Files.createDirectories(root.resolve(day).resolve(String.format(Locale.ROOT, "%d-%08x", keptAt.toEpochMilli(),
                    source.toAbsolutePath().toString().hashCode())));
            String name = source.getFileName().toString();
            boolean gzip = isGzip(source);
            Path kept = folder.resolve(gzip || name.endsWith(".gz") ? name : name + ".gz");
            if (gzip) {
                Files.copy(source, kept);
            } else {
                try (InputStream in = Files.newInputStream(source); OutputStream out = new GZIPOutputStream(Files.newOutputStream(kept), 1 << 16)) {
                    in.transferTo(out);
                }
            }
            ObjectNode meta = StixJson.mapper().createObjectNode();
            meta.put("source", source.toAbsolutePath().toString());
            meta.put("file", kept.getFileName().toString());
            meta.put("events", span.events());
            meta.put("first_event", span.first() == null ? null : StixTimestamp.format(span.first()));
            meta.put("last_event", span.last() == null ? null : StixTimestamp.format(span.last()));
            meta.put("kept_at", StixTimestamp.format(keptAt));
            Files.writeString(folder.resolve(META), StixJson.mapper().writeValueAsString(meta));
            return new KeptLog(kept, source.toString(), span.first(), span.last(), span.events(), keptAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + source + " in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps files that were not read here (sent to the stream, say): they are read once for the time
     * span of their events, then kept, and logs kept longer ago than the retention are deleted.
     */
    public List<KeptLog> keepAll(List<Path> files, Duration retention) {
        LogMatching.Run spans = LogMatching.run(org.sightline.pattern.stream.IndicatorIndex.compile(List.of()), files,
                org.sightline.events.logs.LogFormat.AUTO, null, new org.sightline.events.sightings.SightingRecorder(null),
                Runtime.getRuntime().availableProcessors());
        List<KeptLog> kept = spans.files().stream().map(this::keep).toList();
        prune(retention, Instant.now());
        return kept;
    }

    /** Every kept log, oldest first. */
    public List<KeptLog> kept() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<KeptLog> logs = new ArrayList<>();
        try (Stream<Path> metas = Files.find(root, 3, (path, attributes) -> path.getFileName().toString().equals(META))) {
            for (Path meta : metas.toList()) {
                JsonNode json = StixJson.mapper().readTree(meta.toFile());
                Path file = meta.resolveSibling(json.path("file").asText());
                if (Files.isRegularFile(file)) {
                    logs.add(new KeptLog(file, json.path("source").asText(), instant(json.path("first_event")), instant(json.path("last_event")),
                            json.path("events").asLong(), instant(json.path("kept_at"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kept logs in " + root + ": " + e.getMessage(), e);
        }
        logs.sort(Comparator.comparing((KeptLog log) -> log.first() == null ? Instant.MIN : log.first()).thenComparing(log -> log.file().toString()));
        return logs;
    }

    /**
     * Deletes the logs kept longer ago than the retention; returns how many went. The clock is when a
     * log was kept, not when its events happened, so logs replayed from an old capture stay their time too.
     */
    public int prune(Duration retention, Instant now) {
        if (retention.isNegative() || retention.isZero()) {
            throw new InvalidInputException("a retention is 1 day or more, not " + retention.toDays() + " days");
        }
        Instant cut = now.minus(retention);
        int removed = 0;
        for (KeptLog log : kept()) {
            if (log.keptAt() != null && log.keptAt().isBefore(cut)) {
                deleteFolder(log.file().getParent());
                removed++;
            }
        }
        return removed;
    }

    /** The log files in a folder the user points to (Zeek or EVE files, plain or gzip), each dated by when it was last written. */
    public static List<KeptLog> folder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new NotFoundException("no such log folder: " + folder);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<KeptLog> logs = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).filter(LogArchive::looksLikeLog).sorted().toList()) {
                logs.add(new KeptLog(file, file.toString(), null, Files.getLastModifiedTime(file).toInstant(), -1, null));
            }
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The store sequence the last hunt of new indicators reached (0 before the first). */
    public long huntedThrough() {
        Path mark = root.resolve(HUNTED);
        try {
            return Files.isRegularFile(mark) ? Long.parseLong(Files.readString(mark).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read " + mark + " (delete it to hunt every indicator again): " + e.getMessage(), e);
        }
    }

    public void markHuntedThrough(long sequence) {
        try {
            Files.createDirectories(root);
            Path next = root.resolve(HUNTED + ".next");
            Files.writeString(next, Long.toString(sequence));
            Files.move(next, root.resolve(HUNTED), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(HUNTED) + ": " + e.getMessage(), e);
        }
    }

    private static boolean looksLikeLog(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".log") || name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".gz"));
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() && StixTimestamp.isValid(node.asText()) ? StixTimestamp.parse(node.asText()) : null;
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder + ": " + e.getMessage(), e);
        }
    }
}
