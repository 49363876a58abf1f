package org.sightline.ingest.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sightline.stix.json.StixReader;

/**
 * One look at an input: its name, whether it is a folder, and its first 64 KB uncompressed (a
 * gzipped file is looked at inside). Every format decides from this, so a file is opened once to
 * find out what it is, however many formats are asked.
 */
public record Peek(Path path, String fileName, boolean folder, byte[] head) {
    static final int HEAD_BYTES = 1 << 16;

    public static Peek of(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            return new Peek(path, name, true, new byte[0]);
        }
        try (InputStream in = StixReader.open(path)) {
            return new Peek(path, name, false, in.readNBytes(HEAD_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The name in lower case, for extensions. */
    public String lowerName() {
        return fileName.toLowerCase(Locale.ROOT);
    }
}
