package org.sightline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory belongs to the OS user who runs Sightline and to nobody else: it holds RED
 * objects, the token table and the evidence vault. It is kept 0700 and everything Sightline keeps in
 * it owner-only (0600 files), and the embedded database has a random password kept in an owner-only
 * file, so another local user can neither read the files nor log in to H2's auto-server port.
 */
public final class DataDirectory {
    /** The embedded database's password, beside its file; generated on first use. */
    static final String PASSWORD_FILE = "sightline.password";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DataDirectory() {
    }

    /** What Sightline keeps in a data directory; nothing else in it is touched. */
    static final java.util.List<String> OURS = java.util.List.of("db", "index", "vault", "streams");

    /**
     * Creates the directory owner-only if it is missing and takes group and other permissions off
     * everything Sightline keeps in it (a store made by an earlier version was 0755/0644).
     * Read-only files, such as archived evidence, stay read-only. A directory that also holds things
     * that are not Sightline's (someone gave --data-dir a folder in use) keeps its own mode: only
     * Sightline's folders in it are made owner-only.
     */
    public static Path secure(Path dataDir) {
        boolean existed = Files.isDirectory(dataDir);
        if (!existed) {
            createOwnerOnly(dataDir);
        }
        if (!posix(dataDir)) {
            return dataDir; // Windows: the user profile's ACLs already keep other users out of ~/.sightline
        }
        try {
            if (existed && holdsOnlyOurs(dataDir)) {
                Files.setPosixFilePermissions(dataDir, OWNER_ONLY_DIRECTORY);
            }
            for (String name : OURS) {
                Path ours = dataDir.resolve(name);
                if (Files.isDirectory(ours, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> walk = Files.walk(ours)) {
                        walk.filter(path -> !Files.isSymbolicLink(path)).forEach(DataDirectory::ownerOnly);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot secure the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        return dataDir;
    }

    private static boolean holdsOnlyOurs(Path dataDir) throws IOException {
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.allMatch(entry -> OURS.contains(entry.getFileName().toString()));
        }
    }

    /** A directory (and its missing parents inside nothing of ours) created as 0700. */
    public static Path createOwnerOnly(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Path parent = directory.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.createDirectory(directory, attributes(directory, OWNER_ONLY_DIRECTORY));
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first
                }
            }
            if (posix(directory)) {
                Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The embedded database's password, from {@code db/sightline.password}; the first caller makes
     * it (32 random bytes), written owner-only. {@code created} tells the caller to set it on a
     * database file that existed before.
     */
    public record EmbeddedPassword(String password, boolean created) {
    }

    public static EmbeddedPassword embeddedPassword(Path dataDir) {
        Path db = createOwnerOnly(dataDir.resolve("db"));
        Path file = db.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return new EmbeddedPassword(Files.readString(file, StandardCharsets.UTF_8).strip(), false);
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            // Written whole under another name, then linked into place: a second process starting at the same
            // moment reads either no file or the whole password, and only one password is ever placed.
            Path written = Files.createTempFile(db, "password-", ".tmp", attributes(db, OWNER_ONLY_FILE));
            try {
                Files.writeString(written, password, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.createLink(file, written);
                } catch (FileAlreadyExistsException raced) {
                    return new EmbeddedPassword(Files.readString(file, StandardCharsets.UTF_8).strip(), false);
                } catch (UnsupportedOperationException noLinks) {
                    Files.move(written, file);
                }
            } finally {
                Files.deleteIfExists(written);
            }
            return new EmbeddedPassword(password, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the database password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The password of the embedded store in this data directory, for tools and tests that open it with JDBC. */
    public static String embeddedPasswordOf(Path dataDir) {
        return embeddedPassword(dataDir).password();
    }

    private static void ownerOnly(Path path) {
        if (!posix(path)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
            boolean changed = permissions.removeAll(GROUP_AND_OTHERS);
            if (Files.isDirectory(path)) {
                changed |= permissions.addAll(OWNER_ONLY_DIRECTORY);
            } else if (!permissions.contains(PosixFilePermission.OWNER_READ)) {
                changed |= permissions.add(PosixFilePermission.OWNER_READ);
            }
            if (changed) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // a temporary file (an index merge, a lock) went while we walked
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + path + " owner-only: " + e.getMessage(), e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }
}
