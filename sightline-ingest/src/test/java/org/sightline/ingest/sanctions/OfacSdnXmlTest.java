package org.sightline.ingest.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.stix.StixObject;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** OFAC's SDN list in its XML form, and how a newer publication of a list updates the store. */
class OfacSdnXmlTest {
    private static Path fixture(String name) throws Exception {
        return Path.of(OfacSdnXmlTest.class.getResource(name).toURI());
    }

    @Test
    void theXmlFormGivesTheEntriesTheCsvFormGivesWithTheListsOwnDate() throws Exception {
        SanctionsList list = OfacSdnXml.read(fixture("sdn-2019-01-15.xml"));
        assertThat(list.date()).isEqualTo("2019-01-15T00:00:00.000Z");
        assertThat(list.listings()).hasSize(3);
        ObjectNode logan = list.toStix(list.listings().get(0));
        assertThat(logan.path("name").asText()).isEqualTo("Elvis Angus LOGAN MOREY");
        JsonNode entry = logan.path("extensions").path(org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY);
        assertThat(entry.path("identifiers").toString()).contains("Passport P0017003 (Belize)").doesNotContain("Gender");
        assertThat(entry.path("countries").toString()).contains("BZ");
        assertThat(entry.path("birth_dates").get(0).asText()).isEqualTo("28 Jul 1963");

        // The CSV form of the same entry: the same identity, the same names.
        SanctionsList csv = OfacSdnCsv.read(SharedData.require("sanctions/ofac-sdn-csv-sample"));
        Listing fromCsv = csv.listings().stream().filter(listing -> listing.entry().equals("10278")).findFirst().orElseThrow();
        assertThat(csv.idOf(fromCsv)).isEqualTo(logan.path("id").asText());
        ObjectNode csvLogan = csv.toStix(fromCsv);
        assertThat(csvLogan.path("name")).isEqualTo(logan.path("name"));
        assertThat(csvLogan.path("extensions").path(org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY).path("aliases")).isEqualTo(entry.path("aliases"));
    }

    @Test
    void aNewerPublicationVersionsChangedEntriesRecordsRemovalsAndLeavesTheRestAlone() throws Exception {
        try (TestStore test = Backend.H2.open()) {
            BundleImporter importer = new BundleImporter(test.knowledge().intake());
            ImportReport first = importer.importPaths(List.of(fixture("sdn-2019-01-15.xml")), ImportOptions.strict(), ImportProgress.NONE);
            assertThat(first.anyRejected()).as(first.files().toString()).isFalse();
            assertThat(first.byType()).containsEntry("identity", 1 + 3L); // Sightline, which defines the extension, and the entries
            String iran = OfacSdnCsv.read(SharedData.require("sanctions/ofac-sdn-csv-sample")).idOf(new Listing("11195", "x", null, false,
                    null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null));
            String zhang = new SanctionsList("OFAC SDN", "ofac-sdn", "2019-01-15T00:00:00.000Z", "", List.of()).idOf(new Listing("25001", "x",
                    null, true, null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null));

            ImportReport newer = importer.importPaths(List.of(fixture("sdn-2019-02-01.xml")), ImportOptions.strict(), ImportProgress.NONE);
            assertThat(newer.files().get(0).message())
                    .isEqualTo("OFAC SDN list of 2019-02-01: 2 entries (0 new, 1 changed, 1 unchanged, 1 no longer listed)");
            StixObject changed = test.store().current(iran).orElseThrow();
            assertThat(changed.text("modified")).isEqualTo("2019-02-01T00:00:00.000Z");
            assertThat(changed.text("created")).isEqualTo("2019-01-15T00:00:00.000Z");
            assertThat(changed.json().path("extensions").path(org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY).path("aliases").toString()).contains("IAMI");
            assertThat(test.store().versions(iran)).hasSize(2);
            StixObject removed = test.store().current(zhang).orElseThrow();
            assertThat(removed.json().path("extensions").path(org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY).path("removed_on").asText()).isEqualTo("2019-02-01");

            // Importing it again changes nothing; the older publication is refused and changes nothing either.
            assertThat(importer.importPaths(List.of(fixture("sdn-2019-02-01.xml")), ImportOptions.strict(), ImportProgress.NONE).imported()).isZero();
            long before = test.store().lastSequence();
            ImportReport older = importer.importPaths(List.of(fixture("sdn-2019-01-15.xml")), ImportOptions.strict(), ImportProgress.NONE);
            assertThat(older.anyRejected()).isTrue();
            assertThat(older.files().get(0).message()).contains("holds the OFAC SDN list of 2019-02-01", "of 2019-01-15, older");
            assertThat(test.store().lastSequence()).isEqualTo(before);
        }
    }

    @Test
    void brokenXmlIsRefusedWithItsLineAndNothingIsImported(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("sdn.xml");
        Files.writeString(broken, Files.readString(fixture("sdn-2019-01-15.xml")).replace("</sdnEntry>\n  <sdnEntry>\n    <uid>11195", "<sdnEntry>\n    <uid>11195"));
        try (TestStore test = Backend.H2.open()) {
            ImportReport report = new BundleImporter(test.knowledge().intake())
                    .importPaths(List.of(broken), ImportOptions.strict(), ImportProgress.NONE);
            assertThat(report.anyRejected()).isTrue();
            assertThat(report.files().get(0).message()).contains(broken.toString(), "not well-formed XML at line", "nothing from this list was imported");
            assertThat(test.store().countsByType()).doesNotContainKey("identity");
        }
    }
}
