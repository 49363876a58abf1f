package org.sightline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;

/** The sightline command as a user types it: exit codes, --json documents, messages. */
class CommandLineTest {
    @TempDir
    Path dataDir;

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return StixJson.mapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON document: " + out, e);
            }
        }
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withDataDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDataDir, 0, args.length);
        withDataDir[args.length] = "--data-dir";
        withDataDir[args.length + 1] = dataDir.toString();
        int exit = Sightline.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), withDataDir);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(run("--help").exit()).isZero();
        Run version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).contains("sightline", "Java");
        for (String command : new String[] {"import", "export", "get", "search", "stats", "actor", "serve", "demo", "reindex", "bench",
                "screen", "stream", "indicators", "events", "sightings"}) {
            Run help = run(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: sightline " + command);
        }
    }

    @Test
    void onlyTheCommandAskedForIsBuiltYetEveryWayOfAskingStillWorks() {
        assertThat(Sightline.askedCommand("match", "--events", "x")).isEqualTo("match");
        assertThat(Sightline.askedCommand("--data-dir", "/tmp/d", "--json", "claim", "add")).isEqualTo("claim");
        assertThat(Sightline.askedCommand("--db=jdbc:h2:mem:x", "stats")).isEqualTo("stats");
        assertThat(Sightline.askedCommand("--help")).isNull();
        assertThat(Sightline.askedCommand("--no-such-global", "stats")).isNull();

        Run usage = run("--help");
        for (String command : new String[] {"import", "match", "claim", "taxii", "misp", "bench", "help"}) {
            assertThat(usage.out()).as(command).contains("  " + command + " ");
        }
        Run help = run("help", "match");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: sightline match");
        Run typo = run("matc");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("'matc'", "match"); // the full list, so picocli can suggest
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Sightline.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), "--data-dir", dataDir.toString(), "stats", "--json");
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("{");
    }

    @Test
    void aUsageErrorExitsTwo() {
        Run run = run("import", "--no-such-option", "x.json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option");
        Run json = run("stats", "--bogus", "--json");
        assertThat(json.exit()).isEqualTo(2);
        assertThat(json.json().path("error").path("code").asText()).isEqualTo("usage_error");
    }

    @Test
    void importThenLookUpSearchGetExportAndReimport() throws IOException {
        Run imported = run("import", SharedData.menuPassSubset().toString(), "--json");
        assertThat(imported.exit()).isZero();
        JsonNode report = imported.json();
        assertThat(report.path("imported").asLong()).isEqualTo(318);
        assertThat(report.path("unchanged").asLong()).isZero();
        assertThat(report.path("invalid").asLong()).isZero();
        assertThat(report.path("by_type").path("intrusion-set").asInt()).isEqualTo(2);
        assertThat(report.has("seconds")).isTrue();

        Run actor = run("actor", "apt", "10", "--json");
        assertThat(actor.exit()).isZero();
        assertThat(actor.json().path("query").asText()).isEqualTo("apt 10");
        assertThat(actor.json().path("match").path("external_id").asText()).isEqualTo("G0045");

        Run text = run("actor", "Stone Panda");
        assertThat(text.out()).contains("menuPass", "G0045", "aliases and who uses them", "MITRE ATT&CK", "techniques");

        Run search = run("search", "gothic", "panda", "--json");
        assertThat(search.json().path("hits").get(0).path("name").asText()).isEqualTo("APT3");

        String id = actor.json().path("match").path("id").asText();
        Run get = run("get", id);
        assertThat(get.exit()).isZero();
        assertThat(get.json().path("name").asText()).isEqualTo("menuPass");

        Path bundle = dataDir.resolve("export.json");
        Run export = run("export", "--out", bundle.toString(), "--json");
        assertThat(export.json().path("exported").asLong()).isEqualTo(318);
        Run again = run("import", bundle.toString(), "--json");
        assertThat(again.json().path("imported").asLong()).isZero();
        assertThat(again.json().path("unchanged").asLong()).isEqualTo(318);

        Run stats = run("stats", "--json");
        assertThat(stats.json().path("objects").asLong()).isEqualTo(318);
        Run reindex = run("reindex", "--json");
        assertThat(reindex.exit()).isZero();
        assertThat(run("actor", "menupass", "--json").exit()).isZero();
    }

    @Test
    void activeIndicatorsFromAMispEventAreExportedForZeekWithWhatCannotGoListed() throws IOException {
        assertThat(run("import", SharedData.require("misp-events/PyMISP").toString()).exit()).isZero();
        Path out = dataDir.resolve("zeek");
        // The event's indicators (2016–2020) have all decayed by now: they leave the sensors unless asked for
        assertThat(run("export-sensor", "--format", "zeek-intel", "--out", out.resolve("active").toString(), "--json").json()
                .path("values").asInt()).isZero();
        Run zeek = run("export-sensor", "--format", "zeek-intel", "--include-expired", "--out", out.toString(), "--base-url",
                "https://cti.example/", "--json");
        assertThat(zeek.exit()).isZero();
        assertThat(zeek.json().path("values").asInt()).isPositive();
        List<String> lines = java.nio.file.Files.readAllLines(out.resolve("sightline.intel"));
        assertThat(lines.get(0)).isEqualTo("#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc\tmeta.url");
        assertThat(lines).contains("meteost.com\tIntel::DOMAIN\tsightline\tXagent Samples\thttps://cti.example/ui/#/indicator/"
                + "indicator--5a3c3045-61dc-495c-ae8a-471e02de0b81");
        // MISP's filename|md5 becomes [file:name = … AND file:hashes.MD5 = …]: not one value, so listed with the reason
        assertThat(java.nio.file.Files.readString(out.resolve("sightline-not-exported.tsv"))).contains("comparisons joined by AND");
        assertThat(zeek.json().path("not_exported").get(0).path("why").asText()).isNotBlank();

        // What Zeek logs when the Intel framework sees an exported value (intel.log, Zeek's documented Intel::Info fields)
        // comes back through the Zeek adapter as a sighting of the indicator it was exported from.
        Path intelLog = dataDir.resolve("intel.log");
        java.nio.file.Files.writeString(intelLog, String.join("\n",
                "#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)", "#unset_field\t-", "#path\tintel",
                "#open\t2026-12-03-09-00-00",
                "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tseen.indicator\tseen.indicator_type\tseen.where\tseen.node"
                        + "\tmatched\tsources\tfuid\tfile_mime_type\tfile_desc",
                "#types\ttime\tstring\taddr\tport\taddr\tport\tstring\tenum\tenum\tstring\tset[enum]\tset[string]\tstring\tstring\tstring",
                "1764752400.123456\tCHhAvVGS1DHFjwGM9\t10.0.0.5\t53211\t10.0.0.1\t53\tmeteost.com\tIntel::DOMAIN\tDNS::IN_REQUEST\tzeek"
                        + "\tIntel::DOMAIN\tsightline\t-\t-\t-",
                "#close\t2026-12-03-10-00-00", ""));
        Path sightings = dataDir.resolve("sightings.json");
        // The event's indicators date from 2016–2020 and have all expired by now: the matcher leaves them out unless told
        Run now = run("match", "--from-store", "--events", intelLog.toString(), "--json");
        assertThat(now.json().path("indicators").asInt()).isZero();
        assertThat(now.json().path("indicators_expired").asInt()).isPositive();
        Run match = run("match", "--from-store", "--include-expired", "--events", intelLog.toString(), "--out", sightings.toString(), "--json");
        assertThat(match.exit()).as(match.err()).isZero();
        assertThat(match.json().path("sightings").asInt()).isEqualTo(1);
        assertThat(java.nio.file.Files.readString(sightings)).contains("\"sighting_of_ref\" : \"indicator--5a3c3045-61dc-495c-ae8a-471e02de0b81\"");

        // The event's indicators date from 2016–2020: as they age, all of them have expired by now, and none was as of their day
        Run today = run("indicators", "list", "--json");
        assertThat(today.exit()).isZero();
        assertThat(today.json().path("indicators")).isNotEmpty().allSatisfy(i -> assertThat(i.path("status").asText()).isIn("EXPIRED", "REVOKED"));
        Run then = run("indicators", "list", "--active", "--as-of", "2017-12-01", "--json");
        assertThat(then.json().path("indicators")).isNotEmpty();
        assertThat(then.json().path("indicators").get(0).path("why").asText()).contains("halves every", "last confirmed");
        assertThat(run("export-sensor", "--format", "zeek-intel", "--out", out.resolve("scored").toString(), "--min-score", "0.3", "--json")
                .json().path("values").asInt()).isZero();
        assertThat(run("indicators", "list", "--active", "--expired").exit()).isEqualTo(1);

        Run bad = run("export-sensor", "--format", "snort", "--out", out.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("zeek-intel, suricata-dataset, suricata-rules or simple-stix, not 'snort'");
    }

    @Test
    void logsKeptByMatchAreHuntedWithIndicatorsLearntLater() throws IOException {
        Path dns = SharedData.require("logs/zeek-wrccdc-2018/dns.log.gz");
        assertThat(run("demo", "--load-only").exit()).isZero();
        Run matched = run("match", "--from-store", "--events", dns.toString(), "--keep", "--json");
        assertThat(matched.exit()).as(matched.err()).isZero();
        assertThat(matched.json().path("kept")).hasSize(1);
        assertThat(run("hunt", "--json").json().path("sightings").asInt()).isZero(); // the demo's indicators: nothing in these logs

        Path later = dataDir.resolve("later.json");
        Files.writeString(later, """
                {"type":"bundle","id":"bundle--22222222-0000-4000-8000-000000000000","objects":[{"type":"identity","spec_version":"2.1",
                "id":"identity--22222222-0000-4000-8000-0000000000aa","created":"2026-12-01T00:00:00.000Z","modified":"2026-12-01T00:00:00.000Z",
                "name":"Partner CERT","identity_class":"organization"},{"type":"indicator","spec_version":"2.1",
                "created_by_ref":"identity--22222222-0000-4000-8000-0000000000aa","confidence":90,
                "id":"indicator--22222222-0000-4000-8000-000000000001","created":"2026-12-01T00:00:00.000Z","modified":"2026-12-01T00:00:00.000Z",
                "name":"lookups of a video search host","pattern_type":"stix","pattern":"[domain-name:value = 'videosearch.ubuntu.com']",
                "valid_from":"2018-01-01T00:00:00Z"}]}""");
        assertThat(run("import", later.toString()).exit()).isZero();
        Run dry = run("hunt", "--dry-run", "--json");
        assertThat(dry.json().path("sightings").asInt()).isEqualTo(1);
        assertThat(dry.json().path("stored").asInt()).isZero();
        Run hunt = run("hunt", "--json");
        assertThat(hunt.exit()).as(hunt.err()).isZero();
        assertThat(hunt.json().path("indicators").asInt()).isEqualTo(1);
        assertThat(hunt.json().path("records").asLong()).isEqualTo(53_615);
        assertThat(hunt.json().path("sightings").asInt()).isEqualTo(1);
        assertThat(run("hunt", "--json").json().path("indicators").asInt()).isZero();

        // The analyst finds the lookups were an update server: a false positive, and the indicator and its source pay for it
        String sighting = hunt.json().path("found").get(0).path("id").asText();
        double before = run("indicators", "--source", "Partner CERT", "--json").json().path("indicators").get(0).path("score").asDouble();
        Run marked = run("sighting", "false-positive", sighting, "--reason", "Ubuntu's own video search", "--json");
        assertThat(marked.exit()).as(marked.err()).isZero();
        assertThat(marked.json().path("indicator_id").asText()).isEqualTo("indicator--22222222-0000-4000-8000-000000000001");
        JsonNode scored = run("indicators", "--source", "Partner CERT", "--json").json().path("indicators");
        assertThat(scored).hasSize(1);
        assertThat(scored.get(0).path("false_positives").asInt()).isEqualTo(1);
        assertThat(scored.get(0).path("score").asDouble()).isLessThan(before / 2);
        assertThat(scored.get(0).path("why").asText()).contains("marked false positive", "its source's record");
        assertThat(run("indicators", "--source", "identity--22222222-0000-4000-8000-0000000000ab", "--json").json().path("indicators")).isEmpty();
        assertThat(run("indicators", "--source", "Nobody Such").err()).contains("no identity named 'Nobody Such'");
        assertThat(run("sighting", "false-positive", "sighting--22222222-0000-4000-8000-0000000000ff").err()).contains("no sighting");

        Run text = run("hunt", "--indicators", "all", "--since", "2019-01-01");
        assertThat(text.out()).contains("no logs to hunt in");
        Run folder = run("hunt", "--indicators", later.toString(), "--logs", dns.getParent().toString(), "--dry-run", "--json");
        assertThat(folder.json().path("sightings").asInt()).isEqualTo(1);

        assertThat(run("hunt", "--indicators", "newest").err()).contains("--indicators is new, all or a STIX bundle file");
        assertThat(run("hunt", "--logs", dataDir.resolve("nowhere").toString()).err()).contains("no such log folder");
        Run stdin = run("match", "--from-store", "--events", "-", "--keep");
        assertThat(stdin.exit()).isEqualTo(1);
        assertThat(stdin.err()).contains("standard input cannot be kept");
    }

    @Test
    void screeningANameAndTheWholeKnowledgeBaseAgainstTheDemoIndictmentsAndTheSdnSample() {
        Run empty = run("screen", "Zhang Shilong", "--json");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.json().path("error").path("message").asText()).contains("no sanctions or indictment list is loaded");

        assertThat(run("demo", "--load-only").exit()).isZero();
        Run sample = run("import", SharedData.require("sanctions/ofac-sdn-csv-sample").toString(), "--list-date", "2019-01-15");
        assertThat(sample.exit()).isZero();
        assertThat(sample.err()).contains("OFAC SDN list of 2019-01-15: 17 entries (17 new");
        Run older = run("import", SharedData.require("sanctions/ofac-sdn-csv-sample").toString(), "--list-date", "2018-12-01");
        assertThat(older.exit()).isEqualTo(1);
        assertThat(older.out() + older.err()).contains("holds the OFAC SDN list of 2019-01-15", "--list-date");
        Run one = run("screen", "ZHANG", "Shi-long", "--type", "person", "--json");
        assertThat(one.exit()).isZero();
        assertThat(one.json().path("query").asText()).isEqualTo("ZHANG Shi-long");
        assertThat(one.json().path("matches").get(0).path("name").asText()).isEqualTo("Zhang Shilong");
        assertThat(one.json().path("matches").get(0).path("list").asText()).isEqualTo("us_doj_indictments");
        assertThat(one.json().path("matches").get(0).path("reasons").get(0).asText()).contains("split or hyphenated");

        Run all = run("screen", "--all");
        assertThat(all.exit()).isZero();
        assertThat(all.out()).contains("identities and threat actors match a list entry", "Zhu Hua  (individual)", "us_doj_indictments");
        assertThat(run("screen", "--all", "Zhu Hua").exit()).isEqualTo(1);
        assertThat(run("screen", "x", "--threshold", "1.5").err()).contains("threshold is a score between 0 and 1");
        Run badFormat = run("stream", "--bootstrap", "127.0.0.1:1", "--events-topic", "e", "--sightings-topic", "s", "--format", "pcap");
        assertThat(badFormat.exit()).isEqualTo(1);
        assertThat(badFormat.err()).contains("--format must be auto, zeek-json, eve or stix");
        Run noThreads = run("stream", "--bootstrap", "127.0.0.1:1", "--events-topic", "e", "--sightings-topic", "s", "--threads", "0");
        assertThat(noThreads.exit()).isEqualTo(1);
        assertThat(noThreads.err()).contains("an instance needs at least one stream thread, got 0");
    }

    @Test
    void anUnknownActorExitsOneWithCandidates() {
        run("import", SharedData.menuPassSubset().toString());
        Run run = run("actor", "Stone Pandemonium", "--json");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().path("match").isNull()).isTrue();
        assertThat(run.json().path("candidates").get(0).path("name").asText()).isEqualTo("menuPass");
    }

    @Test
    void notFoundAndBadInputExitOneWithAJsonError() throws IOException {
        Run missing = run("get", "intrusion-set--00000000-0000-4000-8000-000000000000", "--json");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.json().path("error").path("code").asText()).isEqualTo("not_found");

        Run noFile = run("import", dataDir.resolve("nope.json").toString(), "--json");
        assertThat(noFile.exit()).isEqualTo(1);
        assertThat(noFile.json().path("error").path("message").asText()).contains("no such file or folder");

        Path bad = dataDir.resolve("bad.json");
        Files.writeString(bad, "[{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--1f2e3d4c-5b6a-4789-8abc-def012345678\","
                + "\"created\":\"2018-08-31T10:00:00.000Z\",\"modified\":\"2018-08-31T10:00:00.000Z\",\"pattern\":\"[x:y = 1]\",\"pattern_type\":\"stix\"}]");
        Run invalid = run("import", bad.toString(), "--json");
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.json().path("invalid").asInt()).isEqualTo(1);
        assertThat(invalid.json().path("errors").get(0).asText()).contains("indicator--1f2e3d4c", "'valid_from' is required");
        assertThat(run("stats", "--json").json().path("objects").asLong()).isZero();
    }

    @Test
    void patternsAreValidatedAndMatchedFromTheCommandLine() throws IOException {
        Run valid = run("pattern", "validate", "[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']");
        assertThat(valid.exit()).isZero();
        Run invalid = run("pattern", "validate", "[file:size = ]", "--json");
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.json().path("position").path("line").asInt()).isEqualTo(1);
        assertThat(invalid.json().path("position").path("column").asInt()).isEqualTo(13);
        assertThat(invalid.json().path("position").path("token").asText()).isEqualTo("]");

        Path observed = dataDir.resolve("observed.json");
        Files.writeString(observed, "{\"type\":\"observed-data\",\"id\":\"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf\","
                + "\"first_observed\":\"2018-08-31T10:00:00Z\",\"last_observed\":\"2018-08-31T10:00:00Z\",\"number_observed\":1,"
                + "\"objects\":{\"0\":{\"type\":\"domain-name\",\"value\":\"evil.example.com\"}}}");
        Run match = run("pattern", "match", "--pattern", "[domain-name:value LIKE '%.example.com']", "--observed", observed.toString(), "--json");
        assertThat(match.exit()).isZero();
        assertThat(match.json().path("matched").asBoolean()).isTrue();
        Run error = run("pattern", "match", "--pattern", "[domain-name:value IN ('a', 1)]", "--observed", observed.toString(), "--json");
        assertThat(error.exit()).isEqualTo(1);
        assertThat(error.json().path("error").path("kind").asText()).isEqualTo("matcher_error");
    }

    @Test
    void logsBecomeSightingsInAFileAndInTheStore() throws IOException {
        Path indicators = dataDir.resolve("indicators.json");
        Files.writeString(indicators, "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":["
                + "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d\","
                + "\"created\":\"2018-08-31T10:00:00.000Z\",\"modified\":\"2018-08-31T10:00:00.000Z\","
                + "\"pattern\":\"[domain-name:value = 'prod.debian.map.fastly.net']\",\"pattern_type\":\"stix\",\"valid_from\":\"2010-01-01T00:00:00Z\"}]}");
        Path sightings = dataDir.resolve("sightings.json");
        Run run = run("match", "--indicators", indicators.toString(), "--events",
                SharedData.require("logs/suricata-surevego/eve.json").toString(), "--out", sightings.toString(),
                "--store", "--sighted-at", "identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().path("events").asLong()).isEqualTo(265);
        assertThat(run.json().path("malformed").asLong()).isZero();
        assertThat(run.json().path("sightings").asInt()).isEqualTo(1);
        assertThat(run.json().path("matched").asLong()).isGreaterThan(0);

        JsonNode bundle = StixJson.mapper().readTree(sightings.toFile());
        JsonNode sighting = null;
        for (JsonNode object : bundle.path("objects")) {
            if (object.path("type").asText().equals("sighting")) {
                sighting = object;
            }
        }
        assertThat(sighting).isNotNull();
        assertThat(sighting.path("sighting_of_ref").asText()).isEqualTo("indicator--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d");
        assertThat(sighting.path("count").asLong()).isEqualTo(run.json().path("matched").asLong());
        assertThat(sighting.path("where_sighted_refs").get(0).asText()).startsWith("identity--");
        assertThat(sighting.path("observed_data_refs").size()).isGreaterThan(0);
        assertThat(run("stats", "--json").json().path("objects_by_type").path("sighting").asInt()).isEqualTo(1);

        Run missing = run("match", "--indicators", indicators.toString(), "--events", dataDir.resolve("none.log").toString(), "--json");
        assertThat(missing.exit()).isEqualTo(1);

        // the same log gzipped on standard input
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(packed)) {
            gzip.write(Files.readAllBytes(SharedData.require("logs/suricata-surevego/eve.json")));
        }
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(packed.toByteArray()));
            Run piped = run("match", "--indicators", indicators.toString(), "--events", "-", "--json");
            assertThat(piped.exit()).as(piped.err()).isZero();
            assertThat(piped.json().path("events").asLong()).isEqualTo(265);
            assertThat(piped.json().path("matched").asLong()).isEqualTo(run.json().path("matched").asLong());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void demoLoadOnlyLoadsTheBundledCaseAndExits() {
        Run demo = run("demo", "--load-only", "--json");
        assertThat(demo.exit()).isZero();
        assertThat(demo.json().path("demo").path("imported").asLong()).isGreaterThan(20);
        assertThat(run("actor", "Gothic Panda", "--json").json().path("match").path("name").asText()).isEqualTo("APT3");
        assertThat(run("demo", "--load-only", "--json").json().path("demo").path("imported").asLong()).isZero();
    }

    @Test
    void mispGalaxiesImportLinkAndShowConflicts() {
        Run imported = run("import", SharedData.menuPassSubset().toString(),
                SharedData.require("misp-galaxy/clusters_threat-actor.json").toString(), "--json");
        assertThat(imported.exit()).isZero();
        assertThat(imported.json().path("links_created").asInt()).isGreaterThan(0);
        assertThat(run("actor", "Purple Typhoon", "--json").json().path("match").path("external_id").asText()).isEqualTo("G0045");
        Run conflicts = run("actor", "conflicts", "--json");
        assertThat(conflicts.exit()).isZero();
        assertThat(conflicts.json().path("conflicts").toString()).contains("Grizzly Steppe");
        String misp = run("actor", "Purple Typhoon", "--json").json().path("match").path("linked_objects").get(0).asText();
        assertThat(run("actor", "unlink", "intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f", misp, "--json").exit()).isZero();
        assertThat(run("actor", "Purple Typhoon", "--json").json().path("match").path("external_id").isNull()).isTrue();
        assertThat(run("actor", "link", "intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f", misp, "--by", "test", "--json").exit()).isZero();
        assertThat(run("actor", "Purple Typhoon", "--json").json().path("match").path("external_id").asText()).isEqualTo("G0045");
    }

    @Test
    void anAnalystRecordsAssessesAndSettlesAClaimFromTheCommandLine() throws IOException {
        assertThat(run("demo", "--load-only").exit()).isZero();
        Run claims = run("claims", "--about", "APT10", "--json");
        assertThat(claims.exit()).isZero();
        String apt10 = claims.json().path("claims").get(0).path("id").asText();
        Run august = run("assess", apt10, "--as-of", "2018-08-31", "--json");
        Run december = run("assess", apt10, "--as-of", "2018-12-21", "--json");
        assertThat(december.json().path("probability").asDouble()).isGreaterThan(august.json().path("probability").asDouble());
        assertThat(august.json().path("contributions").get(0).path("reason").asText()).contains("Intrusion Truth");
        assertThat(run("assess", apt10, "--history").out()).contains("2018-12-20", "almost certain");
        assertThat(run("source", "Intrusion Truth", "--as-of", "2017-11-28", "--json").json().path("reliability").asText())
                .isEqualTo("C");

        Run added = run("claim", "add", "--source", "Gao Qiang", "--type", "affiliated-with", "--target", "APT10", "--json");
        assertThat(added.exit()).isZero();
        String claim = added.json().path("id").asText();
        Run evidence = run("evidence", "add", "--claim", claim, "--source", "Intrusion Truth", "--kind", "social-media",
                "--reliability", "C", "--credibility", "3", "--origin", "Intrusion Truth APT10 series, August 2018",
                "--published", "2018-08-15", "--json");
        assertThat(evidence.exit()).isZero();
        assertThat(run("evidence", "list", "--claim", claim, "--json").json().path("evidence").size()).isEqualTo(1);
        assertThat(run("resolve", claim, "--refuted", "--by", "US Department of Justice", "--on", "2019-01-01").exit()).isZero();
        assertThat(run("claims", "--status", "refuted", "--json").json().path("claims").get(0).path("id").asText()).isEqualTo(claim);

        Run bad = run("evidence", "add", "--claim", claim, "--source", "Intrusion Truth", "--kind", "imagery",
                "--reliability", "Q", "--credibility", "3", "--origin", "x", "--published", "2018-08-15", "--json");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.json().path("error").path("message").asText()).isEqualTo("--reliability must be an Admiralty grade A to F, got 'Q'");
        assertThat(run("assess", "relationship--00000000-0000-4000-8000-000000000000").exit()).isEqualTo(1);
    }

    @Test
    void servingBeyondLoopbackWithoutTlsNeedsAnExplicitInsecure() {
        Run refused = run("serve", "--bind", "0.0.0.0", "--port", "0", "--json");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.json().path("error").path("message").asText()).contains("unencrypted", "--insecure");
    }

    @Test
    void tokensAreCreatedShownOnceListedAndRevoked() {
        Run created = run("token", "create", "--role", "analyst", "--clearance", "amber", "--name", "ci", "--json");
        assertThat(created.exit()).isZero();
        String secret = created.json().path("token").asText();
        String id = created.json().path("id").asText();
        assertThat(secret).startsWith("sl_");
        Run listed = run("token", "list", "--json");
        assertThat(listed.out()).contains(id).doesNotContain(secret);
        assertThat(run("token", "revoke", id).exit()).isZero();
        assertThat(run("token", "revoke", id).exit()).isEqualTo(1);
        assertThat(run("token", "create", "--role", "root").exit()).isEqualTo(1);
        assertThat(run("audit", "--since", "2020-01-01", "--json").json().path("entries").isArray()).isTrue();
        assertThat(run("audit", "--since", "yesterday").exit()).isEqualTo(1);
    }

    @Test
    void suppliersAreDeclaredAndTheExposureRankedWithReasons() throws IOException {
        Path csv = dataDir.resolve("suppliers.csv");
        Files.writeString(csv, "supplier,customer,service_type,access_level,criticality,sectors,countries\n"
                + "Harbor Managed IT,,managed-it-services,privileged-admin,high,Information technology,GB\n"
                + "Greenleaf Catering,,other,none,low,Hospitality,GB\n");
        assertThat(run("demo", "--load-only").exit()).isZero(); // APT10's targeting facts
        Path bad = dataDir.resolve("bad.csv");
        Files.writeString(bad, "supplier,customer,service_type,access_level\nX,Acme,msp,root\n");
        Run refused = run("suppliers", "import", bad.toString(), "--json");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.json().path("error").path("message").asText()).contains("bad.csv:2: service_type 'msp'", "bad.csv:2: access_level 'root'");
        Run imported = run("suppliers", "import", csv.toString(), "--org", "Contoso Shipping", "--json");
        assertThat(imported.exit()).isZero();
        assertThat(imported.json().path("supplies").asInt()).isEqualTo(2);
        Run exposure = run("exposure", "--org", "Contoso Shipping", "--as-of", "2019-01-01", "--json");
        assertThat(exposure.exit()).isZero();
        JsonNode first = exposure.json().path("actors").get(0);
        assertThat(first.path("name").asText()).isEqualTo("APT10");
        assertThat(first.path("paths").get(0).path("reasons").toString()).contains("managed-it-services");
        JsonNode suppliers = exposure.json().path("suppliers");
        assertThat(suppliers.get(suppliers.size() - 1).path("name").asText()).isEqualTo("Greenleaf Catering");
        assertThat(run("exposure").exit()).isEqualTo(1); // two organisations now: which one?

        // `import` takes a supplier list as `suppliers import` and the web upload do, with the same errors
        Path more = dataDir.resolve("more-suppliers.csv");
        Files.writeString(more, "supplier,customer,service_type,access_level,criticality,sectors,countries\n"
                + "North Sea Payroll,,business-process-outsourcing,data-access,medium,Financial services,GB\n");
        Run viaImport = run("import", more.toString(), "--org", "Contoso Shipping", "--json");
        assertThat(viaImport.exit()).isZero();
        assertThat(viaImport.json().path("suppliers").get(0).path("supplies").asInt()).isEqualTo(1);
        assertThat(run("exposure", "--org", "Contoso Shipping", "--json").json().path("suppliers").toString()).contains("North Sea Payroll");
        Run refusedViaImport = run("import", bad.toString(), "--json");
        assertThat(refusedViaImport.exit()).isEqualTo(1);
        assertThat(refusedViaImport.json().path("error").path("message").asText()).contains("bad.csv:2: service_type 'msp'");
    }

    @Test
    void theEvidenceVaultArchivesAndDetectsTampering() throws IOException {
        assertThat(run("demo", "--load-only").exit()).isZero();
        String claim = run("claims", "--about", "APT10", "--json").json().path("claims").get(0).path("id").asText();
        Path photo = dataDir.resolve("photo.jpg");
        Files.writeString(photo, "a photograph of the bureau compound");
        Run added = run("evidence", "add", photo.toString(), "--claim", claim, "--source", "Intrusion Truth",
                "--kind", "imagery", "--reliability", "F", "--credibility", "3", "--origin", "Intrusion Truth APT10 series, August 2018",
                "--published", "2018-08-13", "--by", "analyst", "--json");
        assertThat(added.exit()).isZero();
        String sha = added.json().path("archived").path("sha256").asText();
        assertThat(added.json().path("evidence").path("artifact_sha256").asText()).isEqualTo(sha);
        assertThat(run("evidence", "verify").exit()).isZero();
        Path artifact = dataDir.resolve("vault/objects").resolve(sha.substring(0, 2)).resolve(sha);
        artifact.toFile().setWritable(true);
        Files.writeString(artifact, "a different photograph");
        Run verify = run("evidence", "verify", "--json");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.json().path("problems").get(0).asText()).contains("photo.jpg", "altered");
    }

    @Test
    void aCheckpointKeptElsewhereProvesTheLedgerWasNotRewrittenBeforeIt() throws IOException {
        assertThat(run("demo", "--load-only").exit()).isZero();
        String claim = run("claims", "--about", "APT10", "--json").json().path("claims").get(0).path("id").asText();
        for (String name : List.of("one.jpg", "two.jpg")) {
            Path file = dataDir.resolve(name);
            Files.writeString(file, "evidence " + name);
            assertThat(run("evidence", "add", file.toString(), "--claim", claim, "--source", "Intrusion Truth", "--kind", "imagery",
                    "--reliability", "F", "--credibility", "3", "--origin", "o " + name, "--published", "2018-08-13").exit()).isZero();
        }
        Path checkpoint = Files.createTempFile("checkpoint", ".json");
        Run made = run("evidence", "checkpoint", "--out", checkpoint.toString(), "--json");
        assertThat(made.exit()).isZero();
        assertThat(made.json().path("entries").asInt()).isEqualTo(2);
        assertThat(run("evidence", "verify", "--checkpoint", checkpoint.toString()).exit()).isZero();

        // an altered checkpoint is refused
        Path forged = Files.createTempFile("forged", ".json");
        Files.writeString(forged, Files.readString(checkpoint).replace("\"entries\" : 2", "\"entries\" : 1"));
        assertThat(run("evidence", "verify", "--checkpoint", forged.toString(), "--json").json().path("problems").toString())
                .contains("does not carry a valid signature");

        // the last entry deleted: the store's anchors tell, and so does the checkpoint (which still tells when the anchors are rebuilt too)
        Path ledger = dataDir.resolve("vault/ledger.jsonl");
        List<String> lines = Files.readAllLines(ledger);
        Files.write(ledger, lines.subList(0, 1));
        Run verify = run("evidence", "verify", "--checkpoint", checkpoint.toString(), "--json");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.json().path("problems").toString()).contains("ledger entry 2, the last one at the checkpoint", "is gone");
    }

    @Test
    void exportsAtGreenCarryNothingMarkedAboveIt() throws IOException {
        assertThat(run("demo", "--load-only").exit()).isZero();
        Path red = dataDir.resolve("red.json");
        Files.writeString(red, "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"identity--c0ffee00-0000-4000-8000-00000000cc01\","
                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"Canary Bureau\","
                + "\"identity_class\":\"organization\",\"object_marking_refs\":[\"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1\"]}");
        assertThat(run("import", red.toString()).exit()).isZero();
        String demoClaim = run("claims", "--about", "APT10", "--json").json().path("claims").get(0).path("id").asText();
        Run claim = run("claim", "add", "--source", "APT10", "--type", "affiliated-with", "--target", "Canary Bureau", "--json");
        assertThat(claim.exit()).isZero();
        String redClaim = claim.json().path("id").asText();
        assertThat(run("evidence", "add", "--claim", redClaim, "--source", "US Department of Justice", "--kind", "other",
                "--reliability", "A", "--credibility", "2", "--origin", "canary", "--published", "2019-01-01",
                "--excerpt", "RED-CANARY-ON-A-RED-CLAIM").exit()).isZero();
        assertThat(run("evidence", "add", "--claim", demoClaim, "--source", "US Department of Justice", "--kind", "other",
                "--reliability", "A", "--credibility", "2", "--origin", "canary 2", "--published", "2019-01-01", "--marking", "amber",
                "--excerpt", "AMBER-CANARY-MARKED-BY-HAND").exit()).isZero();

        Run all = run("export");
        assertThat(all.out()).contains("Canary Bureau", "RED-CANARY-ON-A-RED-CLAIM", "AMBER-CANARY-MARKED-BY-HAND", redClaim);
        Run green = run("export", "--clearance", "green");
        assertThat(green.exit()).isZero();
        assertThat(green.out()).contains("APT10").doesNotContain("Canary Bureau", "CANARY", redClaim, "identity--c0ffee00-0000-4000-8000-00000000cc01");
        Run amber = run("export", "--clearance", "amber");
        assertThat(amber.out()).contains("AMBER-CANARY-MARKED-BY-HAND").doesNotContain("RED-CANARY", redClaim);
        for (String type : List.of("note", "relationship", "identity")) {
            Run misp = run("misp", "export", "--type", type, "--clearance", "green");
            assertThat(misp.out()).as(type).doesNotContain("CANARY", "Canary Bureau", redClaim);
        }
        // a marking above what the claim's ends carry is kept; one below them is raised to theirs
        Run lowered = run("evidence", "add", "--claim", redClaim, "--source", "US Department of Justice", "--kind", "other",
                "--reliability", "A", "--credibility", "2", "--origin", "canary 3", "--published", "2019-01-01", "--marking", "clear", "--json");
        assertThat(lowered.json().path("evidence").path("id").asText()).startsWith("note--");
        assertThat(run("get", lowered.json().path("evidence").path("id").asText()).out())
                .contains("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
    }

    @Test
    void demoWithAttackLoadsBoth() {
        Run demo = run("demo", "--load-only", "--with", SharedData.menuPassSubset().toString(), "--json");
        assertThat(demo.exit()).isZero();
        assertThat(demo.json().path("with").path("imported").asLong()).isEqualTo(318);
        assertThat(run("actor", "G0045", "--json").json().path("match").path("name").asText()).isEqualTo("menuPass");
    }

    @Test
    void anIntrusionIsAttributedFromTheStoreOrFromFlagsAndBadInputExitsOne() throws IOException {
        assertThat(run("demo", "--load-only", "--with", SharedData.menuPassSubset().toString()).exit()).isZero();
        Run stored = run("attribute", "Operation Cloud Hopper", "--json");
        assertThat(stored.exit()).as(stored.err()).isZero();
        assertThat(stored.json().path("candidates").get(0).path("external_id").asText()).isEqualTo("G0045");
        assertThat(stored.json().path("factors_given").toString()).contains("claims");

        Path indicators = dataDir.resolve("iocs.txt");
        java.nio.file.Files.writeString(indicators, "# left at the MSP\n203.0.113.9\n[domain-name:value = 'x.example']\n");
        Run flags = run("attribute", "--techniques", "T1021.001,T1566.001", "--software", "S0153", "--from", "2016-05-01",
                "--to", "2017-03-31", "--indicators", indicators.toString(), "--top", "2");
        assertThat(flags.exit()).as(flags.err()).isZero();
        assertThat(flags.out()).contains("1. menuPass", "behaviour", "telling: S0153 RedLeaves", "time",
                "infrastructure  unused  none of the 2 indicators");
        Run badDate = run("attribute", "--techniques", "T1566.001", "--from", "May 2016");
        assertThat(badDate.exit()).isEqualTo(1);
        assertThat(badDate.err()).contains("'--from' must be a date such as 2016-05-01");
        assertThat(run("attribute", "--from", "2016-05-01").exit()).isEqualTo(1);
    }

    @Test
    void commandsThatWriteOrExportAreAuditedWithTheirSecretsMasked() throws IOException {
        assertThat(run("import", SharedData.menuPassSubset().toString()).exit()).isZero();
        assertThat(run("token", "create", "--role", "reader", "--name", "sl_looks_like_a_secret").exit()).isZero();
        assertThat(run("collection", "create", "Partner feed", "--filter", "colour=red").exit()).isEqualTo(1);
        assertThat(run("stats").exit()).isZero();
        JsonNode entries = run("audit", "--json").json().path("entries");
        java.util.List<String> lines = new java.util.ArrayList<>();
        entries.forEach(entry -> lines.add(entry.path("method").asText() + " " + entry.path("status").asInt() + " "
                + entry.path("path").asText()));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("CLI 0 sightline import ");
        assertThat(lines.get(1)).isEqualTo("CLI 0 sightline token create --role reader --name *** --data-dir " + dataDir);
        assertThat(lines.get(2)).startsWith("CLI 1 sightline collection create Partner feed --filter colour=red");
        assertThat(entries.get(0).path("remote").asText()).startsWith("local:");
    }
}
