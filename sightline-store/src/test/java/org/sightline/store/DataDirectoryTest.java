package org.sightline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.store.testing.Objects;

/** Another local user can neither read the data directory nor log in to the embedded database. */
class DataDirectoryTest {

    private static Set<PosixFilePermission> permissions(Path path) throws Exception {
        return Files.getPosixFilePermissions(path);
    }

    private static List<Path> everything(Path dataDir) throws Exception {
        try (Stream<Path> walk = Files.walk(dataDir)) {
            return walk.toList();
        }
    }

    private static void assertOwnerOnly(Path dataDir) throws Exception {
        assertThat(permissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertOwnerOnlyBelow(dataDir);
    }

    @Test
    void aNewStoreIsOwnerOnlyWithARandomDatabasePassword(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("home");
        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(dataDir))) {
            knowledge.store().write(writer -> {
                writer.put(Objects.intrusionSet(Objects.MENUPASS, "2018-01-01T00:00:00.000Z", "menuPass"));
                return null;
            });
            assertOwnerOnly(dataDir);
            Path passwordFile = dataDir.resolve("db").resolve(DataDirectory.PASSWORD_FILE);
            assertThat(permissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(passwordFile).strip()).hasSizeGreaterThanOrEqualTo(40);
            // the administrator 'sa' without the password, as every store had before, is refused
            assertThatThrownBy(() -> DriverManager.getConnection(knowledge.location().jdbcUrl(), "sa", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
        }
    }

    @Test
    void aStoreMadeByAnEarlierVersionIsTightenedAndGetsAPassword(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("old");
        String url = StoreLocation.embeddedH2Url(dataDir);
        KnowledgeBase.open(StoreLocation.embedded(dataDir)).close();
        // Undo what this version does, to get the store an earlier one left: 'sa' without a password, files 0755/0644.
        try (var connection = DriverManager.getConnection(url, "sa", DataDirectory.embeddedPasswordOf(dataDir))) {
            connection.createStatement().execute("CREATE TABLE was_here (x INT)");
            connection.createStatement().execute("ALTER USER sa SET PASSWORD ''");
        }
        Files.delete(dataDir.resolve("db").resolve(DataDirectory.PASSWORD_FILE));
        for (Path path : everything(dataDir)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(dataDir))) {
            assertThat(knowledge.store().stats().objects()).isZero();
            assertOwnerOnly(dataDir);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
            try (var connection = DriverManager.getConnection(url, "sa", DataDirectory.embeddedPasswordOf(dataDir))) {
                assertThat(connection.createStatement().executeQuery("SELECT COUNT(*) FROM was_here").next()).isTrue();
            }
        }
    }

    @Test
    void aFolderThatHoldsOtherThingsKeepsItsModeAndTheirs(@TempDir Path parent) throws Exception {
        // --data-dir given a folder in use: only Sightline's own folders in it are made owner-only
        Path shared = parent.resolve("projects");
        Files.createDirectories(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path notes = Files.writeString(shared.resolve("notes.txt"), "mine");
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-r--r--"));
        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(shared))) {
            assertThat(permissions(shared)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThat(permissions(notes)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
            for (String ours : List.of("db", "index")) {
                assertOwnerOnlyBelow(shared.resolve(ours));
            }
        }
    }

    private static void assertOwnerOnlyBelow(Path directory) throws Exception {
        for (Path path : everything(directory)) {
            assertThat(permissions(path)).as(path.toString()).noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        }
    }

    @Test
    void theAutoServerListensOnLoopbackOnly(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("served");
        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(dataDir))) {
            Properties lock = new Properties();
            try (var in = Files.newInputStream(dataDir.resolve("db").resolve("sightline.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("the lock file's server address").matches("(127\\.0\\.0\\.1|localhost):\\d+");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            try (Socket loopback = new Socket("127.0.0.1", port)) {
                assertThat(loopback.isConnected()).isTrue();
            }
            for (InetAddress address : NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> !a.isLoopbackAddress()).toList()) {
                try (Socket outside = new Socket()) {
                    assertThatThrownBy(() -> outside.connect(new InetSocketAddress(address, port), 1000))
                            .as("the auto-server port on %s", address).isInstanceOf(java.io.IOException.class);
                }
            }
        }
    }

    @Test
    void aSecondOsUserCannotReadTheStore(@TempDir Path parent) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")),
                "skipped: needs root and runuser to act as a second user (CI runs as root)");
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dataDir = parent.resolve("home");
        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(dataDir))) {
            knowledge.store().write(writer -> {
                writer.put(Objects.intrusionSet(Objects.MENUPASS, "2018-01-01T00:00:00.000Z", "menuPass"));
                return null;
            });
            for (String target : List.of(dataDir.toString(), dataDir.resolve("db/sightline.mv.db").toString(),
                    dataDir.resolve("db").resolve(DataDirectory.PASSWORD_FILE).toString(), dataDir.resolve("db/sightline.lock.db").toString())) {
                Process cat = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--", "cat", target)
                        .redirectErrorStream(true).start();
                String said = new String(cat.getInputStream().readAllBytes());
                assertThat(cat.waitFor()).as("nobody reading %s: %s", target, said).isNotZero();
                assertThat(said).contains("Permission denied");
            }
        }
    }
}
