package org.sightline.ingest.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sightline.ingest.bundle.FileOutcome;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.stix.json.StixReader;

/**
 * STIX 2.0 or 2.1: a bundle, a list of objects or one object, plain or gzipped, streamed object by
 * object so a file of any size imports in the memory of its largest object. What no other format
 * claims is read as STIX, whose reader says what is wrong with it.
 */
public final class StixFormat implements InputFormat {
    private final ImportProgress progress;

    public StixFormat(ImportProgress progress) {
        this.progress = progress;
    }

    @Override
    public String name() {
        return "STIX";
    }

    @Override
    public boolean recognises(Peek peek) {
        return !peek.folder();
    }

    @Override
    public FileOutcome read(Path file, Documents into) {
        long size = sizeOf(file);
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file))) {
            InputStream in = StixReader.gunzipIfCompressed(counted);
            return into.stream(in, file.toString(), objects -> progress.update(file, counted.count(), size, objects));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
