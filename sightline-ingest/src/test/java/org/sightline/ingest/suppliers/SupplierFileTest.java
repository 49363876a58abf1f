package org.sightline.ingest.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.vocabulary.Sectors;
import org.sightline.stix.vocabulary.SupplyVocabulary.AccessLevel;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

class SupplierFileTest {
    private static final String HEADER = "supplier,customer,service_type,access_level,criticality,sectors,countries\n";

    @Test
    void rowsAreReadWithSectorsAndCountriesNormalised() {
        List<SupplierRow> rows = SupplierFile.parse("s.csv", HEADER
                + "\"Harbor Managed IT, Ltd\",Northwind,managed-it-services,privileged-admin,high,Information technology;Telecomms,United Kingdom\n"
                + "Cloudline,\"Harbor Managed IT, Ltd\",cloud-hosting,privileged-admin,,Technology,us\n", false, null);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).supplier()).isEqualTo("Harbor Managed IT, Ltd");
        assertThat(rows.get(0).sectors()).containsExactly("technology", "telecommunications");
        assertThat(rows.get(0).countries()).containsExactly("GB");
        assertThat(rows.get(1).countries()).containsExactly("US");
        assertThat(rows.get(1).accessLevel()).isEqualTo(AccessLevel.PRIVILEGED_ADMIN);
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void everyBadRowIsNamedByLineAndNothingIsReturned() {
        assertThatThrownBy(() -> SupplierFile.parse("s.csv", HEADER
                + "Good,Northwind,managed-it-services,privileged-admin,high,Technology,GB\n"
                + "Bad,Northwind,managed-services,admin,urgent,Widgets,Atlantis\n"
                + ",Northwind,other,none,low,,\n", false, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nothing imported")
                .hasMessageContaining("s.csv:3: service_type 'managed-services'")
                .hasMessageContaining("s.csv:3: access_level 'admin'")
                .hasMessageContaining("s.csv:3: criticality 'urgent'")
                .hasMessageContaining("s.csv:3: sector 'Widgets'")
                .hasMessageContaining("s.csv:3: country 'Atlantis'")
                .hasMessageContaining("s.csv:4: 'supplier' is empty");
    }

    @Test
    void yamlListsTheSameFields() {
        List<SupplierRow> rows = SupplierFile.parse("s.yaml", """
                suppliers:
                  - supplier: Quillsoft
                    service_type: software-update-channel
                    access_level: code-or-update-delivery
                    sectors: [Software]
                    countries: [US]
                """, true, "Northwind");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.customer()).isEqualTo("Northwind");
            assertThat(row.sectors()).containsExactly("technology");
        });
    }

    @Test
    void theMispCategoriesThatMeanASectorMapToOne() {
        assertThat(Sectors.normalise("Telecoms")).contains("telecommunications");
        assertThat(Sectors.normalise("Telecomms")).contains("telecommunications");
        assertThat(Sectors.normalise("Telecommunications")).contains("telecommunications");
        assertThat(Sectors.normalise("High-Tech")).contains("technology");
        assertThat(Sectors.normalise("Private sector")).isEmpty();
        assertThat(Sectors.table().values()).allSatisfy(sector -> assertThat(Sectors.STIX).contains(sector));
    }

    @Test
    void importingTheSameSuppliersAgainChangesNothing() {
        try (TestStore test = Backend.H2.open()) {
            List<SupplierRow> rows = SupplierFile.parse("s.csv", HEADER
                    + "Harbor Managed IT,Northwind,managed-it-services,privileged-admin,high,Technology,GB\n", false, null);
            SupplierImport.Report first = new SupplierImport(test.knowledge().intake()).importRows(rows);
            assertThat(first.organisationsCreated()).isEqualTo(2);
            long sequence = test.store().lastSequence();
            new SupplierImport(test.knowledge().intake()).importRows(rows);
            assertThat(test.store().lastSequence()).isEqualTo(sequence);
        }
    }
}
