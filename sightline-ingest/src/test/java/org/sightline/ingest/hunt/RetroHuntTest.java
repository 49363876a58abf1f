package org.sightline.ingest.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.InvalidInputException;
import org.sightline.events.logs.LogFormat;
import org.sightline.events.sightings.SightingRecorder;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.sightings.LogMatching;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** Logs kept from a match are hunted later with new indicators, from the real WRCCDC 2018 Zeek logs. */
class RetroHuntTest {
    private static final Instant FROM = Instant.parse("2018-01-01T00:00:00Z");
    private static final String ISE = "indicator--11111111-0000-4000-8000-000000000001";
    private static final String UBUNTU = "indicator--11111111-0000-4000-8000-000000000002";

    @TempDir
    Path temp;

    private List<KeptLog> keepSamples(LogArchive archive) throws IOException {
        Path dns = SharedData.require("logs/zeek-wrccdc-2018/dns.log.gz");
        Path conn = temp.resolve("conn.log"); // a plain file is kept compressed
        Files.copy(SharedData.require("logs/zeek-wrccdc-2018/conn.sample.log"), conn);
        LogMatching.Run read = LogMatching.run(IndicatorIndex.compile(List.of()), List.of(dns, conn), LogFormat.AUTO, null, new SightingRecorder(null));
        return read.files().stream().map(archive::keep).toList();
    }

    @Test
    void keptLogsAreCompressedCopiesWithTheSpanOfTheirEvents() throws IOException {
        LogArchive archive = new LogArchive(temp.resolve("logs"));
        List<KeptLog> kept = keepSamples(archive);
        assertThat(kept).hasSize(2);
        KeptLog dns = kept.get(0);
        assertThat(dns.file().getFileName().toString()).isEqualTo("dns.log.gz");
        assertThat(dns.events()).isEqualTo(53_615);
        assertThat(dns.first()).isEqualTo(Instant.parse("2018-03-24T17:15:20.865Z"));
        assertThat(dns.file().getParent().getParent().getFileName().toString()).isEqualTo("2018-03-24");
        KeptLog conn = kept.get(1);
        assertThat(conn.file().getFileName().toString()).isEqualTo("conn.log.gz");
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(conn.file()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(temp.resolve("conn.log")));
        }
        assertThat(archive.kept()).extracting(KeptLog::file).containsExactlyInAnyOrder(dns.file(), conn.file());
        assertThat(archive.kept()).allSatisfy(log -> assertThat(log.keptAt()).isNotNull());

        // Retention counts from when a log was kept, so logs replayed from a 2018 capture are not deleted at once
        assertThat(archive.prune(Duration.ofDays(90), Instant.now())).isZero();
        assertThat(archive.prune(Duration.ofDays(1), Instant.now().plus(Duration.ofDays(2)))).isEqualTo(2);
        assertThat(archive.kept()).isEmpty();
        assertThatThrownBy(() -> archive.prune(Duration.ZERO, Instant.now())).isInstanceOf(InvalidInputException.class);

        // files sent elsewhere (to the stream) are read for their span, then kept the same way
        List<KeptLog> sent = archive.keepAll(List.of(SharedData.require("logs/zeek-wrccdc-2018/dns.json.gz")), Duration.ofDays(90));
        assertThat(sent).singleElement().satisfies(log -> {
            assertThat(log.events()).isEqualTo(53_615);
            assertThat(log.first()).isEqualTo(dns.first());
        });
        assertThat(archive.kept()).hasSize(1);
    }

    @Test
    void aHuntFindsWhatTheLogsHeldWhenTheyWereSeenOnAnyNumberOfThreads() throws IOException {
        LogArchive archive = new LogArchive(temp.resolve("logs"));
        List<KeptLog> kept = keepSamples(archive);
        IndicatorIndex index = IndicatorIndex.compile(List.of(new Indicator(ISE, "[domain-name:value = 'ise.wrccdc.org']", FROM, null),
                new Indicator(UBUNTU, "[domain-name:value = 'videosearch.ubuntu.com']", FROM, null)));

        RetroHunt.Result one = RetroHunt.run(index, kept, null, 1, null);
        RetroHunt.Result two = RetroHunt.run(index, kept, null, 2, null);
        assertThat(one.events()).isEqualTo(53_615 + 92); // the conn sample holds 92 records after its header
        assertThat(one.sightingCount()).isEqualTo(2);
        assertThat(two.sightings().stream().map(RetroHuntTest::withoutTimes).toList())
                .isEqualTo(one.sightings().stream().map(RetroHuntTest::withoutTimes).toList());
        ObjectNode ubuntu = sightingOf(one, UBUNTU);
        assertThat(ubuntu.path("count").asLong()).isEqualTo(1_088);
        assertThat(ubuntu.path("first_seen").asText()).startsWith("2018-03-24T17:");
        assertThat(SightlineExtensions.of(ubuntu, SightlineExtensions.SIGHTING).path("found").asText()).isEqualTo("retro-hunt");
        // The same find names the same sighting, so hunting again versions it instead of counting the events twice
        assertThat(sightingOf(two, UBUNTU).path("id").asText()).isEqualTo(ubuntu.path("id").asText());

        // A hunt from a date reads no log whose last event is older, and matches no event before it
        RetroHunt.Result later = RetroHunt.run(index, kept, Instant.parse("2019-01-01T00:00:00Z"), 2, null);
        assertThat(later.files()).isZero();
        assertThat(later.filesSkipped()).isEqualTo(2);
        assertThat(later.sightingCount()).isZero();
        Instant middle = Instant.parse("2018-03-24T17:30:00Z");
        RetroHunt.Result part = RetroHunt.run(index, kept, middle, 2, null);
        assertThat(part.sightingCount()).isPositive();
        assertThat(part.sightings()).filteredOn(o -> o.path("type").asText().equals("sighting"))
                .allSatisfy(s -> assertThat(Instant.parse(s.path("first_seen").asText())).isAfterOrEqualTo(middle));
        assertThat(sightingOf(part, UBUNTU).path("count").asLong()).isLessThan(1_088);
    }

    @Test
    void newIndicatorsAreHuntedOnceAndTheirSightingsStoredWhateverWayTheyCameIn() throws IOException {
        try (TestStore test = Backend.H2.open()) {
            LogArchive archive = new LogArchive(temp.resolve("logs"));
            keepSamples(archive);
            IndicatorHunt hunt = new IndicatorHunt(test.knowledge().intake(), archive);
            assertThat(hunt.newIndicators(List.of(), null, 2, true).hunt().indicators()).isZero();

            importIndicator(test, UBUNTU, "videosearch.ubuntu.com");
            IndicatorHunt.Report first = hunt.newIndicators(List.of(), null, 2, true);
            assertThat(first.hunt().indicators()).isEqualTo(1);
            assertThat(first.hunt().sightingCount()).isEqualTo(1);
            assertThat(first.stored()).isPositive();
            assertThat(test.store().referencing(UBUNTU, "sighting_of_ref")).hasSize(1);
            assertThat(archive.huntedThrough()).isEqualTo(first.huntedThrough());

            // Nothing new since: nothing hunted. A dry run leaves the mark where it is.
            assertThat(hunt.newIndicators(List.of(), null, 2, true).hunt().indicators()).isZero();
            importIndicator(test, ISE, "ise.wrccdc.org");
            long mark = archive.huntedThrough();
            assertThat(hunt.newIndicators(List.of(), null, 2, false).hunt().sightingCount()).isEqualTo(1);
            assertThat(archive.huntedThrough()).isEqualTo(mark);
            assertThat(test.store().referencing(ISE, "sighting_of_ref")).isEmpty();
            assertThat(hunt.newIndicators(List.of(), null, 2, true).hunt().indicators()).isEqualTo(1);
            assertThat(test.store().referencing(ISE, "sighting_of_ref")).hasSize(1);
        }
    }

    @Test
    void theServersWatcherHuntsWhatAnImportBrought() throws Exception {
        try (TestStore test = Backend.H2.open()) {
            LogArchive archive = new LogArchive(temp.resolve("logs"));
            keepSamples(archive);
            archive.markHuntedThrough(test.store().lastSequence());
            IndicatorHunt hunt = new IndicatorHunt(test.knowledge().intake(), archive);
            try (HuntAfterImport watcher = HuntAfterImport.start(hunt, archive, test.store(), List.of(), Duration.ofMillis(50), 2)) {
                importIndicator(test, UBUNTU, "videosearch.ubuntu.com");
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (test.store().referencing(UBUNTU, "sighting_of_ref").isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertThat(test.store().referencing(UBUNTU, "sighting_of_ref")).hasSize(1);
        }
    }

    private static void importIndicator(TestStore test, String id, String domain) {
        String bundle = """
                {"type":"bundle","id":"bundle--11111111-0000-4000-8000-0000000000ff","objects":[{"type":"indicator","spec_version":"2.1",
                "id":"%s","created":"2026-12-01T00:00:00.000Z","modified":"2026-12-01T00:00:00.000Z","pattern_type":"stix",
                "pattern":"[domain-name:value = '%s']","valid_from":"2018-01-01T00:00:00Z"}]}""".formatted(id, domain);
        var report = new BundleImporter(test.knowledge().intake())
                .importStream(new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)), "indicator", ImportOptions.strict());
        assertThat(report.anyRejected()).isFalse();
    }

    private static ObjectNode sightingOf(RetroHunt.Result result, String indicator) {
        return result.sightings().stream().filter(o -> indicator.equals(o.path("sighting_of_ref").asText())).findFirst().orElseThrow();
    }

    /** A sighting without what differs from run to run (when it was written, the observed-data ids made for it). */
    private static String withoutTimes(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("created", "modified", "observed_data_refs", "extensions", "id"));
        return copy.path("type").asText().equals("sighting") ? copy.toString() : copy.path("type").asText();
    }
}
