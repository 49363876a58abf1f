package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;
import org.sightline.store.tokens.Role;

/** The server speaks HTTPS itself when given a keystore, and then nothing else. */
class HttpsTest {

    /** A self-signed certificate for 127.0.0.1, made by the JDK's keytool as an administrator would. */
    private static Path keystore(Path dir) throws Exception {
        Path file = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sightline", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", "changeit-test", "-keypass", "changeit-test").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        return file;
    }

    private static HttpClient trusting(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, "changeit-test".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void withAKeystoreTheServerAnswersOverTlsAndNotInClearText(@TempDir Path dir) throws Exception {
        Path keystore = keystore(dir);
        try (TestStore test = Backend.H2.open();
             App app = new App(test.knowledge()).start(new ServerOptions("127.0.0.1", 0,
                     new ServerOptions.Tls(keystore, "changeit-test")))) {
            String token = test.knowledge().tokens().create("tls", Role.READER, "green").secret();
            HttpResponse<String> stats = trusting(keystore).send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + app.port()
                    + "/api/v1/stats")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stats.statusCode()).isEqualTo(200);
            assertThat(stats.sslSession()).hasValueSatisfying(session -> assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
