package org.sightline.ingest.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** OpenSanctions' FollowTheMoney entities (JSON lines) as a list. */
class FollowTheMoneyTest {
    private static Path fixture(String name) throws Exception {
        return Path.of(FollowTheMoneyTest.class.getResource(name).toURI());
    }

    @Test
    void peopleAndCompaniesBecomeEntriesWithTheProgrammesAndPassportsOfTheEntitiesNamingThem() throws Exception {
        Path file = fixture("opensanctions-sample.ftm.json");
        assertThat(new org.sightline.ingest.formats.InputFormats(org.sightline.ingest.bundle.ImportProgress.NONE).of(file).name())
                .isEqualTo("FollowTheMoney entities");
        SanctionsList list = FollowTheMoney.read(file);
        assertThat(list.name()).isEqualTo("test_sanctions");
        assertThat(list.date()).isEqualTo("2024-03-04T00:00:00.000Z");
        assertThat(list.listings()).extracting(Listing::name)
                .containsExactly("Gao Qiang", "Tianjin Huaying Haitai Science and Technology Development Co. Ltd."); // not the owner
        JsonNode gao = list.toStix(list.listings().get(0)).path("extensions").path(org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY);
        assertThat(gao.path("kind").asText()).isEqualTo("individual");
        assertThat(gao.path("aliases").toString()).contains("高强", "fisherxp");
        assertThat(gao.path("programs").toString()).contains("TEST-CYBER");
        assertThat(gao.path("identifiers").toString()).contains("Passport E12345678 (CN)");
        assertThat(gao.path("birth_dates").get(0).asText()).isEqualTo("1983");
        JsonNode huaying = list.toStix(list.listings().get(1)).path("extensions").path(org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY);
        assertThat(huaying.path("kind").asText()).isEqualTo("organization");
        assertThat(huaying.path("entry_type").asText()).isEqualTo("Company");
        assertThat(huaying.path("countries").toString()).contains("CN");
        assertThat(huaying.path("identifiers").toString()).contains("Registration Number 91120116MA05XXXXXX");
    }

    @Test
    void importRecognisesTheFileAndABrokenLineIsNamed() throws Exception {
        try (TestStore test = Backend.H2.open()) {
            BundleImporter importer = new BundleImporter(test.knowledge().intake());
            ImportReport report = importer.importPaths(List.of(fixture("opensanctions-sample.ftm.json")), ImportOptions.strict(), ImportProgress.NONE);
            assertThat(report.anyRejected()).as(report.files().toString()).isFalse();
            assertThat(report.byType()).containsEntry("identity", 1 + 2L); // Sightline, which defines the extension, and the entries

            ImportReport broken = importer.importPaths(List.of(fixture("broken.ftm.json")), ImportOptions.strict(), ImportProgress.NONE);
            assertThat(broken.anyRejected()).isTrue();
            assertThat(broken.files().get(0).message()).contains("broken.ftm.json:2: not a JSON object");
            assertThat(test.store().countsByType().get("identity")).isEqualTo(1 + 2L);
        }
        assertThatThrownBy(() -> FollowTheMoney.read(new java.io.ByteArrayInputStream(
                "{\"id\":\"a\",\"schema\":\"Address\",\"properties\":{}}\n".getBytes()), "only-addresses.json", java.time.Instant.EPOCH))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no person, organisation");
    }
}
