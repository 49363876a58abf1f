package org.sightline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.server.App;
import org.sightline.server.ServerOptions;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StoreLocation;

/**
 * "sightline serve" in one terminal and "sightline import" in another, on one data directory: the
 * import runs in a real second JVM, the store is shared through H2's mixed mode, and the server's
 * search index catches up with what the other process wrote.
 */
class SharedDataDirectoryTest {
    @TempDir
    Path dataDir;

    @Test
    void anImportInAnotherProcessReachesTheRunningServer() throws Exception {
        Path bundle = SharedData.menuPassSubset();
        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(dataDir));
             App app = new App(knowledge).start(ServerOptions.loopback(0))) {
            Process importer = new ProcessBuilder(javaCommand("import", bundle.toString(), "--json",
                    "--data-dir", dataDir.toString())).redirectErrorStream(false).start();
            String out = new String(importer.getInputStream().readAllBytes());
            String err = new String(importer.getErrorStream().readAllBytes());
            assertThat(importer.waitFor()).as(err).isZero();
            JsonNode report = StixJson.mapper().readTree(out);
            assertThat(report.path("imported").asLong()).isEqualTo(318);
            // Either process may bring the search index up to date: the importer when it gets the writer, else the server.

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            token = knowledge.tokens().create("test", org.sightline.store.tokens.Role.READER, "red").secret();
            assertThat(get(http, base + "/api/v1/actors?q=stone%20panda").path("match").path("name").asText())
                    .isEqualTo("menuPass");
            // The server indexes the other process's writes on its next sync; wait for it, up to a generous bound.
            JsonNode hits = null;
            for (int attempt = 0; attempt < 100; attempt++) {
                hits = get(http, base + "/api/v1/search?q=menupass").path("hits");
                if (hits.size() > 0) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(hits).isNotEmpty();
        }
    }

    private static String token;

    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        return StixJson.mapper().readTree(response.body());
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Sightline.class.getName());
        command.addAll(List.of(args));
        return command;
    }
}
