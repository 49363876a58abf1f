package org.sightline.ingest.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sightline.error.NotFoundException;

/** Expands the paths a user names into the files to import: files as given, folders recursively. */
public final class InputFiles {
    private InputFiles() {
    }

    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(InputFiles::looksLikeJson).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
                }
            } else {
                throw new NotFoundException("no such file or folder: " + path);
            }
        }
        return files;
    }

    /** Inside folders only JSON documents are taken, so licences and READMEs beside them are skipped. */
    static boolean looksLikeJson(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".json.gz");
    }
}
