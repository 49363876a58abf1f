package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.demo.DemoData;
import org.sightline.intel.actors.ActorLinker;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.TestStore;

/** Claims, evidence, assessments and sources over HTTP, on the demo case joined to ATT&CK's menuPass. */
class ClaimApiTest {
    private static final String INTRUSION_TRUTH = "identity--d9cc1d69-93db-56ea-8a1e-7d680d945f29";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestStore test;
    private static RunningServer server;
    private static App app;
    private static String token;

    @BeforeAll
    static void start() {
        server = RunningServer.start(loaded -> {
            BundleImporter importer = new BundleImporter(loaded.knowledge().intake());
            importer.importPaths(List.of(SharedData.menuPassSubset()), ImportOptions.strict(), ImportProgress.NONE);
            DemoData.load(importer);
            new ActorLinker(loaded.store()).linkAll();
        });
        test = server.test();
        app = server.app();
        token = server.token(org.sightline.store.tokens.Role.ANALYST);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), StixJson.mapper().readTree(response.body()));
    }

    private static Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Authorization", "Bearer " + token));
    }

    private static Answer post(String path, String body, String contentType) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType));
    }

    private static String apt10Claim() throws Exception {
        for (JsonNode claim : get("/api/v1/claims?about=stone%20panda").body().path("claims")) {
            if (claim.path("type").asText().equals("attributed-to")) {
                return claim.path("id").asText();
            }
        }
        throw new AssertionError("the demo's APT10 claim is missing");
    }

    @Test
    void claimsAboutAnyNameOfTheActorAreListed() throws Exception {
        Answer answer = get("/api/v1/claims?about=stone%20panda");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode claim = get("/api/v1/claims?about=stone%20panda&status=confirmed").body().path("claims").get(0);
        assertThat(claim.path("id").asText()).isEqualTo(apt10Claim());
        assertThat(claim.path("type").asText()).isEqualTo("attributed-to");
        assertThat(claim.path("source").path("name").asText()).isEqualTo("APT10");
        assertThat(claim.path("target").path("name").asText()).isEqualTo("MSS Tianjin State Security Bureau");
        assertThat(claim.path("status").asText()).isEqualTo("confirmed");
        assertThat(get("/api/v1/claims?status=open").body().path("claims").toString()).contains("Gao Qiang")
                .doesNotContain("\"APT3\"");
        assertThat(get("/api/v1/claims?status=maybe").status()).isEqualTo(400);
        // the API's error names its own field, not the command line's option
        Answer nobody = get("/api/v1/claims?about=Nobody%20At%20All");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.body().path("error").path("message").asText()).startsWith("about: no actor or other object is named 'Nobody At All'")
                .doesNotContain("--");
    }

    @Test
    void theAssessmentAsOfADateMatchesTheStory() throws Exception {
        String claim = apt10Claim();
        JsonNode august = get("/api/v1/claims/" + claim + "/assessment?as_of=2018-08-31").body();
        JsonNode december = get("/api/v1/claims/" + claim + "/assessment?as_of=2018-12-21").body();
        assertThat(august.path("as_of").asText()).isEqualTo("2018-08-31T00:00:00.000Z");
        assertThat(december.path("probability").asDouble()).isGreaterThan(august.path("probability").asDouble());
        assertThat(december.path("confidence").asInt()).isBetween(0, 100);
        assertThat(december.path("wep").asText()).isNotBlank();
        assertThat(december.path("contributions").get(0).path("reason").asText()).contains("indictment");
        assertThat(get("/api/v1/claims/" + claim + "/history").body().path("history").size()).isGreaterThan(3);
        // as of August 2018 nothing learnt later shows: no point after the date, and the claim confirmed in December was open
        JsonNode before = get("/api/v1/claims/" + claim + "/history?as_of=2018-08-31").body().path("history");
        assertThat(before.size()).isPositive().isLessThan(get("/api/v1/claims/" + claim + "/history").body().path("history").size());
        before.forEach(point -> assertThat(point.path("as_of").asText().substring(0, 10)).isLessThanOrEqualTo("2018-08-31"));
        JsonNode then = java.util.stream.StreamSupport.stream(get("/api/v1/claims?as_of=2018-08-31").body().path("claims").spliterator(), false)
                .filter(c -> c.path("id").asText().equals(claim)).findFirst().orElseThrow();
        assertThat(then.path("status").asText()).isEqualTo("open");
        assertThat(then.has("resolved_on")).isFalse();
        assertThat(get("/api/v1/claims/" + claim + "/history?as_of=last-summer").status()).isEqualTo(400);
        assertThat(get("/api/v1/claims/relationship--00000000-0000-4000-8000-000000000000/assessment").status()).isEqualTo(404);
        assertThat(get("/api/v1/claims/" + claim + "/assessment?as_of=last-summer").status()).isEqualTo(400);
    }

    @Test
    void theAnalysisOfCompetingHypothesesIsServedAndExtended() throws Exception {
        JsonNode analyses = get("/api/v1/ach").body().path("analyses");
        String id = analyses.get(0).path("id").asText();
        JsonNode result = get("/api/v1/ach/" + id + "?as_of=2018-12-21").body();
        assertThat(result.path("ranking").get(0).path("label").asText()).contains("MSS Tianjin");
        assertThat(result.path("evidence").get(0).path("diagnosticity").asDouble()).isEqualTo(1.0);
        Answer created = post("/api/v1/ach", "{\"about\":\"APT3\",\"question\":\"Who runs APT3?\","
                + "\"hypotheses\":[\"Boyusec for the MSS\",{\"label\":\"PLA unit\"}]}", "application/json");
        assertThat(created.status()).isEqualTo(201);
        String evidence = result.path("evidence").get(0).path("evidence").asText();
        Answer rated = post("/api/v1/ach/" + created.body().path("id").asText() + "/ratings",
                "{\"evidence\":\"" + evidence + "\",\"hypothesis\":\"H2\",\"rating\":\"II\"}", "application/json");
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.body().path("ratings").size()).isEqualTo(1);
        assertThat(post("/api/v1/ach/" + created.body().path("id").asText() + "/ratings",
                "{\"evidence\":\"" + evidence + "\",\"hypothesis\":\"H2\",\"rating\":\"maybe\"}", "application/json")
                .status()).isEqualTo(400);
    }

    @Test
    void theDossierIsServedInEachFormat() throws Exception {
        String apt10 = null;
        for (JsonNode claim : get("/api/v1/claims?about=APT10").body().path("claims")) {
            apt10 = claim.path("type").asText().equals("attributed-to") ? claim.path("source").path("id").asText() : apt10;
        }
        String person = get("/api/v1/claims?about=Gao%20Qiang").body().path("claims").get(0).path("source").path("id").asText();
        assertThat(get("/api/v1/actors/" + person + "/dossier").status()).isEqualTo(404); // a person is not an actor
        for (String format : java.util.List.of("md", "html", "stix")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                    + "/api/v1/actors/" + apt10 + "/dossier?format=" + format + "&as_of=2018-12-21")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(format).isEqualTo(200);
            assertThat(response.body()).as(format).contains("MSS Tianjin State Security Bureau");
        }
        assertThat(get("/api/v1/actors/" + apt10 + "/dossier?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void theExposureOfTheDemoOrganisationIsRanked() throws Exception {
        JsonNode exposure = get("/api/v1/exposure?as_of=2019-01-01&top=5").body();
        assertThat(exposure.path("organisation_name").asText()).isEqualTo("Northwind Engineering");
        assertThat(exposure.path("actors").get(0).path("name").asText()).isEqualTo("menuPass"); // the demo's APT10, joined to ATT&CK
        assertThat(exposure.path("actors").get(0).path("paths").get(0).path("via").size()).isEqualTo(1);
        assertThat(exposure.path("suppliers").get(0).path("top_actors").get(0).asText()).isEqualTo("menuPass");
        assertThat(get("/api/v1/exposure?top=zero").status()).isEqualTo(400);
        assertThat(get("/api/v1/exposure?org=Nobody%20Inc").status()).isEqualTo(404);
    }

    @Test
    void aSourcesRecordShowsItsReliabilityAsOfADate() throws Exception {
        JsonNode before = get("/api/v1/sources/" + INTRUSION_TRUTH + "?as_of=2017-11-26").body();
        JsonNode after = get("/api/v1/sources/" + INTRUSION_TRUTH + "?as_of=2017-11-28").body();
        assertThat(before.path("reliability").asText()).isEqualTo("F");
        assertThat(after.path("reliability").asText()).isEqualTo("C");
        assertThat(after.path("confirmed").asInt()).isEqualTo(1);
        assertThat(after.path("name").asText()).isEqualTo("Intrusion Truth");
    }

    @Test
    void claimsAndEvidenceAreRecordedAndBadRequestsChangeNothing() throws Exception {
        Answer claim = post("/api/v1/claims", "{\"source\":\"Gao Qiang\",\"type\":\"affiliated-with\",\"target\":\"APT10\",\"prior\":0.3}",
                "application/json");
        assertThat(claim.status()).isEqualTo(201);
        String id = claim.body().path("id").asText();
        Answer evidence = post("/api/v1/evidence", "{\"claims\":[\"" + id + "\"],\"source\":\"Intrusion Truth\",\"kind\":\"social-media\","
                + "\"reliability\":\"C\",\"credibility\":3,\"origin\":\"Intrusion Truth APT10 series, August 2018\","
                + "\"published\":\"2018-08-15\",\"title\":\"Profile ties Gao Qiang to APT10 tooling\"}", "application/json");
        assertThat(evidence.status()).isEqualTo(201);
        assertThat(evidence.body().path("published").asText()).isEqualTo("2018-08-15T00:00:00.000Z");
        assertThat(get("/api/v1/claims/" + id + "/assessment").body().path("contributions").size()).isEqualTo(1);

        long before = test.store().lastSequence();
        Answer plain = post("/api/v1/claims", "{\"source\":\"APT10\",\"type\":\"attributed-to\",\"target\":\"Boyusec\"}", "text/plain");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.body().path("error").path("message").asText()).contains("application/json");
        assertThat(post("/api/v1/claims", "{\"source\":\"APT10\",\"type\":\"hired\",\"target\":\"Boyusec\"}", "application/json")
                .status()).isEqualTo(400);
        Answer badGrade = post("/api/v1/evidence", "{\"claims\":[\"" + id + "\"],\"source\":\"Intrusion Truth\",\"kind\":\"imagery\","
                + "\"reliability\":\"Z\",\"credibility\":3,\"origin\":\"x\",\"published\":\"2018-08-15\"}", "application/json");
        assertThat(badGrade.status()).isEqualTo(400);
        // the same rule and words as the command line, naming the API's field
        assertThat(badGrade.body().path("error").path("message").asText()).isEqualTo("'reliability' must be an Admiralty grade A to F, got 'Z'");
        Answer badStance = post("/api/v1/evidence", "{\"claims\":[\"" + id + "\"],\"source\":\"Intrusion Truth\",\"kind\":\"imagery\","
                + "\"reliability\":\"B\",\"credibility\":3,\"stance\":\"maybe\",\"origin\":\"x\",\"published\":\"2018-08-15\"}",
                "application/json");
        assertThat(badStance.body().path("error").path("message").asText()).isEqualTo("'stance' must be supports or refutes, got 'maybe'");
        assertThat(post("/api/v1/claims", "{not json", "application/json").status()).isEqualTo(400);
        assertThat(test.store().lastSequence()).isEqualTo(before);
    }
}
