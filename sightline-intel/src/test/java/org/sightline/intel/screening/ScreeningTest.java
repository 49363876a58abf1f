package org.sightline.intel.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** Screening against the full OFAC SDN list of January 2019 (7,379 rows in sdn.csv). */
class ScreeningTest {

    @Test
    void aTransliteratedNameFindsItsEntryAndBirthYearAndCountrySharpenTheScore() {
        try (TestStore test = Backend.H2.open()) {
            new BundleImporter(test.store(), test.knowledge().index()).importPaths(
                    List.of(SharedData.require("sanctions/ofac-sdn-csv-full-older")), ImportOptions.strict(), ImportProgress.NONE);
            Screening screening = new Screening(test.store());
            assertThat(screening.entries()).isEqualTo(7379); // every row of this sdn.csv

            List<Screening.Match> matches = screening.screen(new Screening.Query("Zhang Ke-ping", "individual", null, null), 0.9);
            assertThat(matches).isNotEmpty();
            assertThat(matches.get(0).name()).isEqualTo("Keping ZHANG");
            assertThat(matches.get(0).reasons().get(0)).contains("split or hyphenated differently");

            double plain = matches.get(0).score();
            var agreeing = screening.screen(new Screening.Query("Zhang Ke-ping", "individual", "CN", "1955"), 0.5).get(0);
            assertThat(agreeing.score()).isGreaterThanOrEqualTo(plain);
            assertThat(agreeing.reasons()).anyMatch(reason -> reason.contains("birth year 1955 agrees"));
            var disagreeing = screening.screen(new Screening.Query("Zhang Ke-ping", "individual", null, "1990"), 0.5).get(0);
            assertThat(disagreeing.score()).isLessThan(plain);
            assertThat(disagreeing.reasons()).anyMatch(reason -> reason.contains("birth year 1990 differs"));

            assertThat(screening.screen(new Screening.Query("Zhang Ke-ping", "organization", null, null), 0.9)).isEmpty();
        }
    }
}
