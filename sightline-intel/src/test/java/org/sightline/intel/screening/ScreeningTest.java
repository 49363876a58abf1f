package org.sightline.intel.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.intel.screening.evaluation.Evaluation;
import org.sightline.intel.screening.evaluation.LabelledQuery;
import org.sightline.intel.screening.evaluation.LabelledSet;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** Screening against the full OFAC SDN list of January 2019 (7,379 rows in sdn.csv). */
class ScreeningTest {
    private static TestStore test;
    private static Screening screening;

    @BeforeAll
    static void importTheList() {
        test = Backend.H2.open();
        new BundleImporter(test.knowledge().intake()).importPaths(
                List.of(SharedData.require("sanctions/ofac-sdn-csv-full-older")), ImportOptions.strict(), ImportProgress.NONE);
        screening = Screening.of(test.store());
    }

    @AfterAll
    static void close() {
        if (test != null) {
            test.close();
        }
    }

    @Test
    void aTransliteratedNameFindsItsEntryAndBirthYearAndCountrySharpenTheScore() {
        assertThat(screening.entries()).isEqualTo(7379); // every row of this sdn.csv

        List<Screening.Match> matches = screening.screen(new Screening.Query("Zhang Ke-ping", "individual", null, null, null), 0.9);
        assertThat(matches).isNotEmpty();
        assertThat(matches.get(0).name()).isEqualTo("Keping ZHANG");
        assertThat(matches.get(0).reasons().get(0)).contains("split or hyphenated differently");

        double plain = matches.get(0).score();
        var agreeing = screening.screen(new Screening.Query("Zhang Ke-ping", "individual", "CN", "1955", null), 0.5).get(0);
        assertThat(agreeing.score()).isGreaterThanOrEqualTo(plain);
        assertThat(agreeing.reasons()).anyMatch(reason -> reason.contains("birth year 1955 agrees"));
        var disagreeing = screening.screen(new Screening.Query("Zhang Ke-ping", "individual", null, "1990", null), 0.5).get(0);
        assertThat(disagreeing.score()).isLessThan(plain);
        assertThat(disagreeing.reasons()).anyMatch(reason -> reason.contains("birth year 1990 differs"));

        assertThat(screening.screen(new Screening.Query("Zhang Ke-ping", "organization", null, null, null), 0.9)).isEmpty();
    }

    @Test
    void wordsCommonInTheListWeighLessThanRareOnes() {
        List<ScreeningName> names = new java.util.ArrayList<>();
        ListEntry.allIn(test.store()).forEach(entry -> entry.names().forEach(name -> names.add(ScreeningName.of(name))));
        WordRarity rarity = WordRarity.of(names);
        assertThat(rarity.weight("al")).isEqualTo(WordRarity.FLOOR);
        assertThat(rarity.weight("muhammad")).isLessThan(rarity.weight("slutsky"));
        assertThat(rarity.weight("trading")).isLessThan(rarity.weight("zawahiri"));
        assertThat(rarity.weight("a-word-no-list-holds")).isEqualTo(1.0);
        assertThat(WordRarity.none().weight("al")).isEqualTo(1.0);
    }

    @Test
    void aPassportNumberOnTheEntryLiftsAWeakNameMatchAndAnotherLowersIt() {
        // "Hassan Nasrallah" against "Hasan NASRALLAH": another spelling of the given name.
        Screening.Query name = new Screening.Query("Hassan Nasrallah", "individual", null, null, null);
        double plain = screening.screen(name, 0.5).get(0).score();
        var agreeing = screening.screen(new Screening.Query("Hassan Nasrallah", "individual", null, null, "042833"), 0.5).get(0);
        assertThat(agreeing.name()).isEqualTo("Hasan NASRALLAH");
        assertThat(agreeing.score()).isGreaterThan(plain);
        assertThat(agreeing.reasons()).anyMatch(reason -> reason.contains("identifier 042833 agrees (Passport 042833 (Lebanon))"));
        var other = screening.screen(new Screening.Query("Hassan Nasrallah", "individual", null, null, "X9999999"), 0.5).get(0);
        assertThat(other.score()).isLessThan(plain);
    }

    @Test
    void aNameInCyrillicOrArabicScriptFindsItsRomanisedEntry() {
        assertThat(screening.screen(new Screening.Query("Айман аз-Завахири"), 0.8))
                .anySatisfy(match -> assertThat(match.name()).isEqualTo("Dr. Ayman AL ZAWAHIRI"));
        assertThat(screening.screen(new Screening.Query("حسن نصر الله"), 0.8))
                .anySatisfy(match -> assertThat(match.name()).isEqualTo("Hasan NASRALLAH"));
    }

    @Test
    void onALabelledSetOfListedSpellingsAndOtherPeoplesNamesPrecisionAndRecallReachTheGoal() {
        List<LabelledQuery> labelled = new LabelledSet(ListEntry.allIn(test.store()), 27).build(300, 3, 2);
        assertThat(labelled.stream().filter(LabelledQuery::positive).map(LabelledQuery::expectedId).distinct()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(labelled).allSatisfy(query -> assertThat(query.query()).isNotEqualTo(query.source()));

        Evaluation evaluation = Evaluation.of(screening, labelled, 0.8);
        assertThat(evaluation.recall()).as(String.join("\n", evaluation.errors())).isGreaterThanOrEqualTo(0.95);
        assertThat(evaluation.precision()).as(String.join("\n", evaluation.errors())).isGreaterThanOrEqualTo(0.95);
    }
}
