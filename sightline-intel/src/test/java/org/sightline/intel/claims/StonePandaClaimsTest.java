package org.sightline.intel.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.demo.DemoData;
import org.sightline.intel.attribution.Assessment;
import org.sightline.intel.attribution.Credibility;
import org.sightline.intel.attribution.Evidence;
import org.sightline.intel.attribution.Reliability;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/**
 * The story the demo data tells: what was knowable about APT10 and the MSS, and when. It runs on
 * H2 and on PostgreSQL (StonePandaClaimsOnPostgresTest), since every answer comes through the
 * store's indexes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StonePandaClaimsTest {
    private TestStore test;
    private ClaimBook book;
    private String apt10Claim;
    private String apt10;
    private String intrusionTruth;

    Backend backend() {
        return Backend.H2;
    }

    @BeforeAll
    void loadDemo() {
        test = backend().open();
        DemoData.load(new BundleImporter(test.knowledge().intake()));
        book = new ClaimBook(test.store());
        apt10 = id("APT10");
        intrusionTruth = id("Intrusion Truth");
        apt10Claim = book.claims(List.of(apt10), null).stream()
                .filter(c -> c.target().name().equals("MSS Tianjin State Security Bureau")).findFirst().orElseThrow().id();
    }

    @AfterAll
    void close() {
        if (test != null) {
            test.close();
        }
    }

    private String id(String name) {
        return test.store().findByNameKey(org.sightline.store.names.NameKey.of(name), Set.of("intrusion-set", "identity"))
                .get(0).objectId();
    }

    private static Instant day(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    @Test
    void theClaimsAboutApt10AreListedWithTheirEndsAndStatus() {
        List<Claim> claims = book.claims(List.of(apt10), null);
        assertThat(claims).singleElement().satisfies(claim -> {
            assertThat(claim.type()).isEqualTo("attributed-to");
            assertThat(claim.source().name()).isEqualTo("APT10");
            assertThat(claim.status()).isEqualTo(ClaimStatus.CONFIRMED);
            assertThat(claim.statusAsOf(day("2018-08-31"))).isEqualTo(ClaimStatus.OPEN);
        });
        assertThat(book.claims(null, ClaimStatus.OPEN)).extracting(c -> c.source().name()).containsExactly("Gao Qiang");
        assertThat(book.claims(null, null)).extracting(c -> c.source().name())
                .contains("APT3", "APT10", "Zhang Shilong", "Gao Qiang", "Tianjin Huaying Haitai Science and Technology Development Co. Ltd.");
    }

    @Test
    void confidenceInApt10ForTheMssRoseWithTheIndictment() {
        ClaimAssessor assessor = new ClaimAssessor(test.store());
        Assessment august = assessor.assess(apt10Claim, day("2018-08-31"));
        Assessment december = assessor.assess(apt10Claim, day("2018-12-21"));
        Assessment before = assessor.assess(apt10Claim, day("2018-08-01"));
        assertThat(before.probability()).isEqualTo(0.2); // nothing knowable yet: the prior
        assertThat(august.probability()).isGreaterThan(before.probability());
        assertThat(december.probability()).isGreaterThan(august.probability());
        assertThat(december.wep()).isIn("very likely", "almost certain");
        // Intrusion Truth's four items are one investigation: one origin; CrowdStrike's opinion is another.
        assertThat(august.contributions()).extracting(Assessment.Contribution::origin)
                .containsExactlyInAnyOrder("Intrusion Truth APT10 series, August 2018", "opinion of CrowdStrike");
        assertThat(december.contributions().get(0).origin()).isEqualTo("US indictment of 2018-12-20");
    }

    @Test
    void intrusionTruthsRecordRoseWhenItsApt3ClaimsWereConfirmed() {
        SourceRecords records = new SourceRecords(test.store(), book);
        TrackRecord before = records.of(intrusionTruth, day("2017-11-26"));
        TrackRecord after = records.of(intrusionTruth, day("2017-11-28"));
        assertThat(before.graded()).isEqualTo(Reliability.F);
        assertThat(before.reliability()).isEqualTo(Reliability.F);
        assertThat(before.open()).isEqualTo(1);
        assertThat(after.confirmed()).isEqualTo(1);
        assertThat(after.reliability()).isEqualTo(Reliability.C);
        assertThat(after.reliability().weight()).isGreaterThan(before.reliability().weight());

        // …and so its August 2018 evidence on APT10 is weighed as a C source, not as an unknown one.
        EvidenceItem receipts = book.evidenceFor(apt10Claim).stream().filter(e -> e.kind().equals("travel-records"))
                .findFirst().orElseThrow();
        assertThat(receipts.reliability()).isEqualTo(Reliability.F);
        assertThat(records.reliabilityOf(receipts, day("2018-08-31"), apt10Claim)).isEqualTo(Reliability.C);
    }

    @Test
    void theHistoryIsTheCurveOfWhatWasKnowableWhen() {
        List<ClaimAssessor.HistoryPoint> history = new ClaimAssessor(test.store()).history(apt10Claim);
        assertThat(history).extracting(ClaimAssessor.HistoryPoint::asOf).isSorted()
                .contains("2017-11-27T00:00:00.000Z", "2018-08-30T00:00:00.000Z", "2018-12-20T00:00:00.000Z");
        ClaimAssessor.HistoryPoint last = history.get(history.size() - 1);
        assertThat(last.asOf()).isEqualTo("2018-12-20T00:00:00.000Z");
        assertThat(last.probability()).isGreaterThan(history.get(history.size() - 2).probability());
    }

    @Test
    void anAnalystRecordsAClaimItsEvidenceAndItsResolution() {
        String boyusec = id("Boyusec");
        String doj = id("US Department of Justice");
        Claim claim = book.addClaim(id("Wu Yingzhuo"), "employed-by", boyusec, 0.4, null);
        assertThat(claim.status()).isEqualTo(ClaimStatus.OPEN);
        EvidenceItem item = book.addEvidence(new ClaimBook.NewEvidence("Indictment names Wu Yingzhuo as a Boyusec owner",
                List.of(claim.id()), Evidence.Stance.SUPPORTS, "indictment", doj, Reliability.A, Credibility.of(1),
                "US indictment of 2017-11-27", null, "2017-11-27T00:00:00.000Z", null, "Wu Yingzhuo, an owner of Boyusec…",
                null, null, "analyst"));
        assertThat(book.evidenceFor(claim.id())).extracting(EvidenceItem::id).containsExactly(item.id());
        Claim settled = book.resolve(claim.id(), ClaimStatus.CONFIRMED, doj, day("2017-11-27"), List.of(item.id()));
        assertThat(settled.status()).isEqualTo(ClaimStatus.CONFIRMED);
        assertThat(settled.resolutionEvidence()).containsExactly(item.id());
    }

    @Test
    void aRevokedClaimCannotBeResolved() {
        Claim claim = book.addClaim(id("Wu Yingzhuo"), "affiliated-with", id("Boyusec"), 0.3, null);
        new org.sightline.store.editing.ObjectEditor(test.store(), org.sightline.stix.markings.Tlp.RED).revoke(claim.id());
        long before = test.store().lastSequence();
        assertThatThrownBy(() -> book.resolve(claim.id(), ClaimStatus.CONFIRMED, id("US Department of Justice"), day("2017-11-27"), List.of()))
                .isInstanceOf(org.sightline.error.ConflictException.class).hasMessageContaining(claim.id() + " is revoked");
        assertThat(test.store().lastSequence()).isEqualTo(before);
    }

    @Test
    void badInputNamesWhatIsWrongAndStoresNothing() {
        long before = test.store().lastSequence();
        assertThatThrownBy(() -> book.addClaim(apt10, "works-for", id("Boyusec"), 0.5, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("works-for");
        assertThatThrownBy(() -> book.addClaim(apt10, "attributed-to", "identity--00000000-0000-4000-8000-000000000000", 0.5, null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> book.addEvidence(new ClaimBook.NewEvidence(null, List.of(apt10Claim),
                Evidence.Stance.SUPPORTS, "imagery", intrusionTruth, Reliability.C, Credibility.of(3), " ", null,
                "2018-08-13T00:00:00.000Z", null, null, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("origin");
        assertThatThrownBy(() -> book.claim("relationship--00000000-0000-4000-8000-000000000000"))
                .isInstanceOf(NotFoundException.class);
        assertThat(test.store().lastSequence()).isEqualTo(before);
    }
}
