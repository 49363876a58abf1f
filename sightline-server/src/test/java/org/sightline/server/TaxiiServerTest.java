package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.collections.CollectionFilter;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.tokens.Role;

/** The TAXII 2.1 server on real ATT&CK objects, with marked objects of our own, over real HTTP. */
class TaxiiServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String MENUPASS = "intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f";
    private static final String RED_MALWARE = "malware--0b3c8bd4-8f5a-4e4c-9f3e-000000000001";
    private static final String RED_USES = "relationship--0b3c8bd4-8f5a-4e4c-9f3e-000000000002";
    private static final String AMBER_INDICATOR = "indicator--0b3c8bd4-8f5a-4e4c-9f3e-000000000003";
    private static RunningServer server;
    private static TaxiiCollection everything;
    private static TaxiiCollection indicators;
    private static TaxiiCollection readOnly;
    private static TaxiiCollection inbox;
    private static String admin;
    private static String analyst;
    private static String greenReader;
    private static String scopedReader;

    @BeforeAll
    static void start() {
        server = RunningServer.start(loaded -> {
            BundleImporter importer = new BundleImporter(loaded.knowledge().intake());
            importer.importPaths(List.of(SharedData.menuPassSubset()), ImportOptions.strict(), ImportProgress.NONE);
            loaded.store().write(writer -> {
                writer.put(marked("{\"type\":\"malware\",\"id\":\"" + RED_MALWARE + "\",\"name\":\"Quiet Loader\",\"is_family\":true", Tlp.RED));
                writer.put(marked("{\"type\":\"relationship\",\"id\":\"" + RED_USES + "\",\"relationship_type\":\"uses\","
                        + "\"source_ref\":\"" + MENUPASS + "\",\"target_ref\":\"" + RED_MALWARE + "\"", Tlp.GREEN));
                writer.put(marked("{\"type\":\"indicator\",\"id\":\"" + AMBER_INDICATOR + "\",\"pattern\":\"[ipv4-addr:value = '203.0.113.7']\","
                        + "\"pattern_type\":\"stix\",\"valid_from\":\"2020-01-01T00:00:00Z\"", Tlp.AMBER));
                return null;
            });
        });
        var collections = server.test().knowledge().collections();
        everything = collections.create("Everything", "all of the store – für 中文 Leser", CollectionFilter.everything(), Role.READER, Role.ANALYST);
        indicators = collections.create("Indicators", null, CollectionFilter.parse(List.of("type=indicator")), Role.READER, Role.READER);
        readOnly = collections.create("ATT&CK", null, CollectionFilter.parse(List.of("type=attack-pattern,intrusion-set")), Role.READER, null);
        inbox = collections.create("Inbox", "write-only drop box", CollectionFilter.everything(), Role.ADMIN, Role.ANALYST);
        var tokens = server.test().knowledge().tokens();
        admin = tokens.create("admin", Role.ADMIN, "red").secret();
        analyst = tokens.create("analyst", Role.ANALYST, "amber").secret();
        greenReader = tokens.create("green reader", Role.READER, "green").secret();
        scopedReader = tokens.create("scoped", Role.READER, "red", List.of(indicators.id())).secret();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static StixObject marked(String start, Tlp tlp) {
        return StixObject.parse(start + ",\"spec_version\":\"2.1\",\"created\":\"2024-01-01T00:00:00.000Z\","
                + "\"modified\":\"2024-01-01T00:00:00.000Z\",\"object_marking_refs\":[\"" + tlp.markingId() + "\"]}");
    }

    private static String objects(TaxiiCollection collection) {
        return "/taxii2/api/collections/" + collection.id() + "/objects/";
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", TAXII).header("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", TAXII).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.app().port() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return StixJson.mapper().readTree(response.body());
    }

    private static List<String> ids(JsonNode envelope) {
        List<String> ids = new ArrayList<>();
        envelope.path("objects").forEach(o -> ids.add(o.path("id").asText()));
        return ids;
    }

    @Test
    void discoveryAndApiRootAnswerInTheTaxiiMediaTypeWithBearerOrBasic() throws Exception {
        HttpResponse<String> discovery = get("/taxii2/", greenReader);
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/taxii+json"));
        assertThat(json(discovery).path("api_roots").get(0).asText()).endsWith("/taxii2/api/");
        String basic = Base64.getEncoder().encodeToString(("anyone:" + greenReader).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> root = send(HttpRequest.newBuilder(uri("/taxii2/api/")).header("Authorization", "Basic " + basic));
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(json(root).path("versions").get(0).asText()).isEqualTo(TAXII);
        assertThat(json(root).path("max_content_length").asLong()).isEqualTo(App.MAX_REQUEST_BYTES);

        String wrong = Base64.getEncoder().encodeToString("anyone:sl_wrong".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/taxii2/api/")).header("Authorization", "Basic " + wrong));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("http_status").asText()).isEqualTo("401");
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).contains("Basic");
        assertThat(send(HttpRequest.newBuilder(uri("/taxii2/"))).statusCode()).isEqualTo(401);

        HttpResponse<String> notAcceptable = send(HttpRequest.newBuilder(uri("/taxii2/api/"))
                .header("Accept", "application/taxii+json;version=2.0").header("Authorization", "Bearer " + greenReader));
        assertThat(notAcceptable.statusCode()).isEqualTo(406);
        assertThat(json(notAcceptable).path("title").asText()).isNotBlank();
    }

    @Test
    void aTokenSeesOnlyTheCollectionsItsRoleAndScopeAllow() throws Exception {
        JsonNode forReader = json(get("/taxii2/api/collections/", greenReader)).path("collections");
        List<String> titles = new ArrayList<>();
        forReader.forEach(c -> titles.add(c.path("title").asText()));
        assertThat(titles).containsExactlyInAnyOrder("Everything", "Indicators", "ATT&CK");
        JsonNode scoped = json(get("/taxii2/api/collections/", scopedReader)).path("collections");
        assertThat(scoped).hasSize(1);
        assertThat(scoped.get(0).path("can_write").asBoolean()).isTrue();
        assertThat(get(objects(everything), scopedReader).statusCode()).isEqualTo(404);
        assertThat(get("/taxii2/api/collections/" + inbox.id() + "/", greenReader).statusCode()).isEqualTo(404);
        JsonNode inboxForAnalyst = json(get("/taxii2/api/collections/" + inbox.id() + "/", analyst));
        assertThat(inboxForAnalyst.path("can_read").asBoolean()).isFalse();
        assertThat(inboxForAnalyst.path("can_write").asBoolean()).isTrue();
        assertThat(get(objects(inbox), analyst).statusCode()).isEqualTo(403);
        assertThat(get("/taxii2/api/collections/no-such-collection/objects/", admin).statusCode()).isEqualTo(404);
    }

    @Test
    void filtersSelectByTypeIdVersionSpecVersionAndDateAdded() throws Exception {
        JsonNode patterns = json(get(objects(everything) + "?match[type]=attack-pattern&limit=10000", admin));
        assertThat(patterns.path("objects")).isNotEmpty().allSatisfy(o -> assertThat(o.path("type").asText()).isEqualTo("attack-pattern"));
        assertThat(ids(json(get(objects(everything) + "?match[id]=" + MENUPASS, admin)))).containsExactly(MENUPASS);
        assertThat(ids(json(get(objects(everything) + "?match[id]=" + MENUPASS + "&match[spec_version]=2.0", admin)))).isEmpty();
        assertThat(ids(json(get(objects(readOnly) + "?match[type]=indicator", admin)))).isEmpty();

        HttpResponse<String> first = get(objects(everything) + "?limit=1", admin);
        String firstAdded = first.headers().firstValue("X-TAXII-Date-Added-First").orElseThrow();
        assertThat(first.headers().firstValue("X-TAXII-Date-Added-Last")).contains(firstAdded);
        JsonNode rest = json(get(objects(everything) + "?limit=10000&added_after=" + firstAdded, admin));
        JsonNode all = json(get(objects(everything) + "?limit=10000", admin));
        assertThat(rest.path("objects").size()).isEqualTo(all.path("objects").size() - 1);

        String versioned = "indicator--7a0e2c6b-1d2e-4c4f-9a5e-000000000009";
        for (String modified : List.of("2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z")) {
            post(objects(indicators), analyst, TAXII, "{\"objects\":[" + indicatorJson(versioned, modified) + "]}");
        }
        awaitObject(indicators, versioned, "2024-03-01T00:00:00.000Z");
        String object = objects(indicators) + versioned + "/";
        assertThat(json(get(object, admin)).path("objects").get(0).path("modified").asText()).isEqualTo("2024-03-01T00:00:00.000Z");
        assertThat(json(get(object + "?match[version]=first", admin)).path("objects").get(0).path("modified").asText())
                .isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(json(get(object + "?match[version]=all", admin)).path("objects")).hasSize(3);
        assertThat(json(get(object + "?match[version]=2024-02-01T00:00:00.000Z", admin)).path("objects")).hasSize(1);
        JsonNode versions = json(get(object + "versions/", admin));
        assertThat(versions.path("versions")).hasSize(3);
        JsonNode manifest = json(get("/taxii2/api/collections/" + indicators.id() + "/manifest/?match[id]=" + versioned, admin));
        assertThat(manifest.path("objects").get(0).path("version").asText()).isEqualTo("2024-03-01T00:00:00.000Z");
        assertThat(manifest.path("objects").get(0).path("media_type").asText()).isEqualTo("application/stix+json;version=2.1");

        assertThat(get(objects(everything) + "?added_after=yesterday", admin).statusCode()).isEqualTo(400);
        assertThat(get(objects(everything) + "?match[version]=newest", admin).statusCode()).isEqualTo(400);
        assertThat(get(objects(everything) + "?next=abc", admin).statusCode()).isEqualTo(400);
    }

    private static String indicatorJson(String id, String modified) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2024-01-01T00:00:00.000Z\","
                + "\"modified\":\"" + modified + "\",\"pattern\":\"[domain-name:value = 'x.example']\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"2024-01-01T00:00:00Z\"}";
    }

    private static void awaitComplete(String statusId) throws Exception {
        for (int i = 0; i < 400; i++) {
            if (json(get("/taxii2/api/status/" + statusId + "/", analyst)).path("status").asText().equals("complete")) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("status " + statusId + " never completed");
    }

    private static void awaitObject(TaxiiCollection collection, String id, String modified) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode found = json(get(objects(collection) + "?match[id]=" + id, admin)).path("objects");
            if (found.size() == 1 && found.get(0).path("modified").asText().equals(modified)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(id + " " + modified + " never appeared");
    }

    @Test
    void aWriterDeletesAnObjectWithEveryVersionAndAReaderMayNot() throws Exception {
        String id = "indicator--7a0e2c6b-1d2e-4c4f-9a5e-000000000020";
        post(objects(everything), analyst, TAXII, "{\"objects\":[" + indicatorJson(id, "2024-01-01T00:00:00.000Z") + ","
                + indicatorJson(id, "2024-05-01T00:00:00.000Z") + "]}");
        awaitObject(everything, id, "2024-05-01T00:00:00.000Z");
        HttpRequest.Builder delete = HttpRequest.newBuilder(uri(objects(everything) + id + "/")).DELETE().header("Accept", TAXII);
        assertThat(send(delete.copy().header("Authorization", "Bearer " + greenReader)).statusCode()).isEqualTo(403);
        HttpRequest.Builder deleteLast = HttpRequest.newBuilder(uri(objects(everything) + id + "/?match[version]=last")).DELETE()
                .header("Accept", TAXII).header("Authorization", "Bearer " + analyst);
        assertThat(send(deleteLast).statusCode()).isEqualTo(200);
        assertThat(json(get(objects(everything) + id + "/", admin)).path("objects").get(0).path("modified").asText())
                .isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(send(delete.copy().header("Authorization", "Bearer " + analyst)).statusCode()).isEqualTo(200);
        assertThat(get(objects(everything) + id + "/", admin).statusCode()).isEqualTo(404);
        assertThat(send(delete.copy().header("Authorization", "Bearer " + analyst)).statusCode()).isEqualTo(404);
        assertThat(server.test().store().versions(id)).isEmpty();
    }

    @Test
    void aReaderSeesNothingAboveItsClearanceNorRelationshipsToIt() throws Exception {
        List<String> forGreen = ids(json(get(objects(everything) + "?limit=10000", greenReader)));
        assertThat(forGreen).contains(MENUPASS).doesNotContain(RED_MALWARE, RED_USES, AMBER_INDICATOR);
        List<String> forAmber = ids(json(get(objects(everything) + "?limit=10000", analyst)));
        assertThat(forAmber).contains(MENUPASS, AMBER_INDICATOR).doesNotContain(RED_MALWARE, RED_USES);
        assertThat(ids(json(get(objects(everything) + "?limit=10000", admin)))).contains(RED_MALWARE, RED_USES);
        HttpResponse<String> hidden = get(objects(everything) + RED_MALWARE + "/", greenReader);
        HttpResponse<String> missing = get(objects(everything) + "malware--00000000-0000-4000-8000-000000000000/", greenReader);
        assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
    }

    @Test
    void aPostIsAcceptedWithAStatusThatCompletesWithAnOutcomePerObject() throws Exception {
        String good = indicatorJson("indicator--7a0e2c6b-1d2e-4c4f-9a5e-000000000010", "2024-01-01T00:00:00.000Z");
        String bad = "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--7a0e2c6b-1d2e-4c4f-9a5e-000000000011\","
                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"pattern_type\":\"stix\"}";
        String malware = "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"malware--7a0e2c6b-1d2e-4c4f-9a5e-000000000012\","
                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"x\",\"is_family\":true}";
        HttpResponse<String> accepted = post(objects(indicators), scopedReader, TAXII, "{\"objects\":[" + good + "," + bad + "," + malware + "]}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode status = json(accepted);
        assertThat(status.path("total_count").asInt()).isEqualTo(3);
        String statusPath = "/taxii2/api/status/" + status.path("id").asText() + "/";
        for (int i = 0; i < 200 && !status.path("status").asText().equals("complete"); i++) {
            Thread.sleep(25);
            status = json(get(statusPath, scopedReader));
        }
        assertThat(status.path("status").asText()).isEqualTo("complete");
        assertThat(status.path("success_count").asInt()).isEqualTo(1);
        assertThat(status.path("failure_count").asInt()).isEqualTo(2);
        assertThat(status.path("pending_count").asInt()).isZero();
        assertThat(status.path("failures").toString()).contains("is required for indicator", "outside this collection");
        assertThat(get(statusPath, greenReader).statusCode()).isEqualTo(404); // another token's status

        assertThat(post(objects(readOnly), admin, TAXII, "{\"objects\":[]}").statusCode()).isEqualTo(403);
        assertThat(post(objects(everything), greenReader, TAXII, "{\"objects\":[]}").statusCode()).isEqualTo(403);
        assertThat(post(objects(everything), analyst, "application/json", "{\"objects\":[]}").statusCode()).isEqualTo(415);
        assertThat(post(objects(everything), analyst, TAXII, "{\"objects\":").statusCode()).isEqualTo(400);
        HttpResponse<String> notEnvelope = post(objects(everything), analyst, TAXII, "{\"type\":\"bundle\"}");
        assertThat(notEnvelope.statusCode()).isEqualTo(422);
        assertThat(json(notEnvelope).path("http_status").asText()).isEqualTo("422");
        HttpResponse<String> tooLarge = post(objects(everything), analyst, TAXII,
                "{\"objects\":[],\"padding\":\"" + "x".repeat((int) App.MAX_REQUEST_BYTES) + "\"}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge).path("description").asText()).contains(String.valueOf(App.MAX_REQUEST_BYTES));
    }

    /** A STIX 2.0 object that `sightline import` takes is taken by TAXII POST too: upgraded to 2.1 on the way in. */
    @Test
    void aStix20ObjectPostedIsUpgradedAsImportUpgradesIt() throws Exception {
        String id = "malware--7a0e2c6b-1d2e-4c4f-9a5e-000000000040";
        String stix20 = "{\"type\":\"malware\",\"id\":\"" + id + "\",\"created\":\"2017-01-01T00:00:00.000Z\","
                + "\"modified\":\"2017-01-01T00:00:00.000Z\",\"name\":\"ChChes\",\"labels\":[\"remote-access-trojan\"]}";
        HttpResponse<String> accepted = post(objects(everything), analyst, TAXII, "{\"objects\":[" + stix20 + "]}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode status = json(accepted);
        String statusPath = "/taxii2/api/status/" + status.path("id").asText() + "/";
        for (int i = 0; i < 200 && !status.path("status").asText().equals("complete"); i++) {
            Thread.sleep(25);
            status = json(get(statusPath, analyst));
        }
        assertThat(status.path("success_count").asInt()).as(status.toString()).isEqualTo(1);
        StixObject stored = server.test().store().current(id).orElseThrow();
        assertThat(stored.text("spec_version")).isEqualTo("2.1");
        assertThat(stored.json().path("malware_types").toString()).contains("remote-access-trojan");
        assertThat(stored.json().path("is_family").asBoolean()).isTrue();
    }

    @Test
    void whatTheReferenceTaxiiClientNeedsUtf8EveryAnswerTokenAuthPatternFailuresAndErrorBodies() throws Exception {
        String id = "malware--7a0e2c6b-1d2e-4c4f-9a5e-000000000030";
        String name = "Bäckerei–Loader ’中文’";
        String malware = "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2024-01-01T00:00:00.000Z\","
                + "\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"" + name + "\",\"is_family\":true}";
        String unparsable = indicatorJson("indicator--7a0e2c6b-1d2e-4c4f-9a5e-000000000031", "2024-01-01T00:00:00.000Z")
                .replace("[domain-name:value = 'x.example']", "[domain-name:value = 'x.example'");
        // taxii2-client's TokenAuth sends "Token …"
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri(objects(everything))).header("Accept", TAXII)
                .header("Authorization", "Token " + analyst).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString("{\"objects\":[" + malware + "," + unparsable + "]}", StandardCharsets.UTF_8)));
        assertThat(accepted.statusCode()).isEqualTo(202);
        awaitComplete(json(accepted).path("id").asText());
        JsonNode status = json(get("/taxii2/api/status/" + json(accepted).path("id").asText() + "/", analyst));
        assertThat(status.path("success_count").asInt()).isEqualTo(1);
        assertThat(status.path("failures").get(0).path("id").asText()).isEqualTo("indicator--7a0e2c6b-1d2e-4c4f-9a5e-000000000031");
        assertThat(status.path("failures").get(0).path("message").asText())
                .contains("'pattern' is not a valid STIX 2.1 pattern", "line 1:");
        assertThat(server.test().store().current("indicator--7a0e2c6b-1d2e-4c4f-9a5e-000000000031")).isEmpty();

        // every answer is UTF-8, not only the objects list: the single object and the collection's title
        HttpResponse<byte[]> object = HTTP.send(HttpRequest.newBuilder(uri(objects(everything) + id + "/")).header("Accept", TAXII)
                .header("Authorization", "Bearer " + analyst).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(object.body(), StandardCharsets.UTF_8)).contains(name);
        for (String path : List.of("/taxii2/api/collections/" + everything.id() + "/", "/taxii2/api/collections/")) {
            HttpResponse<byte[]> collection = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Accept", TAXII)
                    .header("Authorization", "Bearer " + analyst).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(new String(collection.body(), StandardCharsets.UTF_8)).contains("all of the store – für 中文 Leser");
        }

        // an unknown API root is a TAXII error message, not the /api/v1 error shape
        HttpResponse<String> noRoot = get("/taxii2/elsewhere/collections/", analyst);
        assertThat(noRoot.statusCode()).isEqualTo(404);
        assertThat(noRoot.headers().firstValue("Content-Type").orElse("")).startsWith("application/taxii+json");
        assertThat(json(noRoot).path("http_status").asText()).isEqualTo("404");
        assertThat(json(noRoot).path("description").asText()).contains("/taxii2/api/");
    }

    @Test
    void pagingThroughACollectionWhileObjectsArePostedNeitherSkipsNorRepeats() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> posts = writer.submit(() -> {
            for (int batch = 0; batch < 8; batch++) {
                StringBuilder envelope = new StringBuilder("{\"objects\":[");
                for (int i = 0; i < 25; i++) {
                    envelope.append(i == 0 ? "" : ",").append(indicatorJson(
                            String.format("indicator--5a0e2c6b-1d2e-4c4f-9a5e-%012d", batch * 25 + i), "2024-01-01T00:00:00.000Z"));
                }
                String status = json(post(objects(indicators), analyst, TAXII, envelope.append("]}").toString())).path("id").asText();
                awaitComplete(status); // "done" means stored, not merely accepted
            }
            return null;
        });
        // A client as TAXII means it: follow next while there is more, then poll on with added_after
        // set to the last date added it saw.
        Set<String> seen = new HashSet<>();
        String next = null;
        String addedAfter = null;
        int pages = 0;
        while (true) {
            boolean postsDone = posts.isDone(); // asked before the page: a last page after that is the end
            String query = "?limit=40" + (next == null ? "" : "&next=" + next) + (addedAfter == null ? "" : "&added_after=" + addedAfter);
            HttpResponse<String> response = get(objects(everything) + query, admin);
            JsonNode page = json(response);
            for (JsonNode object : page.path("objects")) {
                assertThat(seen.add(object.path("id").asText() + "@" + object.path("modified").asText()))
                        .as("repeated %s", object.path("id").asText()).isTrue();
            }
            pages++;
            if (page.path("more").asBoolean()) {
                next = page.path("next").asText();
                continue;
            }
            if (postsDone) {
                break;
            }
            next = null;
            addedAfter = response.headers().firstValue("X-TAXII-Date-Added-Last").orElse(addedAfter);
            Thread.sleep(50);
        }
        posts.get();
        writer.shutdown();
        assertThat(pages).isGreaterThan(10);
        JsonNode everythingNow = json(get(objects(everything) + "?limit=10000", admin));
        for (JsonNode object : everythingNow.path("objects")) {
            assertThat(seen).contains(object.path("id").asText() + "@" + object.path("modified").asText());
        }
    }
}
