package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.intel.actors.ActorDirectory;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.tokens.Role;

/** A galaxy uploaded through the web links to the actors already known, as `sightline import` links it. */
class UploadLinksActorsTest {
    @Test
    void anUploadedGalaxyLinksItsClustersToTheAttackGroupsTheyAre() throws Exception {
        try (RunningServer server = RunningServer.start(loaded -> new BundleImporter(loaded.knowledge().intake())
                .importPaths(List.of(SharedData.menuPassSubset()), ImportOptions.strict(), ImportProgress.NONE))) {
            byte[] galaxy = Files.readAllBytes(SharedData.require("misp-galaxy/clusters_mitre-intrusion-set.json"));
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/import?filename=clusters_mitre-intrusion-set.json"))
                    .header("Authorization", "Bearer " + server.token(Role.ANALYST)).POST(HttpRequest.BodyPublishers.ofByteArray(galaxy)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = StixJson.mapper().readTree(response.body());
            assertThat(body.path("links_created").asInt()).isPositive();
            // menuPass's card now carries the galaxy's cluster for it: the same actor, not a stranger named alike
            var card = new ActorDirectory(server.test().store()).resolve("menuPass");
            assertThat(card.found()).isTrue();
            assertThat(card.match().linkedObjects()).isNotEmpty();
            assertThat(card.match().aliases()).anySatisfy(alias -> assertThat(alias.name()).isEqualTo("menuPass - G0045"));
        }
    }
}
