package org.sightline.intel.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.sanctions.Listing;
import org.sightline.ingest.sanctions.OfacSdnCsv;
import org.sightline.ingest.sanctions.SanctionsList;
import org.sightline.intel.screening.evaluation.LabelledQuery;
import org.sightline.intel.screening.evaluation.PublishedVariants;
import org.sightline.intel.screening.evaluation.VariantEvaluation;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/**
 * The evaluation on spellings someone else wrote (OFAC's own alt.csv names for the full January 2019
 * SDN list): what goes into it, and the figures `bench screen` publishes for the even half.
 */
class PublishedVariantsTest {
    private static TestStore test;
    private static List<ListEntry> entries;
    private static List<PublishedVariants.Published> published;

    @BeforeAll
    static void importTheList() {
        Path folder = SharedData.require("sanctions/ofac-sdn-csv-full-older");
        test = Backend.H2.open();
        new BundleImporter(test.knowledge().intake()).importPaths(List.of(folder), ImportOptions.strict(), ImportProgress.NONE);
        entries = ListEntry.allIn(test.store());
        SanctionsList list = OfacSdnCsv.read(folder);
        Map<String, List<String>> otherNames = OfacSdnCsv.otherNames(folder);
        published = new ArrayList<>();
        for (Listing listing : list.listings()) {
            published.add(new PublishedVariants.Published(list.idOf(listing), Long.parseLong(listing.entry()), listing.listedForm(),
                    listing.individual(), otherNames.getOrDefault(listing.entry(), List.of())));
        }
    }

    @AfterAll
    static void close() {
        if (test != null) {
            test.close();
        }
    }

    @Test
    void theHalvesAreDisjointAndEveryVariantIsHeldOutOfTheListItIsScreenedAgainst() {
        PublishedVariants even = PublishedVariants.of(entries, published, PublishedVariants.Half.EVEN, 100, 1);
        PublishedVariants odd = PublishedVariants.of(entries, published, PublishedVariants.Half.ODD, 100, 1);
        assertThat(even.variants()).hasSizeGreaterThan(2_000);
        assertThat(odd.variants()).hasSizeGreaterThan(2_000);
        Set<String> evenIds = new HashSet<>();
        even.variants().forEach(v -> evenIds.add(v.expectedId()));
        assertThat(odd.variants()).noneMatch(v -> evenIds.contains(v.expectedId()));

        Map<String, Long> numbers = new java.util.HashMap<>();
        published.forEach(p -> numbers.put(p.id(), p.number()));
        Map<String, ListEntry> screened = new java.util.HashMap<>();
        even.entries().forEach(e -> screened.put(e.id(), e));
        for (LabelledQuery variant : even.variants()) {
            assertThat(numbers.get(variant.expectedId()) % 2).isZero();
            ListEntry entry = screened.get(variant.expectedId());
            assertThat(entry.names()).as("held out: %s", variant.query()).doesNotContain(variant.query());
            List<String> listedWords = ScreeningName.of(entry.name()).tokens();
            assertThat(ScreeningName.of(variant.query()).tokens()).as("shares a word: %s", variant.query()).containsAnyElementsOf(listedWords);
        }
        // SLUTSKY, Leonid Eduardovich is OFAC's own other name for Leonid SLUTSKY (entry 16662): a patronymic added
        assertThat(even.variants()).anyMatch(v -> v.query().equals("SLUTSKY, Leonid Eduardovich"));
        assertThat(even.namesakes()).hasSize(100).allSatisfy(n -> assertThat(n.positive()).isFalse());
    }

    /**
     * One real case of each family of variants the list publishes, screened against the list with
     * every alt.csv name taken out: query | the entry's name as screening holds it.
     */
    @Test
    void eachFamilyOfPublishedVariantsFindsItsEntry() {
        PublishedVariants even = PublishedVariants.of(entries, published, PublishedVariants.Half.EVEN, 0, 1);
        Screening screening = new Screening(even.entries());
        String[][] cases = {
                {"SLUTSKY, Leonid Eduardovich", "Leonid SLUTSKY"},                   // a patronymic added
                {"SINWAR, Yahya Ibrahim Hassan", "Yahya SINWAR"},                    // given names added, family name first
                {"BARQAWI, Ahmad Abed Allah", "Ahmad BARQAWI"},
                {"FAWAZ, Mustafa", "Mustapha Reda Darwish FAWAZ"},                   // given names left out, another romanisation
                {"ZRAIQ, Ali", "Ali Hasan ZURAIK"},                                   // Arabic vowels romanised otherwise, q for k
                {"AL-FAQIH, Sa'd", "Saad Rashed Mohammad AL-FAQIH"},                 // an apostrophe for the 'ayn
                {"JAMAAT UD DAWA IL AL QURAN AL SUNNAH", "JAMA'AT UL DAWA AL-QU'RAN"}, // articles and apostrophes
                {"MALEK-E ASHTAR UNIVERSITY", "MALEK ASHTAR UNIVERSITY OF TECHNOLOGY"}, // a Persian ezafe, words dropped
                {"ISIS PHILIPPINE PROVINCE", "ISIS-PHILIPPINES"}};                   // a word added to a group's name
        for (String[] variant : cases) {
            List<Screening.Match> matches = screening.screen(new Screening.Query(variant[0]), 0.8);
            assertThat(matches).as("%s for %s", variant[0], variant[1]).extracting(Screening.Match::name).contains(variant[1]);
        }
    }

    @Test
    void theEvenHalfIsMeasuredAsBenchScreenReportsIt() {
        PublishedVariants even = PublishedVariants.of(entries, published, PublishedVariants.Half.EVEN, 300, 20170101);
        VariantEvaluation result = VariantEvaluation.of(new Screening(even.entries()), even.variants(), even.namesakes(), 0.8);
        assertThat(result.candidateRecall()).isGreaterThanOrEqualTo(result.found());
        assertThat(result.candidateRecall()).isGreaterThanOrEqualTo(0.99);
        assertThat(result.found()).isGreaterThanOrEqualTo(0.47); // 0.383 before words were weighed by rarity and extra given names cheap
        assertThat(result.first()).isGreaterThanOrEqualTo(0.68); // 0.654 before; letters alone order what lies below the threshold
        assertThat(result.namesakeAlertRate()).isLessThanOrEqualTo(0.05);
        assertThat(result.errors()).anyMatch(error -> error.startsWith("missed: "));
    }
}
