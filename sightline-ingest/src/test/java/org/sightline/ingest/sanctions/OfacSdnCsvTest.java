package org.sightline.ingest.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** OFAC's SDN list in its CSV form, as STIX identities carrying what screening needs. */
class OfacSdnCsvTest {

    @Test
    void eachEntryBecomesAnIdentityWithItsAliasesBirthDatesCountriesAndProgrammes() {
        Path folder = SharedData.require("sanctions/ofac-sdn-csv-sample");
        List<ObjectNode> objects = OfacSdnCsv.read(folder).objects();
        int header = org.sightline.stix.extensions.SightlineExtensions.definitions().size(); // the list-entry extension's definition
        assertThat(objects.get(header).path("type").asText()).isEqualTo("marking-definition");
        assertThat(objects).hasSize(header + 1 + 17);
        ObjectNode logan = objects.stream().filter(o -> o.path("name").asText().equals("Elvis Angus LOGAN MOREY")).findFirst().orElseThrow();
        assertThat(logan.path("identity_class").asText()).isEqualTo("individual");
        var entry = logan.path("extensions").path(org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY);
        assertThat(entry.path("list").asText()).isEqualTo("OFAC SDN");
        assertThat(entry.path("entry").asText()).isEqualTo("10278");
        assertThat(entry.path("birth_dates").get(0).asText()).isEqualTo("28 Jul 1963");
        assertThat(entry.path("aliases").toString()).contains("LOGAN MOREY, Elvis Angus", "BURTON BURGESS");
        assertThat(entry.path("programs").toString()).contains("SDNT");
        assertThat(entry.path("identifiers").toString()).contains("Passport P0017003 (Belize)");
        ObjectNode iran = objects.stream().filter(o -> o.path("name").asText().startsWith("IRAN AIRCRAFT MANUFACTURING")).findFirst().orElseThrow();
        assertThat(iran.path("identity_class").asText()).isEqualTo("organization");
        assertThat(iran.path("extensions").path(org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY).path("programs").toString()).contains("NPWMD", "IFSR", "IRAN-CON-ARMS-EO");
        assertThat(iran.path("extensions").path(org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY).path("countries").toString()).contains("IR");
        assertThat(iran.path("extensions").path(org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY).path("aliases").toString()).contains("HESA TRADE CENTER", "HAVA PEYMA SAZI-E IRAN");
        assertThat(iran.path("object_marking_refs").get(0).asText()).isEqualTo(objects.get(header).path("id").asText());
    }

    @Test
    void remarksContinuedInSdnCommentsAreReadToTheEnd() {
        SanctionsList list = OfacSdnCsv.read(SharedData.require("sanctions/ofac-sdn-csv-sample"));
        Listing entry = list.listings().stream().filter(listing -> listing.entry().equals("33151")).findFirst().orElseThrow();
        assertThat(entry.remarks()).contains("0x2f389ce8bd8ff92de3402ffce4691d17fc4f6535"); // only in sdn_comments.csv
        assertThat(entry.identifiers()).contains("Digital Currency Address - ETH 0x2f389ce8bd8ff92de3402ffce4691d17fc4f6535");
    }

    @Test
    void importRecognisesTheFolderAndAgainChangesNothing() {
        Path folder = SharedData.require("sanctions/ofac-sdn-csv-sample");
        try (TestStore test = Backend.H2.open()) {
            BundleImporter importer = new BundleImporter(test.knowledge().intake());
            ImportReport first = importer.importPaths(List.of(folder), ImportOptions.strict(), ImportProgress.NONE);
            assertThat(first.anyRejected()).as(first.files().toString()).isFalse();
            assertThat(first.byType()).containsEntry("identity", 1 + 17L); // Sightline, which defines the extension, and the entries
            assertThat(importer.importPaths(List.of(folder), ImportOptions.strict(), ImportProgress.NONE).imported()).isZero();
        }
    }
}
