package org.sightline.ingest.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.pattern.atoms.AtomicParts;
import org.sightline.pattern.parse.PatternParser;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.clearance.ClearedStore;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/**
 * Indicators exported for sensors, each format checked against the grammar its documentation gives
 * (neither Zeek nor Suricata installs here, so the checks are strict instead).
 */
class SensorExportTest {
    private static final Instant NOW = Instant.parse("2026-12-03T00:00:00Z");
    private static TestStore test;

    @BeforeAll
    static void store() {
        test = Backend.H2.open();
        test.store().write(writer -> {
            writer.put(indicator("1", "Stone Panda C2 domains", "[domain-name:value = 'Evil.example' OR domain-name:value = 'bad.example']", Tlp.GREEN, null));
            writer.put(indicator("2", "C2 addresses", "[ipv4-addr:value IN ('203.0.113.7', '198.51.100.9')] OR [ipv4-addr:value ISSUBSET '192.0.2.0/24']", Tlp.GREEN, null));
            writer.put(indicator("3", "QuasarRAT sample", "[file:hashes.'SHA-256' = 'AA11BB22CC33DD44EE55FF6600112233445566778899AABBCCDDEEFF00112233']", Tlp.GREEN, null));
            writer.put(indicator("4", "Phishing page", "[url:value = 'http://login.example/secure;session?id=\"1\"']", Tlp.GREEN, null));
            writer.put(indicator("5", "Beacon then exfiltration", "[domain-name:value = 'a.example'] FOLLOWEDBY [ipv4-addr:value = '203.0.113.9']", Tlp.GREEN, null));
            writer.put(indicator("6", "Red-only address", "[ipv4-addr:value = '203.0.113.66']", Tlp.RED, null));
            writer.put(indicator("7", "Expired domain", "[domain-name:value = 'old.example']", Tlp.GREEN, "2020-01-01T00:00:00Z"));
            writer.put(indicator("8", "Mutex", "[mutex:name = 'Global\\\\stone']", Tlp.GREEN, null));
            return null;
        });
    }

    @AfterAll
    static void close() {
        test.close();
    }

    private static StixObject indicator(String n, String name, String pattern, Tlp tlp, String validUntil) {
        var object = StixJson.newObject();
        object.put("type", "indicator").put("spec_version", "2.1").put("id", "indicator--5e1c0a4d-0b6f-4a8e-9c1d-00000000000" + n)
                .put("created", "2024-01-01T00:00:00.000Z").put("modified", "2024-01-01T00:00:00.000Z").put("name", name)
                .put("pattern", pattern).put("pattern_type", "stix").put("valid_from", "2024-01-01T00:00:00Z");
        if (validUntil != null) {
            object.put("valid_until", validUntil);
        }
        object.putArray("object_marking_refs").add(tlp.markingId());
        return new StixObject(object);
    }

    private static SensorFiles export(SensorFormat format, Tlp clearance) {
        return format.render(SensorIndicators.of(ClearedStore.of(test.store(), clearance), NOW, null), "https://sightline.example");
    }

    @Test
    void aZeekIntelFileHasTheDocumentedHeaderTypesAndOneValuePerLine() {
        SensorFiles export = export(SensorFormat.ZEEK_INTEL, Tlp.GREEN);
        String file = export.files().get("sightline.intel");
        List<String> lines = file.lines().toList();
        // Zeek's Intelligence Framework: a #fields header, tab-separated fields, "-" for an empty one, Intel::Type names
        assertThat(lines.get(0)).isEqualTo("#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc\tmeta.url");
        Pattern line = Pattern.compile("[^\\t\\n]+\\tIntel::(ADDR|SUBNET|DOMAIN|URL|EMAIL|FILE_HASH|FILE_NAME|CERT_HASH|USER_NAME|SOFTWARE)"
                + "\\tsightline\\t[^\\t\\n]+\\thttps://sightline\\.example/ui/#/indicator/indicator--[0-9a-f-]{36}");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).matches(line));
        assertThat(lines).contains("evil.example\tIntel::DOMAIN\tsightline\tStone Panda C2 domains\thttps://sightline.example/ui/#/indicator/indicator--5e1c0a4d-0b6f-4a8e-9c1d-000000000001",
                "192.0.2.0/24\tIntel::SUBNET\tsightline\tC2 addresses\thttps://sightline.example/ui/#/indicator/indicator--5e1c0a4d-0b6f-4a8e-9c1d-000000000002")
                .anyMatch(l -> l.startsWith("aa11bb22cc33dd44ee55ff6600112233445566778899aabbccddeeff00112233\tIntel::FILE_HASH"))
                .anyMatch(l -> l.startsWith("login.example/secure;session?id=\"1\"\tIntel::URL")); // Zeek sees URLs without their scheme
        assertThat(lines).hasSize(1 + 2 + 3 + 1 + 1);
        assertThat(file).doesNotContain("203.0.113.66", "old.example"); // above the clearance; expired
        assertThat(export.left()).extracting(SensorIndicators.Left::indicatorId)
                .containsExactly("indicator--5e1c0a4d-0b6f-4a8e-9c1d-000000000005", "indicator--5e1c0a4d-0b6f-4a8e-9c1d-000000000008");
        assertThat(export.left().get(0).why()).contains("FOLLOWEDBY");
        assertThat(export.left().get(1).why()).contains("no indicator type for mutex:name");
        assertThat(export.indicators()).isEqualTo(4);
        assertThat(export(SensorFormat.ZEEK_INTEL, Tlp.RED).files().get("sightline.intel")).contains("203.0.113.66\tIntel::ADDR");
    }

    @Test
    void suricataDatasetsHoldBase64DomainsAddressesAndHashesWithTheRulesThatLoadThem() {
        SensorFiles export = export(SensorFormat.SURICATA_DATASET, Tlp.GREEN);
        assertThat(export.files().keySet()).containsExactly("sightline-datasets.rules", "sightline-domains.lst", "sightline-ips.lst", "sightline-sha256.lst");
        assertThat(export.files().get("sightline-domains.lst").lines().map(l -> new String(Base64.getDecoder().decode(l), StandardCharsets.UTF_8)))
                .containsExactly("bad.example", "evil.example");
        assertThat(export.files().get("sightline-ips.lst").lines()).containsExactly("198.51.100.9", "203.0.113.7");
        assertThat(export.files().get("sightline-sha256.lst")).isEqualTo("aa11bb22cc33dd44ee55ff6600112233445566778899aabbccddeeff00112233\n");
        // Suricata's dataset keyword: dataset:<cmd>,<name>,type <type>,load <file>
        Pattern rule = Pattern.compile("alert (dns|tls|http|ip) any any -> any any \\(msg:\"[^\";]+\"; (dns\\.query|tls\\.sni|http\\.host|ip\\.src|ip\\.dst); "
                + "dataset:isset,sightline-(domains|ips),type (string|ip),load sightline-(domains|ips)\\.lst; metadata:sightline_export [a-z-]+; sid:9\\d{6}; rev:1;\\)"
                + "|alert http any any -> any any \\(msg:\"[^\";]+\"; filesha256:sightline-sha256\\.lst; metadata:sightline_export [a-z0-9-]+; sid:9\\d{6}; rev:1;\\)");
        List<String> rules = export.files().get("sightline-datasets.rules").lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(rules).hasSize(6).allSatisfy(r -> assertThat(r).matches(rule));
        assertThat(export.left()).extracting(SensorIndicators.Left::pattern).contains("[ipv4-addr:value ISSUBSET '192.0.2.0/24']",
                "[url:value = 'http://login.example/secure;session?id=\"1\"']");
    }

    @Test
    void oneSuricataRulePerValueNamesItsIndicatorAndKeepsItsNumber() {
        SensorFiles export = export(SensorFormat.SURICATA_RULES, Tlp.GREEN);
        List<String> rules = export.files().get("sightline.rules").lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(rules).hasSize(6);
        assertThat(rules).contains("alert dns any any -> any any (msg:\"Sightline Stone Panda C2 domains: Evil.example\"; dns.query; content:\"evil.example\"; "
                + "nocase; startswith; endswith; metadata:sightline_id indicator--5e1c0a4d-0b6f-4a8e-9c1d-000000000001; sid:"
                + rules.stream().filter(r -> r.contains("evil.example")).findFirst().orElseThrow().replaceAll(".*sid:(\\d+);.*", "$1") + "; rev:1;)");
        assertThat(rules).anyMatch(r -> r.startsWith("alert ip any any <> [192.0.2.0/24] any (msg:"));
        // reserved characters of a content string go as hex bytes: ; is |3B|, " is |22|
        assertThat(rules).anyMatch(r -> r.contains("http.host; content:\"login.example\"; nocase; startswith; endswith; http.uri; "
                + "content:\"/secure|3B|session?id=|22|1|22|\"; startswith; endswith;"));
        assertThat(rules.stream().map(r -> r.replaceAll(".*sid:(\\d+);.*", "$1")).distinct()).hasSize(6);
        assertThat(export(SensorFormat.SURICATA_RULES, Tlp.GREEN).files()).isEqualTo(export.files()); // numbers stay
        assertThat(export.left()).anyMatch(l -> l.why().contains("the suricata-dataset format takes file hashes"));
    }

    @Test
    void simpleStixSplitsAlternativesIntoSingleComparisonIndicatorsDerivedFromTheOriginal() throws Exception {
        SensorFiles export = export(SensorFormat.SIMPLE_STIX, Tlp.GREEN);
        var bundle = StixJson.mapper().readTree(export.files().get("sightline-simple.json"));
        List<com.fasterxml.jackson.databind.JsonNode> indicators = new java.util.ArrayList<>();
        bundle.path("objects").forEach(o -> {
            if (o.path("type").asText().equals("indicator")) {
                indicators.add(o);
            }
        });
        assertThat(indicators).hasSize(2 + 3 + 1 + 1 + 1); // the single ones (the mutex) go as they are; FOLLOWEDBY is left out
        for (var indicator : indicators) {
            var parts = AtomicParts.of(PatternParser.parse(indicator.path("pattern").asText()));
            assertThat(parts.atoms()).as(indicator.path("pattern").asText()).hasSize(1);
            assertThat(indicator.path("object_marking_refs").get(0).asText()).isEqualTo(Tlp.GREEN.markingId());
        }
        assertThat(bundle.toString()).contains("\"relationship_type\":\"derived-from\"", "[domain-name:value = 'bad.example']");
        assertThat(export.files().get("sightline-simple.json")).isEqualTo(export(SensorFormat.SIMPLE_STIX, Tlp.GREEN).files().get("sightline-simple.json"));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("simple-stix", ".json");
        try (TestStore other = Backend.H2.open()) { // valid STIX 2.1: a strict import takes every object
            java.nio.file.Files.writeString(file, export.files().get("sightline-simple.json"));
            var report = new org.sightline.ingest.bundle.BundleImporter(other.knowledge().intake()).importPaths(List.of(file),
                    org.sightline.ingest.bundle.ImportOptions.strict(), org.sightline.ingest.bundle.ImportProgress.NONE);
            assertThat(report.anyRejected()).isFalse();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
