package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.events.logs.LogFormat;
import org.sightline.events.sightings.SightingRecorder;
import org.sightline.ingest.hunt.LogArchive;
import org.sightline.ingest.sightings.LogMatching;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.tokens.Role;

/** A hunt over the server's kept logs from the API, with the real WRCCDC 2018 DNS log kept. */
class HuntApiTest {
    private static RunningServer server;
    private static String analyst;
    private static String reader;

    @BeforeAll
    static void start() {
        server = RunningServer.start(loaded -> {
            LogArchive archive = LogArchive.of(loaded.knowledge().location().dataDir());
            LogMatching.run(IndicatorIndex.compile(List.of()), List.of(SharedData.require("logs/zeek-wrccdc-2018/dns.log.gz")), LogFormat.AUTO,
                    null, new SightingRecorder(null)).files().forEach(archive::keep);
        });
        analyst = server.test().knowledge().tokens().create("analyst", Role.ANALYST, "amber").secret();
        reader = server.test().knowledge().tokens().create("reader", Role.READER, "red").secret();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return StixJson.mapper().readTree(response.body());
    }

    @Test
    void anAnalystHuntsTheKeptLogsForAnIndicatorLearntToday() throws Exception {
        JsonNode logs = json(server.get("/api/v1/hunts", reader));
        assertThat(logs.path("logs")).singleElement().satisfies(log -> {
            assertThat(log.path("events").asLong()).isEqualTo(53_615);
            assertThat(log.path("first_event").asText()).startsWith("2018-03-24");
        });
        HttpResponse<String> created = server.post("/api/v1/objects", analyst, "{\"type\":\"indicator\",\"name\":\"video search\","
                + "\"pattern\":\"[domain-name:value = 'videosearch.ubuntu.com']\",\"pattern_type\":\"stix\",\"valid_from\":\"2018-01-01T00:00:00Z\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String indicator = json(created).path("id").asText();

        assertThat(server.post("/api/v1/hunts", reader, "{}").statusCode()).isEqualTo(403);
        JsonNode dry = json(server.post("/api/v1/hunts", analyst, "{\"indicators\":\"all\",\"dry_run\":true}"));
        assertThat(dry.path("sightings").asInt()).isEqualTo(1);
        assertThat(dry.path("stored").asInt()).isZero();
        // An AMBER analyst's hunt of new indicators finds them but leaves the mark for one that sees everything
        HttpResponse<String> hunted = server.post("/api/v1/hunts", analyst, "{\"indicators\":\"new\"}");
        assertThat(hunted.statusCode()).as(hunted.body()).isEqualTo(200);
        JsonNode found = json(hunted);
        assertThat(found.path("records").asLong()).isEqualTo(53_615);
        assertThat(found.path("found")).singleElement().satisfies(sighting -> {
            assertThat(sighting.path("sighting_of_ref").asText()).isEqualTo(indicator);
            assertThat(sighting.path("count").asLong()).isEqualTo(1_088);
        });
        assertThat(found.path("hunted_through").asLong()).isZero();
        assertThat(json(server.get("/api/v1/indicators/" + indicator, analyst)).path("sightings")).hasSize(1);

        HttpResponse<String> bad = server.post("/api/v1/hunts", analyst, "{\"indicators\":\"newest\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("error").path("message").asText()).contains("\"new\" or \"all\"");
    }
}
