package org.sightline.events.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.pattern.stream.Event;
import org.sightline.stix.testdata.SharedData;

/** The log adapters on the real sample logs in ../shared/data/logs. */
class LogReaderTest {
    @TempDir
    Path temp;

    private final LogReader reader = new LogReader(null);

    private List<Event> read(Path file, ReadReport[] report) {
        List<Event> events = new ArrayList<>();
        report[0] = reader.read(file, LogFormat.AUTO, events::add);
        return events;
    }

    private static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static boolean has(Event event, String field, String value) {
        for (int i = 0; i < event.fields().length; i++) {
            if (event.fields()[i].equals(field) && (value == null || event.values()[i].equals(value))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void suricataEveGivesTrafficDnsHttpAndFiles() {
        ReadReport[] report = new ReadReport[1];
        List<Event> events = read(SharedData.require("logs/suricata-surevego/eve.json"), report);
        assertThat(report[0].malformed()).isZero();
        assertThat(report[0].events()).isEqualTo(265); // 266 records, one of them "stats"
        assertThat(report[0].skipped()).isEqualTo(1);
        assertThat(events).anySatisfy(e -> assertThat(has(e, "domain-name:value", "prod.debian.map.fastly.net")).isTrue());
        assertThat(events).anySatisfy(e -> assertThat(has(e, "url:value", null)).isTrue());
        assertThat(events).anySatisfy(e -> assertThat(has(e, "network-traffic:dst_ref.value", "172.21.3.254")).isTrue());
        assertThat(events.get(0).time()).isEqualTo(java.time.Instant.parse("2017-01-30T15:12:26.985026Z"));
    }

    @Test
    void zeekTsvAndJsonGiveTheSameEvents() {
        ReadReport[] tsv = new ReadReport[1];
        ReadReport[] json = new ReadReport[1];
        List<Event> fromTsv = read(SharedData.require("logs/zeek-wrccdc-2018/dns.log.gz"), tsv);
        List<Event> fromJson = read(SharedData.require("logs/zeek-wrccdc-2018/dns.json.gz"), json);
        assertThat(tsv[0].malformed()).isZero();
        assertThat(json[0].malformed()).isZero();
        assertThat(fromTsv).hasSizeGreaterThan(50_000);
        assertThat(fromJson.get(0).time()).isEqualTo(fromTsv.get(0).time());
        assertThat(Arrays.asList(fromJson.get(0).values())).containsExactlyInAnyOrderElementsOf(Arrays.asList(fromTsv.get(0).values()));
        assertThat(has(fromTsv.get(0), "domain-name:value", "ise.wrccdc.org")).isTrue();
        assertThat(has(fromTsv.get(0), "ipv4-addr:value", "134.71.3.16")).isTrue();
    }

    @Test
    void zeekSslAndX509GiveCertificates() {
        ReadReport[] report = new ReadReport[1];
        List<Event> ssl = read(SharedData.require("logs/zeek-wrccdc-2018/ssl.log.gz"), report);
        assertThat(report[0].malformed()).isZero();
        assertThat(ssl).anySatisfy(e -> assertThat(has(e, "x509-certificate:hashes.SHA-256",
                "b2dafbcdbc75210672f137f27ce882ccb799887631655d4f11191d5a678e44fe")).isTrue());
        List<Event> x509 = read(SharedData.require("logs/zeek-wrccdc-2018/x509.log.gz"), report);
        assertThat(x509).isNotEmpty().allSatisfy(e -> assertThat(has(e, "x509-certificate:hashes.SHA-256", null)).isTrue());
        List<Event> smtp = read(SharedData.require("logs/zeek-wrccdc-2018/smtp.log.gz"), report);
        assertThat(smtp).anySatisfy(e -> assertThat(has(e, "email-addr:value", null)).isTrue());
    }

    @Test
    void everyZeekLogStatesTrafficWithTheProtocolsStixRequiresEvenWithoutAProtoColumn() {
        java.util.Map<String, List<String>> expected = java.util.Map.of("ssl.log.gz", List.of("tcp", "tls"),
                "smtp.log.gz", List.of("tcp", "smtp"), "notice.log.gz", List.of(), "dns.log.gz", List.of());
        var validator = new org.sightline.stix.validation.StixValidator(new org.sightline.pattern.validate.PatternValidator());
        for (var log : expected.entrySet()) {
            ReadReport[] report = new ReadReport[1];
            List<Event> events = read(SharedData.require("logs/zeek-wrccdc-2018/" + log.getKey()), report);
            List<com.fasterxml.jackson.databind.node.ObjectNode> traffic = events.stream().limit(2_000)
                    .flatMap(e -> e.objects().values().stream()).filter(o -> o.path("type").asText().equals("network-traffic")).toList();
            assertThat(traffic).as(log.getKey()).isNotEmpty().allSatisfy(object -> {
                assertThat(object.path("protocols").size()).as(log.getKey() + " " + object).isPositive();
                if (!log.getValue().isEmpty()) {
                    assertThat(texts(object.path("protocols"))).isEqualTo(log.getValue());
                }
                com.fasterxml.jackson.databind.node.ObjectNode stix = object.deepCopy();
                stix.put("spec_version", "2.1").put("id", "network-traffic--8f6bfa51-2b4c-5c7e-9a36-1c1e4e2a4e0b");
                for (String end : List.of("src_ref", "dst_ref")) { // keys into the event's objects, ids once written
                    if (stix.has(end)) {
                        stix.put(end, "ipv4-addr--8f6bfa51-2b4c-5c7e-9a36-1c1e4e2a4e" + (end.startsWith("src") ? "0a" : "0d"));
                    }
                }
                assertThat(validator.validate(stix)).filteredOn(org.sightline.stix.validation.ValidationIssue::isError)
                        .as(log.getKey() + " " + object).isEmpty();
            });
        }
    }

    @Test
    void zeekConnAndHttpFieldLayoutsAreRead() throws IOException {
        // The btest baselines mask their timestamps; give them one and keep every other field as Zeek wrote it.
        for (String name : List.of("conn.log", "http.log", "dns.log")) {
            Path copy = temp.resolve(name);
            Files.writeString(copy, Files.readString(SharedData.require("logs/zeek-btest-wikipedia/" + name))
                    .replace("XXXXXXXXXX.XXXXXX", "1300475167.096535"));
            ReadReport[] report = new ReadReport[1];
            List<Event> events = read(copy, report);
            assertThat(report[0].malformed()).as(name).isZero();
            assertThat(events).as(name).isNotEmpty();
            if (name.equals("conn.log")) {
                assertThat(events).anySatisfy(e -> assertThat(has(e, "network-traffic:dst_ref.value", "224.0.0.251")).isTrue());
                assertThat(events).anySatisfy(e -> assertThat(has(e, "network-traffic:dst_port", "#5353")).isTrue());
            }
            if (name.equals("http.log")) {
                assertThat(events).anySatisfy(e -> assertThat(has(e, "url:value", null)).isTrue());
            }
        }
    }

    @Test
    void zeekIntelLogGivesWhatTheIntelFrameworkSawAsTheObservableItIs() throws IOException {
        // intel.log as Zeek's JSON writer gives it: Intel::Info with seen.indicator and seen.indicator_type (Intel::Type)
        Path log = temp.resolve("intel.json");
        Files.writeString(log, String.join("\n",
                "{\"_path\":\"intel\",\"ts\":1764752400.1,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":50000,\"id.resp_h\":\"203.0.113.7\","
                        + "\"id.resp_p\":443,\"seen.indicator\":\"203.0.113.7\",\"seen.indicator_type\":\"Intel::ADDR\",\"seen.where\":\"Conn::IN_RESP\","
                        + "\"seen.node\":\"zeek\",\"matched\":[\"Intel::ADDR\"],\"sources\":[\"sightline\"]}",
                "{\"_path\":\"intel\",\"ts\":1764752401.1,\"uid\":\"C2\",\"seen.indicator\":\"login.example/secure\","
                        + "\"seen.indicator_type\":\"Intel::URL\",\"seen.where\":\"HTTP::IN_URL\",\"matched\":[\"Intel::URL\"],\"sources\":[\"sightline\"]}",
                "{\"_path\":\"intel\",\"ts\":1764752402.1,\"fuid\":\"F1\",\"seen.indicator\":\"AA11BB22CC33DD44EE55FF6600112233445566778899AABBCCDDEEFF00112233\","
                        + "\"seen.indicator_type\":\"Intel::FILE_HASH\",\"seen.where\":\"Files::IN_HASH\",\"matched\":[\"Intel::FILE_HASH\"],\"sources\":[\"sightline\"]}",
                ""));
        ReadReport[] report = new ReadReport[1];
        List<Event> events = read(log, report);
        assertThat(report[0].malformed()).isZero();
        assertThat(events).hasSize(3);
        assertThat(has(events.get(0), "ipv4-addr:value", "203.0.113.7")).isTrue();
        assertThat(has(events.get(1), "url:value", "http://login.example/secure")).isTrue(); // Zeek writes URLs without the scheme
        assertThat(has(events.get(2), "file:hashes.SHA-256", "aa11bb22cc33dd44ee55ff6600112233445566778899aabbccddeeff00112233")).isTrue();
    }

    @Test
    void aSuricataAlertFromAnExportedRuleGivesTheValueItFiredOn() throws IOException {
        // EVE alert records as Suricata 7 writes them for a dns.query rule: the request under dns.query[], the rule's metadata
        Path log = temp.resolve("eve.json");
        Files.writeString(log, "{\"timestamp\":\"2026-12-03T09:00:00.000000+0000\",\"flow_id\":1,\"event_type\":\"alert\",\"src_ip\":\"10.0.0.5\","
                + "\"src_port\":53211,\"dest_ip\":\"10.0.0.1\",\"dest_port\":53,\"proto\":\"UDP\",\"alert\":{\"action\":\"allowed\",\"gid\":1,"
                + "\"signature_id\":9716666,\"rev\":1,\"signature\":\"Sightline Xagent Samples: meteost.com\",\"severity\":3,"
                + "\"metadata\":{\"sightline_id\":[\"indicator--5a3c3045-61dc-495c-ae8a-471e02de0b81\"]}},"
                + "\"dns\":{\"query\":[{\"type\":\"query\",\"id\":4711,\"rrname\":\"meteost.com\",\"rrtype\":\"A\",\"tx_id\":0}]}}\n"
                + "{\"timestamp\":\"2026-12-03T09:00:01.000000+0000\",\"event_type\":\"alert\",\"src_ip\":\"10.0.0.5\",\"dest_ip\":\"10.0.0.1\","
                + "\"alert\":{\"signature_id\":9000001},\"dns\":{\"version\":3,\"queries\":[{\"rrname\":\"fastdataexchange.org\",\"rrtype\":\"A\"}]}}\n");
        ReadReport[] report = new ReadReport[1];
        List<Event> events = read(log, report);
        assertThat(events).hasSize(2);
        assertThat(has(events.get(0), "domain-name:value", "meteost.com")).isTrue();
        assertThat(has(events.get(1), "domain-name:value", "fastdataexchange.org")).isTrue();
    }

    @Test
    void stixObservedDataIsReadAsEvents() throws IOException {
        Path bundle = temp.resolve("observed.json");
        Files.writeString(bundle, "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":["
                + "{\"type\":\"observed-data\",\"spec_version\":\"2.1\",\"id\":\"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf\","
                + "\"first_observed\":\"2018-08-31T10:00:00Z\",\"last_observed\":\"2018-08-31T10:00:00Z\",\"number_observed\":3,"
                + "\"object_refs\":[\"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd\",\"file--1a2b3c4d-5e6f-4789-8abc-def012345678\"]},"
                + "{\"type\":\"ipv4-addr\",\"id\":\"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd\",\"value\":\"198.51.100.7\"},"
                + "{\"type\":\"file\",\"id\":\"file--1a2b3c4d-5e6f-4789-8abc-def012345678\",\"hashes\":{\"SHA-256\":\"AB12\"}}]}");
        ReadReport[] report = new ReadReport[1];
        List<Event> events = read(bundle, report);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(has(e, "ipv4-addr:value", "198.51.100.7")).isTrue();
            assertThat(has(e, "file:hashes.SHA-256", "ab12")).isTrue();
            assertThat(e.time()).isEqualTo(java.time.Instant.parse("2018-08-31T10:00:00Z"));
        });
    }

    @Test
    void aMalformedLineIsCountedWithItsFileAndLineAndTheRunGoesOn() throws IOException {
        Path log = temp.resolve("eve.json");
        Files.writeString(log, String.join("\n",
                "{\"timestamp\":\"2017-01-30T16:12:26.985026+0100\",\"event_type\":\"dns\",\"src_ip\":\"10.0.0.1\",\"dest_ip\":\"10.0.0.2\",\"dns\":{\"rrname\":\"a.example\"}}",
                "{\"timestamp\":\"2017-01-30T16:12:27.0+0100\",\"event_type\":\"dns\",\"src_ip\":",
                "{\"timestamp\":\"not a time\",\"event_type\":\"dns\",\"src_ip\":\"10.0.0.3\"}",
                "{\"timestamp\":\"2017-01-30T16:12:28.985026+0100\",\"event_type\":\"dns\",\"src_ip\":\"10.0.0.1\",\"dns\":{\"rrname\":\"b.example\"}}"));
        ReadReport[] report = new ReadReport[1];
        List<Event> events = read(log, report);
        assertThat(events).hasSize(2);
        assertThat(report[0].malformed()).isEqualTo(2);
        assertThat(report[0].problems()).hasSize(2);
        assertThat(report[0].problems().get(0)).startsWith(log + ":2:");
        assertThat(report[0].problems().get(1)).startsWith(log + ":3:");
    }

    @Test
    void aZeekLineWithAMaskedTimestampNamesTheFieldAndItsValue() throws IOException {
        // Zeek's own test baselines mask times as XXXXXXXXXX.XXXXXX; such a line cannot be dated.
        Path log = temp.resolve("dns.log");
        Files.writeString(log, String.join("\n",
                "#separator \\x09",
                "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tquery",
                "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring",
                "XXXXXXXXXX.XXXXXX\tC1\t10.0.0.1\t5353\t224.0.0.251\t5353\tudp\ta.example",
                "1300475167.096535\tC2\t10.0.0.1\t5353\t224.0.0.251\t5353\tudp\tb.example"));
        ReadReport[] report = new ReadReport[1];
        List<Event> events = read(log, report);
        assertThat(events).hasSize(1);
        assertThat(report[0].problems()).singleElement().asString()
                .startsWith(log + ":4:").contains("'ts' is 'XXXXXXXXXX.XXXXXX'");
    }

    @Test
    void jsonLinesAreReadThroughAMapping() throws IOException {
        Path log = temp.resolve("proxy.jsonl");
        Files.writeString(log, "{\"ts\":\"2024-05-01T10:00:00Z\",\"client\":\"10.1.1.1\",\"req\":{\"url\":\"http://evil.example/x\"}}\n");
        JsonLinesMapping mapping = new JsonLinesMapping("ts", java.util.Map.of("ipv4-addr:value", List.of("client"),
                "url:value", List.of("req.url")));
        List<Event> events = new ArrayList<>();
        new LogReader(mapping).read(log, LogFormat.JSONL, events::add);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(has(e, "url:value", "http://evil.example/x")).isTrue();
            assertThat(has(e, "ipv4-addr:value", "10.1.1.1")).isTrue();
        });
    }

    @Test
    void aOneLineStixBundleOverTheDetectionWindowIsReadWhole() throws java.io.IOException {
        // 335 observations on one line, about 160 KB: marking the whole first line once failed with "Mark invalid"
        StringBuilder bundle = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--5d0e2f4a-0000-4000-8000-000000000000\",\"objects\":[");
        for (int i = 0; i < 335; i++) {
            String time = String.format("2024-01-01T00:%02d:%02d.000Z", i / 60, i % 60);
            bundle.append(i == 0 ? "" : ",").append("{\"type\":\"observed-data\",\"spec_version\":\"2.1\",\"id\":\"observed-data--")
                    .append(String.format("%08d", i)).append("-0000-4000-8000-000000000000\",\"created\":\"").append(time)
                    .append("\",\"modified\":\"").append(time).append("\",\"first_observed\":\"").append(time)
                    .append("\",\"last_observed\":\"").append(time).append("\",\"number_observed\":1,\"x_padding\":\"")
                    .append("p".repeat(300)).append("\",\"objects\":{\"0\":{\"type\":\"domain-name\",\"value\":\"host")
                    .append(i).append(".example\"}}}");
        }
        Path file = temp.resolve("one-line-bundle.json");
        java.nio.file.Files.writeString(file, bundle.append("]}").toString());
        assertThat(java.nio.file.Files.size(file)).isGreaterThan(LogReader.DETECTION_CHARS * 2L);
        ReadReport[] report = new ReadReport[1];
        List<Event> events = read(file, report);
        assertThat(report[0].malformed()).isZero();
        assertThat(events).hasSize(335);
        assertThat(events).anySatisfy(e -> assertThat(has(e, "domain-name:value", "host334.example")).isTrue());
    }

    /** An observed-data with its domain embedded (STIX 2.0's form, kept in 2.1 as deprecated). */
    private static String embedded(int i) {
        String time = String.format("2024-01-01T%02d:%02d:%02d.000Z", i / 3600 % 24, i / 60 % 60, i % 60);
        return "{\"objects\":{\"0\":{\"type\":\"domain-name\",\"value\":\"host" + i + ".example\"}},\"type\":\"observed-data\","
                + "\"spec_version\":\"2.1\",\"id\":\"observed-data--" + String.format("%08x", i) + "-0000-4000-8000-000000000000\","
                + "\"created\":\"" + time + "\",\"modified\":\"" + time + "\",\"first_observed\":\"" + time
                + "\",\"last_observed\":\"" + time + "\",\"number_observed\":1,\"x_note\":\"" + "n".repeat(300) + "\"}";
    }

    /** What CountEvents says of the file, read in a JVM of its own with a 48 MB heap. */
    private static String countedWithSmallHeap(Path file) throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), CountEvents.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String said = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(probe.waitFor()).as(said).isZero();
        return said;
    }

    @Test
    void aBundleOfSixtyMegabytesIsStreamedInAHeapSmallerThanItself() throws Exception {
        // 'objects' before 'type', as some producers write it; read in a JVM of its own with a 48 MB heap
        Path file = temp.resolve("big-bundle.json");
        int count = 120_000;
        try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(file)) {
            out.write("{\"objects\":[");
            for (int i = 0; i < count; i++) {
                out.write(i == 0 ? "" : ",\n");
                out.write(embedded(i));
            }
            out.write("],\"id\":\"bundle--5d0e2f4a-0000-4000-8000-000000000001\",\"type\":\"bundle\"}");
        }
        assertThat(java.nio.file.Files.size(file)).isGreaterThan(50L * 1024 * 1024);
        assertThat(countedWithSmallHeap(file)).contains("events=" + count + " malformed=0 observables=" + count);
    }

    /**
     * STIX 2.1's form: each observed-data refers to an observable of its own by id, the observable
     * before it for most, after it for every tenth, so both the observables and the waiting
     * observed-data outgrow memory and go to SpillMap's file; read with a 48 MB heap.
     */
    @Test
    void aTwoOneBundleOfSixtyMegabytesWithObjectRefsIsReadInAHeapSmallerThanItself() throws Exception {
        Path file = temp.resolve("big-refs-bundle.json");
        int count = 100_000;
        try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(file)) {
            out.write("{\"type\":\"bundle\",\"id\":\"bundle--5d0e2f4a-0000-4000-8000-000000000002\",\"objects\":[");
            for (int i = 0; i < count; i++) {
                String time = String.format("2024-01-01T%02d:%02d:%02d.000Z", i / 3600 % 24, i / 60 % 60, i % 60);
                String sco = "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--" + String.format("%08x", i)
                        + "-0000-4000-8000-000000000000\",\"value\":\"host" + i + ".example\",\"x_note\":\"" + "n".repeat(150) + "\"}";
                String data = "{\"type\":\"observed-data\",\"spec_version\":\"2.1\",\"id\":\"observed-data--" + String.format("%08x", i)
                        + "-0000-4000-8000-000000000000\",\"created\":\"" + time + "\",\"modified\":\"" + time + "\",\"first_observed\":\""
                        + time + "\",\"last_observed\":\"" + time + "\",\"number_observed\":1,\"object_refs\":[\"domain-name--"
                        + String.format("%08x", i) + "-0000-4000-8000-000000000000\"],\"x_note\":\"" + "n".repeat(150) + "\"}";
                out.write(i == 0 ? "" : ",\n");
                out.write(i % 10 == 0 ? data + "," + sco : sco + "," + data);
            }
            out.write("]}");
        }
        assertThat(java.nio.file.Files.size(file)).isGreaterThan(50L * 1024 * 1024);
        assertThat(countedWithSmallHeap(file)).contains("events=" + count + " malformed=0 observables=" + count);
    }

    @Test
    void aSpillMapGivesBackWhatItWasGivenInMemoryAndOnDisk() {
        try (SpillMap map = new SpillMap(3)) {
            for (int i = 0; i < 10; i++) {
                map.put("k" + i, (com.fasterxml.jackson.databind.node.ObjectNode) org.sightline.stix.json.StixJson.parseObject(
                        "{\"type\":\"domain-name\",\"value\":\"h" + i + ".example\"}", "test"));
                if (i == 2) {
                    assertThat(map.spilled()).isFalse();
                }
            }
            assertThat(map.spilled()).isTrue();
            assertThat(map.get("k7").path("value").asText()).isEqualTo("h7.example");
            assertThat(map.lookup().get("k0").path("value").asText()).isEqualTo("h0.example");
            assertThat(map.remove("k1").path("value").asText()).isEqualTo("h1.example");
            assertThat(map.containsKey("k1")).isFalse();
            assertThat(map.get("absent")).isNull();
        }
    }

    @Test
    void observablesReferredToBeforeOrAfterTheirObservedDataAreBothFound() throws java.io.IOException {
        String time = "2024-01-01T00:00:00.000Z";
        String early = "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--00000000-0000-4000-8000-0000000000a1\","
                + "\"value\":\"early.example\"}";
        String late = "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--00000000-0000-4000-8000-0000000000a2\","
                + "\"value\":\"late.example\"}";
        String data = "{\"type\":\"observed-data\",\"spec_version\":\"2.1\",\"id\":\"observed-data--00000000-0000-4000-8000-0000000000b%d\","
                + "\"created\":\"" + time + "\",\"modified\":\"" + time + "\",\"first_observed\":\"" + time + "\",\"last_observed\":\""
                + time + "\",\"number_observed\":1,\"object_refs\":[\"%s\"]}";
        Path file = temp.resolve("refs.json");
        java.nio.file.Files.writeString(file, "{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-0000000000c1\",\"objects\":["
                + early + "," + String.format(data, 1, "domain-name--00000000-0000-4000-8000-0000000000a1") + ","
                + String.format(data, 2, "domain-name--00000000-0000-4000-8000-0000000000a2") + "," + late + "]}");
        ReadReport[] report = new ReadReport[1];
        List<Event> events = read(file, report);
        assertThat(events).hasSize(2);
        assertThat(events).anySatisfy(e -> assertThat(has(e, "domain-name:value", "early.example")).isTrue());
        assertThat(events).anySatisfy(e -> assertThat(has(e, "domain-name:value", "late.example")).isTrue());
        assertThat(events.get(0).line()).isNotEqualTo(events.get(1).line());
    }
}
