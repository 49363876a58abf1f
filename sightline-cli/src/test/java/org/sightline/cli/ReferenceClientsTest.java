package org.sightline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.server.App;
import org.sightline.server.ServerOptions;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StoreLocation;

/**
 * Sightline as other people's code finds it: the OASIS reference clients (taxii2-client, the stix2
 * library, stix-validator), from their sources in ../shared/reference-clients, on Debian's python3,
 * against a store loaded as a new user loads it (the demo and ATT&CK Enterprise) and served over real
 * HTTP. tools/interop/reference_clients.py makes the calls and reports; this test asserts that nothing
 * failed. It skips when python3 or its Debian packages are absent, unless SIGHTLINE_TEST_INTEROP=required
 * (as in CI, which installs them: tools/interop/debian-packages.txt).
 */
class ReferenceClientsTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String APT10 = "intrusion-set--7c9cb845-e0f5-5163-b348-895ca52fcdd7";
    private static final String DESCRIPTION = "Alles – für 中文 Leser, ‘quoted’";
    private static final List<String> TREES = List.of("cti-taxii-client", "cti-python-stix2", "cti-stix-validator", "cti-pattern-validator");

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    @Test
    void theOasisReferenceClientsFindNothingWrong() throws Exception {
        Path clients = referenceClients();
        Path script = repositoryRoot().resolve("tools/interop/reference_clients.py");

        assertThat(cli("demo", "--with", SharedData.enterpriseAttack().toString(), "--load-only").exit()).isZero();
        String collection = cli("--json", "collection", "create", "Everything", "--description", DESCRIPTION,
                "--read", "reader", "--write", "analyst").json().path("id").asText();
        String writer = cli("--json", "token", "create", "--name", "partner", "--role", "analyst", "--clearance", "red").json()
                .path("token").asText();
        String reader = cli("--json", "token", "create", "--name", "reader", "--role", "reader", "--clearance", "green").json()
                .path("token").asText();

        // Sightings from Zeek logs, ssl.log (no proto column) among them; recorded in the store as well
        Path indicators = work.resolve("indicators.json");
        Files.writeString(indicators, indicatorBundle());
        Path sightings = work.resolve("sightings.json");
        List<String> match = new ArrayList<>(List.of("match", "--indicators", indicators.toString(), "--events"));
        for (String log : List.of("ssl.log.gz", "dns.log.gz", "smtp.log.gz")) {
            match.add(SharedData.require("logs/zeek-wrccdc-2018/" + log).toString());
        }
        Run matched = cli(concat(match, "--out", sightings.toString()));
        assertThat(matched.exit()).as(matched.err()).isZero();
        Run stored = cli(concat(match, "--store"));
        assertThat(stored.exit()).as(stored.err()).isZero();
        Path export = work.resolve("export.json");
        assertThat(cli("export", "--include-revoked", "--out", export.toString()).exit()).isZero();

        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(dataDir));
             App server = new App(knowledge).start(ServerOptions.loopback(0))) {
            String base = "http://127.0.0.1:" + server.port();
            Path dossier = work.resolve("dossier.json");
            HttpResponse<Path> saved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            base + "/api/v1/actors/" + APT10 + "/dossier?format=stix")).header("Authorization", "Bearer " + writer).build(),
                    HttpResponse.BodyHandlers.ofFile(dossier));
            assertThat(saved.statusCode()).isEqualTo(200);

            List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), "--base", base, "--writer", writer,
                    "--reader", reader, "--collection", collection, "--description", DESCRIPTION, "--export", export.toString(),
                    "--schemas", clients.resolve("cti-stix2-json-schemas/schemas").toString(), "--files", export.toString(),
                    dossier.toString(), sightings.toString()));
            JsonNode report = python(command, clients, script.getParent().resolve("pylib"));

            JsonNode taxii = report.path("taxii");
            JsonNode roundTrip = report.path("roundtrip");
            System.out.printf("reference clients: taxii %d/%d calls ok; validator %d errors over %d objects; stix2 parse %d failures "
                            + "over %d objects (%d strictly, without custom content); round trip %d/%d equal%n",
                    taxii.path("calls").asInt() - taxii.path("failed").size(), taxii.path("calls").asInt(),
                    report.path("validator").path("errors").size(), report.path("validator").path("objects").asInt(),
                    report.path("parse").path("failures").size(), report.path("parse").path("objects").asInt(),
                    report.path("parse").path("parsed_strictly").asInt(), roundTrip.path("equal").asInt(), roundTrip.path("objects").asInt());
            assertThat(taxii.path("calls").asInt()).isGreaterThan(30);
            assertThat(taxii.path("failed")).as("failed TAXII calls").isEmpty();
            assertThat(report.path("validator").path("objects").asInt()).isGreaterThan(24_000);
            assertThat(report.path("validator").path("errors")).as("stix-validator errors").isEmpty();
            assertThat(report.path("parse").path("failures")).as("stix2.parse failures").isEmpty();
            assertThat(roundTrip.path("objects").asInt()).isPositive();
            assertThat(roundTrip.path("equal").asInt()).isEqualTo(roundTrip.path("objects").asInt());
        }
    }

    /** Domains and an address the wrccdc-2018 logs hold, as three indicators. */
    private static String indicatorBundle() {
        StringBuilder objects = new StringBuilder();
        String[] patterns = {"[domain-name:value = 'www.google.com']", "[domain-name:value = 'ise.wrccdc.org']",
                "[ipv4-addr:value = '134.71.3.16']"};
        for (int i = 0; i < patterns.length; i++) {
            objects.append(i == 0 ? "" : ",").append("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--5d1f0c2e-7a3b-4c6d-9e8f-00000000000")
                    .append(i + 1).append("\",\"created\":\"2018-03-01T00:00:00.000Z\",\"modified\":\"2018-03-01T00:00:00.000Z\",")
                    .append("\"name\":\"wrccdc ").append(i + 1).append("\",\"pattern\":\"").append(patterns[i])
                    .append("\",\"pattern_type\":\"stix\",\"valid_from\":\"2018-03-01T00:00:00Z\",\"indicator_types\":[\"malicious-activity\"]}");
        }
        return "{\"type\":\"bundle\",\"id\":\"bundle--5d1f0c2e-7a3b-4c6d-9e8f-000000000000\",\"objects\":[" + objects + "]}";
    }

    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return StixJson.mapper().readTree(out);
        }
    }

    private Run cli(List<String> args) {
        return cli(args.toArray(String[]::new));
    }

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> withDataDir = new ArrayList<>(List.of(args));
        withDataDir.addAll(List.of("--data-dir", dataDir.toString()));
        int exit = Sightline.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                withDataDir.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private JsonNode python(List<String> command, Path clients, Path pylib) throws Exception {
        List<String> path = new ArrayList<>(List.of(pylib.toString()));
        TREES.forEach(tree -> path.add(clients.resolve(tree).toString()));
        Path stdout = work.resolve("report.json");
        Path stderr = work.resolve("report.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("PYTHONPATH", String.join(java.io.File.pathSeparator, path));
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // the source trees are read-only
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the reference clients finished").isTrue();
        assertThat(process.exitValue()).as("reference_clients.py failed: %s", Files.readString(stderr)).isZero();
        return StixJson.mapper().readTree(stdout.toFile());
    }

    /** The reference clients' sources and a python3 with their Debian packages, or a skip (a failure when required). */
    private static Path referenceClients() throws Exception {
        boolean required = "required".equals(System.getenv("SIGHTLINE_TEST_INTEROP"));
        Path clients = SharedData.root().resolve("../reference-clients").normalize();
        String missing = null;
        if (!Files.isDirectory(clients.resolve("cti-taxii-client"))) {
            missing = "the OASIS reference clients are not in " + clients;
        } else if (!Files.isExecutable(Path.of(PYTHON))) {
            missing = PYTHON + " is not installed";
        } else {
            Process probe = new ProcessBuilder(PYTHON, "-c",
                    "import antlr4, dateutil, six, requests, pytz, simplejson, jsonschema, colorama, requests_cache")
                    .redirectErrorStream(true).start();
            String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (probe.waitFor() != 0) {
                missing = "python3 lacks the reference clients' Debian packages (tools/interop/debian-packages.txt): " + said.strip();
            }
        }
        if (missing != null && required) {
            throw new AssertionError(missing + " (SIGHTLINE_TEST_INTEROP=required)");
        }
        Assumptions.assumeTrue(missing == null, missing);
        return clients;
    }

    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("tools/interop")) ? here : here.getParent();
    }
}
