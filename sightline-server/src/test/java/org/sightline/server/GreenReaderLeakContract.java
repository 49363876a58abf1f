package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.demo.DemoData;
import org.sightline.intel.ach.AchBook;
import org.sightline.intel.attribution.Credibility;
import org.sightline.intel.attribution.Evidence;
import org.sightline.intel.attribution.Reliability;
import org.sightline.intel.claims.ClaimBook;
import org.sightline.stix.StixObject;
import org.sightline.stix.markings.Tlp;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.collections.CollectionFilter;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.tokens.Role;

/**
 * A TLP:GREEN reader's every way out of the served store returns no id, name or byte of anything
 * above GREEN, asserted with canary strings planted in RED objects: RED claims, evidence and ACH
 * made by Sightline itself (which inherit their marking), a source re-marked RED, an object whose
 * newer version is RED, a CLEAR report that names a RED object, a RED artifact. Views over what
 * remains visible still answer: a hidden item is left out, never a 404 naming it.
 */
abstract class GreenReaderLeakContract {
    private static final String APT10 = "intrusion-set--7c9cb845-e0f5-5163-b348-895ca52fcdd7";
    private static final String DEMO_CLAIM = "relationship--0dacf73f-1212-59d2-b228-bb5e1d895ada"; // APT10 attributed-to MSS Tianjin
    private static final String INTRUSION_TRUTH = "identity--d9cc1d69-93db-56ea-8a1e-7d680d945f29";
    private static final String DOJ = "identity--3115ec6f-b349-5246-9d5d-69ca5cb11218";
    private static final String RED_BUREAU = "identity--c0ffee00-0000-4000-8000-00000000aa01";
    private static final String TOOL = "malware--c0ffee00-0000-4000-8000-00000000aa02";
    private static final String REPORT = "report--c0ffee00-0000-4000-8000-00000000aa03";
    private static final String INDICATOR = "indicator--c0ffee00-0000-4000-8000-00000000aa04";
    private static final String NOTE = "note--c0ffee00-0000-4000-8000-00000000aa05";
    private static final String SAMPLE = "file--c0ffee00-0000-4000-8000-00000000aa06";
    private static final String SAMPLED = "malware--c0ffee00-0000-4000-8000-00000000aa07";
    private static final String SIGHTING = "sighting--c0ffee00-0000-4000-8000-00000000aa08";
    private static final List<String> CANARY_TEXT = List.of("RED-CANARY", "Canary Bureau", "Canary Tool");
    private static final List<String> RED_IDS = new ArrayList<>(List.of(RED_BUREAU, TOOL, INTRUSION_TRUTH, INDICATOR, SAMPLE, SIGHTING));

    private static RunningServer server;
    private static String green;
    private static String red;
    private static String collection;
    private static String artifact;
    private static int requests;

    static void plantCanaries(org.sightline.store.testing.Backend backend) {
        RED_IDS.retainAll(List.of(RED_BUREAU, TOOL, INTRUSION_TRUTH, INDICATOR, SAMPLE, SIGHTING));
        requests = 0;
        server = RunningServer.start(backend, loaded -> {
            BundleImporter importer = new BundleImporter(loaded.knowledge().intake());
            importer.importPaths(List.of(SharedData.menuPassSubset()), ImportOptions.strict(), ImportProgress.NONE);
            DemoData.load(importer);
            var store = loaded.store();
            store.write(writer -> {
                writer.put(StixObject.parse("{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"" + RED_BUREAU + "\","
                        + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"Canary Bureau\","
                        + "\"identity_class\":\"organization\",\"object_marking_refs\":[\"" + Tlp.RED.markingId() + "\"]}"));
                writer.put(StixObject.parse("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + INDICATOR + "\","
                        + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"RED-CANARY indicator\","
                        + "\"pattern\":\"[domain-name:value = 'canary-bureau.example']\",\"pattern_type\":\"stix\",\"valid_from\":\"2024-01-01T00:00:00Z\","
                        + "\"object_marking_refs\":[\"" + Tlp.RED.markingId() + "\"]}"));
                writer.put(StixObject.parse("{\"type\":\"sighting\",\"spec_version\":\"2.1\",\"id\":\"" + SIGHTING + "\","
                        + "\"created\":\"2024-01-02T00:00:00.000Z\",\"modified\":\"2024-01-02T00:00:00.000Z\",\"sighting_of_ref\":\"" + INDICATOR + "\","
                        + "\"last_seen\":\"2024-01-02T00:00:00Z\",\"object_marking_refs\":[\"" + Tlp.RED.markingId() + "\"]}"));
                // first CLEAR, then a RED version: the older text must not show once the id is RED
                writer.put(StixObject.parse("{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + TOOL + "\","
                        + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"Canary Tool\","
                        + "\"is_family\":true}"));
                writer.put(StixObject.parse("{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + TOOL + "\","
                        + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-02-01T00:00:00.000Z\",\"name\":\"Canary Tool\","
                        + "\"description\":\"RED-CANARY-V2\",\"is_family\":true,\"object_marking_refs\":[\"" + Tlp.RED.markingId() + "\"]}"));
                // a source re-marked RED: what it said (the demo's evidence notes) goes with it
                writer.put(StixObject.parse("{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"" + INTRUSION_TRUTH + "\","
                        + "\"created\":\"2026-11-27T00:00:00.000Z\",\"modified\":\"2027-01-01T00:00:00.000Z\","
                        + "\"name\":\"Intrusion Truth RED-CANARY-SOURCE\",\"identity_class\":\"group\","
                        + "\"object_marking_refs\":[\"" + Tlp.RED.markingId() + "\"]}"));
                // a CLEAR report from elsewhere that names APT10 and the RED bureau
                writer.put(StixObject.parse("{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"" + REPORT + "\","
                        + "\"created\":\"2024-03-01T00:00:00.000Z\",\"modified\":\"2024-03-01T00:00:00.000Z\",\"name\":\"Partner summary\","
                        + "\"published\":\"2024-03-01T00:00:00Z\",\"object_refs\":[\"" + APT10 + "\",\"" + RED_BUREAU + "\"]}"));
                // a GREEN note from elsewhere on APT10 and the RED indicator; a CLEAR malware whose sample is RED
                writer.put(StixObject.parse("{\"type\":\"note\",\"spec_version\":\"2.1\",\"id\":\"" + NOTE + "\","
                        + "\"created\":\"2024-03-02T00:00:00.000Z\",\"modified\":\"2024-03-02T00:00:00.000Z\",\"content\":\"Partner note\","
                        + "\"object_refs\":[\"" + APT10 + "\",\"" + INDICATOR + "\"],\"object_marking_refs\":[\"" + Tlp.GREEN.markingId() + "\"]}"));
                writer.put(StixObject.parse("{\"type\":\"file\",\"spec_version\":\"2.1\",\"id\":\"" + SAMPLE + "\","
                        + "\"name\":\"sample.bin\",\"object_marking_refs\":[\"" + Tlp.RED.markingId() + "\"]}"));
                writer.put(StixObject.parse("{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + SAMPLED + "\","
                        + "\"created\":\"2024-03-02T00:00:00.000Z\",\"modified\":\"2024-03-02T00:00:00.000Z\",\"name\":\"Sampled\","
                        + "\"is_family\":false,\"sample_refs\":[\"" + SAMPLE + "\"]}"));
                return null;
            });
            // Sightline's own objects, made the way an analyst makes them: none marked by hand but the last note
            ClaimBook book = new ClaimBook(store);
            String redClaim = book.addClaim(APT10, "affiliated-with", RED_BUREAU, 0.5, null).id();
            String redEvidence = book.addEvidence(evidence(List.of(redClaim), DOJ, "RED-CANARY-EXCERPT on the bureau", null)).id();
            Path file;
            try {
                file = Files.createTempFile("canary", ".txt");
                Files.writeString(file, "RED-CANARY-ARTIFACT bytes");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            artifact = loaded.knowledge().vault().add(file, "test analyst", DEMO_CLAIM, DOJ).sha256();
            String markedNote = new ClaimBook(store, Tlp.RED).addEvidence(evidence(List.of(DEMO_CLAIM), DOJ,
                    "RED-CANARY-NOTE shared in confidence", artifact)).id();
            String ach = new AchBook(store).create(APT10, "RED-CANARY-ACH: bureau or contractor?", List.of(
                    new AchBook.NewHypothesis("the bureau", redClaim), new AchBook.NewHypothesis("MSS Tianjin", DEMO_CLAIM))).id();
            RED_IDS.addAll(List.of(redClaim, redEvidence, markedNote, ach));
            TaxiiCollection everything = loaded.knowledge().collections().create("Everything", null, CollectionFilter.everything(),
                    Role.READER, Role.ANALYST);
            collection = everything.id();
            loaded.knowledge().index().sync(store);
        });
        green = server.token(Role.ANALYST, "green");
        red = server.token(Role.READER, "red");
    }

    private static ClaimBook.NewEvidence evidence(List<String> claims, String source, String excerpt, String sha256) {
        return new ClaimBook.NewEvidence("Canary item", claims, Evidence.Stance.SUPPORTS, "other", source, Reliability.B,
                Credibility.of(2), "canary origin " + excerpt, null, "2024-04-01T00:00:00.000Z", null, excerpt, null, sha256, "tester");
    }

    @AfterAll
    static void stop() {
        if (server != null) { // null when the backend is absent and the contract was skipped
            System.out.println("GreenReaderLeakContract on " + server.test().knowledge().location().safeUrl().split(":")[1] + ": " + requests
                    + " requests by a TLP:GREEN token, every one checked for " + RED_IDS.size() + " RED ids, 3 canary strings and a RED artifact");
            server.close();
            server = null;
        }
    }

    private static HttpResponse<String> greenGet(String path) throws Exception {
        return checked("GET " + path, server.get(path, green));
    }

    private static HttpResponse<String> greenPost(String path, String json) throws Exception {
        return checked("POST " + path + " " + json, server.post(path, green, json));
    }

    private static HttpResponse<String> greenTaxii(String path) throws Exception {
        return checked("GET " + path, server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Accept", "application/taxii+json;version=2.1").header("Authorization", "Bearer " + green)));
    }

    /** A TAXII GET whose answer may name an id the reader sent itself (a submission's status). */
    private static HttpResponse<String> greenTaxiiAllowing(String path, String sentId) throws Exception {
        return checked("GET " + path + " (sent " + sentId + ")", server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Accept", "application/taxii+json;version=2.1").header("Authorization", "Bearer " + green)));
    }

    /** Every answer to the GREEN reader: no server error, and nothing of what is RED. */
    private static HttpResponse<String> checked(String request, HttpResponse<String> response) {
        requests++;
        assertThat(response.statusCode()).as("%s answered %s", request, response.body()).isLessThan(500);
        for (String canary : CANARY_TEXT) {
            if (!java.net.URLDecoder.decode(request, java.nio.charset.StandardCharsets.UTF_8).contains(canary)) { // a query echoed back
                assertThat(response.body()).as("%s leaks '%s'", request, canary).doesNotContain(canary);
            }
        }
        for (String id : RED_IDS) {
            if (!request.contains(id)) { // an id the reader itself sent may come back in "no object ID"
                assertThat(response.body()).as("%s leaks the RED id %s", request, id).doesNotContain(id);
            }
        }
        if (!request.contains(artifact)) {
            assertThat(response.body()).as("%s leaks the RED artifact", request).doesNotContain(artifact);
        }
        return response;
    }

    @Test
    void theRedReaderSeesTheCanariesSoTheGreenChecksCanFail() throws Exception {
        assertThat(server.get("/api/v1/objects/" + RED_IDS.get(3), red).statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/claims/" + DEMO_CLAIM + "/evidence", red).body()).contains("RED-CANARY-NOTE");
        assertThat(server.get("/api/v1/objects/" + REPORT, red).body()).contains(RED_BUREAU);
        assertThat(server.get("/api/v1/search?q=canary", red).body()).contains("Canary");
        assertThat(server.get("/api/v1/sensor-exports/zeek-intel?file=sightline.intel&include_expired=true", red).body()).contains("canary-bureau.example", INDICATOR);
        assertThat(server.get("/api/v1/indicators", red).body()).contains(INDICATOR, "halves every");
    }

    @Test
    void viewsOverWhatIsVisibleAnswerWithTheHiddenLeftOut() throws Exception {
        assertThat(greenGet("/api/v1/claims/" + DEMO_CLAIM + "/assessment").statusCode()).isEqualTo(200);
        assertThat(greenGet("/api/v1/claims/" + DEMO_CLAIM + "/history").statusCode()).isEqualTo(200);
        assertThat(greenGet("/api/v1/claims/" + DEMO_CLAIM + "/evidence").statusCode()).isEqualTo(200);
        assertThat(greenGet("/api/v1/claims?about=APT10").statusCode()).isEqualTo(200);
        for (String format : List.of("html", "markdown", "stix")) {
            HttpResponse<String> dossier = greenGet("/api/v1/actors/" + APT10 + "/dossier?format=" + format);
            assertThat(dossier.statusCode()).as("%s: %s", format, dossier.body()).isEqualTo(200);
        }
        assertThat(greenGet("/api/v1/actors/" + APT10).statusCode()).isEqualTo(200);
        assertThat(greenGet("/api/v1/actors/" + APT10 + "/timeline").statusCode()).isEqualTo(200);
        assertThat(greenGet("/api/v1/graph/" + APT10 + "?depth=2").statusCode()).isEqualTo(200);
        assertThat(greenGet("/api/v1/sources/" + DOJ).statusCode()).isEqualTo(200);
        // an object's page: its relationships both ways and what points at it, the hidden ends and referrers left out
        assertThat(greenGet("/api/v1/objects/" + APT10 + "/links").statusCode()).isEqualTo(200);
        assertThat(greenGet("/api/v1/objects/" + REPORT + "/links").body()).contains(APT10);
        HttpResponse<String> report = greenGet("/api/v1/objects/" + REPORT);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains(APT10);
        assertThat(greenGet("/api/v1/objects/" + NOTE).body()).contains(APT10, "Partner note");
        assertThat(greenGet("/api/v1/objects/" + SAMPLED).body()).contains("Sampled").doesNotContain("sample_refs");
        String root = "/taxii2/api/collections/" + collection + "/";
        assertThat(greenTaxii(root + "objects/" + NOTE + "/").body()).contains(APT10);
        assertThat(greenTaxii(root + "objects/?match[id]=" + SAMPLED).body()).contains("Sampled");
    }

    @Test
    void everyWayOutLeavesOutWhatIsAboveGreen() throws Exception {
        for (String id : RED_IDS) {
            assertThat(greenGet("/api/v1/objects/" + id).statusCode()).isEqualTo(404);
            assertThat(greenGet("/api/v1/objects/" + id + "/versions").statusCode()).isEqualTo(404);
            assertThat(greenGet("/api/v1/objects/" + id + "/links").statusCode()).isEqualTo(404);
            greenGet("/api/v1/claims/" + id + "/assessment");
            greenGet("/api/v1/sources/" + id);
            greenGet("/api/v1/graph/" + id);
        }
        greenGet("/api/v1/objects/" + TOOL + "?version=2024-01-01T00:00:00.000Z");
        greenGet("/api/v1/stats");
        for (String q : List.of("canary", "RED-CANARY", "bureau", "Intrusion Truth", "APT10")) {
            greenGet("/api/v1/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            greenGet("/api/v1/actors?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        }
        greenGet("/api/v1/claims");
        greenGet("/api/v1/claims?status=open");
        greenGet("/api/v1/ach");
        greenGet("/api/v1/exposure");
        greenGet("/api/v1/sightings");
        assertThat(greenGet("/api/v1/artifacts/" + artifact).statusCode()).isEqualTo(404);
        greenPost("/api/v1/similar", "{\"techniques\":[\"T1566.001\",\"T1059.001\",\"T1003\"]}");
        greenPost("/api/v1/attribute", "{\"techniques\":[\"T1566.001\",\"T1059.001\",\"T1003\"],\"sectors\":[\"technology\"]}");
        greenPost("/api/v1/screen", "{\"all\":true}");
        for (String format : List.of("zeek-intel", "suricata-dataset", "suricata-rules", "simple-stix")) {
            assertThat(greenGet("/api/v1/sensor-exports/" + format + "?include_expired=true").statusCode()).isEqualTo(200);
        }
        assertThat(greenGet("/api/v1/sensor-exports/zeek-intel?file=sightline.intel&include_expired=true").statusCode()).isEqualTo(200);
        assertThat(greenGet("/api/v1/sensor-exports/suricata-rules?file=sightline.rules&include_expired=true").statusCode()).isEqualTo(200);
        assertThat(greenGet("/api/v1/indicators").body()).contains("\"indicators\"");
        assertThat(greenGet("/api/v1/indicators?status=active&as_of=2024-06-01").statusCode()).isEqualTo(200);
        assertThat(greenGet("/api/v1/indicators?status=stale").statusCode()).isEqualTo(400);
        assertThat(greenGet("/api/v1/sensor-exports/snort").body()).contains("zeek-intel, suricata-dataset, suricata-rules or simple-stix");
        assertThat(greenGet("/api/v1/sensor-exports/zeek-intel?file=nope.txt").statusCode()).isEqualTo(404);
        assertThat(greenGet("/api/v1/sensor-exports/zeek-intel?min_confidence=high").statusCode()).isEqualTo(400);
        assertThat(greenGet("/api/v1/sensor-exports/zeek-intel?min_score=0.1").statusCode()).isEqualTo(200);
        assertThat(greenGet("/api/v1/sensor-exports/zeek-intel?min_score=2").statusCode()).isEqualTo(400);
        greenPost("/api/v1/screen", "{\"name\":\"Canary Bureau\"}");
        String root = "/taxii2/api/collections/" + collection + "/";
        for (String query : List.of("", "?match[version]=all", "?match[version]=first", "?match[id]=" + TOOL + "&match[version]=all")) {
            greenTaxii(root + "objects/" + query);
            greenTaxii(root + "manifest/" + query);
        }
        assertThat(greenTaxii(root + "objects/" + TOOL + "/versions/").statusCode()).isEqualTo(404);
        assertThat(greenTaxii(root + "objects/" + TOOL + "/").statusCode()).isEqualTo(404);
    }

    @Test
    void aGreenAnalystCannotWriteOverOrMarkAboveWhatItSees() throws Exception {
        // a new version of a hidden id, as an edit, an import and a TAXII post: refused like an unknown id
        HttpResponse<String> edit = greenPost("/api/v1/objects/" + TOOL + "/versions", "{\"description\":\"overwritten\"}");
        assertThat(edit.statusCode()).isEqualTo(404);
        HttpResponse<String> revoke = greenPost("/api/v1/objects/" + TOOL + "/revoke", "{}");
        assertThat(revoke.statusCode()).isEqualTo(404);
        HttpResponse<String> falsePositive = greenPost("/api/v1/sightings/" + SIGHTING + "/false-positive", "{\"reason\":\"guess\"}");
        assertThat(falsePositive.statusCode()).isEqualTo(404);
        HttpResponse<String> create = greenPost("/api/v1/objects", "{\"type\":\"malware\",\"id\":\"" + TOOL
                + "\",\"name\":\"Harmless\",\"is_family\":true,\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2030-01-01T00:00:00.000Z\"}");
        assertThat(create.statusCode()).isEqualTo(404);
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--c0ffee00-0000-4000-8000-00000000bb01\",\"objects\":[{\"type\":\"malware\","
                + "\"spec_version\":\"2.1\",\"id\":\"" + TOOL + "\",\"created\":\"2024-01-01T00:00:00.000Z\","
                + "\"modified\":\"2030-01-01T00:00:00.000Z\",\"name\":\"Harmless\",\"is_family\":true}]}";
        HttpResponse<String> imported = checked("POST /api/v1/import " + bundle, server.send(HttpRequest.newBuilder(server.uri("/api/v1/import?filename=b.json"))
                .header("Authorization", "Bearer " + green).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bundle))));
        assertThat(imported.statusCode()).isEqualTo(400);
        assertThat(imported.body()).contains("may not be written with this token");
        String envelope = "{\"objects\":[{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + TOOL + "\","
                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2030-01-01T00:00:00.000Z\",\"name\":\"Harmless\",\"is_family\":true}]}";
        String taxii = "application/taxii+json;version=2.1";
        HttpResponse<String> posted = checked("POST taxii " + envelope, server.send(HttpRequest.newBuilder(
                        server.uri("/taxii2/api/collections/" + collection + "/objects/"))
                .header("Authorization", "Bearer " + green).header("Accept", taxii).header("Content-Type", taxii)
                .POST(HttpRequest.BodyPublishers.ofString(envelope))));
        assertThat(posted.statusCode()).isEqualTo(202);
        String statusPath = "/taxii2/api/status/" + org.sightline.stix.json.StixJson.mapper().readTree(posted.body()).path("id").asText() + "/";
        com.fasterxml.jackson.databind.JsonNode status = null;
        for (int i = 0; i < 400 && (status == null || !status.path("status").asText().equals("complete")); i++) {
            Thread.sleep(10);
            status = org.sightline.stix.json.StixJson.mapper().readTree(greenTaxiiAllowing(statusPath, TOOL).body());
        }
        assertThat(status.path("failure_count").asInt()).as(status.toString()).isEqualTo(1);
        assertThat(status.path("failures").get(0).path("message").asText()).contains("may not be written with this token");
        // nor may it mark anything above its clearance, directly or through a derived object
        HttpResponse<String> marked = greenPost("/api/v1/evidence", "{\"claims\":[\"" + DEMO_CLAIM + "\"],\"kind\":\"other\","
                + "\"source\":\"" + DOJ + "\",\"reliability\":\"B\",\"credibility\":2,\"origin\":\"o\",\"published\":\"2024-01-01\","
                + "\"marking\":\"red\"}");
        assertThat(marked.statusCode()).isEqualTo(400);
        assertThat(marked.body()).contains("above this token's clearance TLP:GREEN");
        assertThat(server.test().store().current(TOOL).orElseThrow().json().path("description").asText()).isEqualTo("RED-CANARY-V2");
    }
}
