package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.stix.StixObject;
import org.sightline.stix.markings.Tlp;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.tokens.Role;

/** A token sees the REST API only up to its TLP clearance: objects, names, edges, search, cards and dossiers. */
class ClearanceApiTest {
    private static final String MENUPASS = "intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f";
    private static final String RED_MALWARE = "malware--1b3c8bd4-8f5a-4e4c-9f3e-000000000001";
    private static final String RED_USES = "relationship--1b3c8bd4-8f5a-4e4c-9f3e-000000000002";
    private static RunningServer server;
    private static String green;
    private static String red;

    @BeforeAll
    static void start() {
        server = RunningServer.start(loaded -> {
            BundleImporter importer = new BundleImporter(loaded.knowledge().intake());
            importer.importPaths(List.of(SharedData.menuPassSubset()), ImportOptions.strict(), ImportProgress.NONE);
            loaded.store().write(writer -> {
                writer.put(StixObject.parse("{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + RED_MALWARE + "\","
                        + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"Quiet Loader\","
                        + "\"description\":\"Quiet Loader is a private loader seen only in one victim network.\",\"is_family\":true,"
                        + "\"object_marking_refs\":[\"" + Tlp.RED.markingId() + "\"]}"));
                writer.put(StixObject.parse("{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"" + RED_USES + "\","
                        + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"relationship_type\":\"uses\","
                        + "\"source_ref\":\"" + MENUPASS + "\",\"target_ref\":\"" + RED_MALWARE + "\"}"));
                return null;
            });
            recordRedEvidence(loaded.store(), loaded.knowledge().vault());
            loaded.knowledge().index().sync(loaded.store());
        });
        green = server.token(Role.READER, "green");
        red = server.token(Role.READER, "red");
    }

    /** A claim about menuPass with one piece of evidence that its source shared as TLP:RED. */
    private static String artifact;

    private static void recordRedEvidence(org.sightline.store.StixStore store, org.sightline.store.vault.EvidenceVault vault) {
        String china = "location--1b3c8bd4-8f5a-4e4c-9f3e-000000000010";
        String source = "identity--1b3c8bd4-8f5a-4e4c-9f3e-000000000011";
        store.write(writer -> {
            writer.put(StixObject.parse("{\"type\":\"location\",\"spec_version\":\"2.1\",\"id\":\"" + china + "\","
                    + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"China\",\"country\":\"CN\"}"));
            writer.put(StixObject.parse("{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"" + source + "\","
                    + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"A partner CERT\","
                    + "\"identity_class\":\"organization\"}"));
            return null;
        });
        var book = new org.sightline.intel.claims.ClaimBook(store);
        var claim = book.addClaim(MENUPASS, "attributed-to", china, 0.5, null);
        java.nio.file.Path config;
        try {
            config = java.nio.file.Files.createTempFile("implant-config", ".txt");
            java.nio.file.Files.writeString(config, "c2=tianjin-host.example:443\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        artifact = vault.add(config, "test analyst", claim.id(), source)
                .sha256();
        var item = book.addEvidence(new org.sightline.intel.claims.ClaimBook.NewEvidence("Implant config names a Tianjin host",
                List.of(claim.id()), org.sightline.intel.attribution.Evidence.Stance.SUPPORTS, "forensic", source,
                org.sightline.intel.attribution.Reliability.B, org.sightline.intel.attribution.Credibility.of(2),
                "partner incident 2024-17", "2024-02-01", null, null, null, null, artifact, null));
        var marked = store.current(item.id()).orElseThrow().json().deepCopy();
        marked.put("modified", "2030-01-01T00:00:00.000Z");
        marked.putArray("object_marking_refs").add(Tlp.RED.markingId());
        store.write(writer -> {
            writer.put(new StixObject(marked));
            return null;
        });
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }


    @Test
    void aHiddenObjectIsNotFoundExactlyLikeAMissingOne() throws Exception {
        assertThat(server.get("/api/v1/objects/" + RED_MALWARE, red).statusCode()).isEqualTo(200);
        HttpResponse<String> hidden = server.get("/api/v1/objects/" + RED_MALWARE, green);
        HttpResponse<String> missing = server.get("/api/v1/objects/malware--1b3c8bd4-8f5a-4e4c-9f3e-00000000ffff", green);
        assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(hidden.body().replace(RED_MALWARE, "ID")).isEqualTo(missing.body().replace("malware--1b3c8bd4-8f5a-4e4c-9f3e-00000000ffff", "ID"));
        assertThat(server.get("/api/v1/objects/" + RED_USES, green).statusCode()).as("a relationship to it").isEqualTo(404);
        assertThat(server.get("/api/v1/objects/" + RED_MALWARE + "/versions", green).statusCode()).isEqualTo(404);
    }

    @Test
    void anArchivedArtifactGoesOnlyToWhoMaySeeItsEvidenceAndOnlyUnaltered() throws Exception {
        var full = server.get("/api/v1/artifacts/" + artifact, red);
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.body()).isEqualTo("c2=tianjin-host.example:443\n");
        assertThat(full.headers().firstValue("Content-Disposition").orElse("")).contains("implant-config");
        assertThat(server.get("/api/v1/artifacts/" + artifact, green).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/artifacts/" + "0".repeat(64), red).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/artifacts/not-a-hash", red).statusCode()).isEqualTo(400);
        java.nio.file.Path stored = server.test().knowledge().vault().artifact(artifact);
        stored.toFile().setWritable(true);
        java.nio.file.Files.writeString(stored, "c2=somewhere-else.example:443\n");
        assertThat(server.get("/api/v1/artifacts/" + artifact, red).statusCode()).isEqualTo(409);
    }

    @Test
    void searchCardsAndDossiersLeaveOutWhatTheTokenMayNotSee() throws Exception {
        assertThat(server.get("/api/v1/search?q=Quiet%20Loader", red).body()).contains(RED_MALWARE);
        assertThat(server.get("/api/v1/search?q=Quiet%20Loader", green).body()).doesNotContain(RED_MALWARE);
        assertThat(server.get("/api/v1/actors/" + MENUPASS, red).body()).contains("Quiet Loader");
        HttpResponse<String> card = server.get("/api/v1/actors/" + MENUPASS, green);
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains("menuPass").doesNotContain("Quiet Loader");
        String full = server.get("/api/v1/actors/" + MENUPASS + "/dossier?format=markdown", red).body();
        assertThat(full).contains("Implant config names a Tianjin host", "TLP:RED");
        String cleared = server.get("/api/v1/actors/" + MENUPASS + "/dossier?format=markdown", green).body();
        assertThat(cleared).contains("menuPass").doesNotContain("Implant config names a Tianjin host", "TLP:RED");
        assertThat(server.get("/api/v1/stats", green).body()).doesNotContain("\"malware\":" + (countMalware(red) ));
    }

    private static long countMalware(String token) throws Exception {
        return org.sightline.stix.json.StixJson.mapper().readTree(server.get("/api/v1/stats", token).body())
                .path("objectsByType").path("malware").asLong();
    }
}
