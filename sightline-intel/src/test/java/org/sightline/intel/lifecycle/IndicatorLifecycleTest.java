package org.sightline.intel.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixObject;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

class IndicatorLifecycleTest {
    private static final String COMMON = ",\"spec_version\":\"2.1\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\"";

    private static String indicator(String n, String pattern, String extra) {
        return "{\"type\":\"indicator\",\"id\":\"indicator--7d1e6f2a-3b4c-4d5e-8f60-00000000000" + n + "\"" + COMMON + ",\"name\":\"i" + n + "\","
                + "\"pattern\":\"" + pattern + "\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-01-01T00:00:00Z\"" + extra + "}";
    }

    @Test
    void anAddressAgesInWeeksAHashInYearsAndASightingResetsTheClock() {
        try (TestStore test = Backend.H2.open()) {
            test.store().write(writer -> {
                writer.put(StixObject.parse(indicator("1", "[ipv4-addr:value = '203.0.113.7']", ",\"confidence\":80")));
                writer.put(StixObject.parse(indicator("2", "[file:hashes.'SHA-256' = 'aa11']", ",\"confidence\":80")));
                writer.put(StixObject.parse(indicator("3", "[ipv4-addr:value = '203.0.113.8']", ",\"confidence\":80")));
                writer.put(StixObject.parse(indicator("4", "[domain-name:value = 'gone.example']", ",\"valid_until\":\"2026-02-01T00:00:00Z\"")));
                writer.put(StixObject.parse("{\"type\":\"sighting\",\"id\":\"sighting--7d1e6f2a-3b4c-4d5e-8f60-000000000009\"" + COMMON
                        + ",\"sighting_of_ref\":\"indicator--7d1e6f2a-3b4c-4d5e-8f60-000000000003\",\"last_seen\":\"2026-03-31T00:00:00Z\"}"));
                return null;
            });
            Map<String, IndicatorScore> asOfApril = byName(IndicatorLifecycle.scores(test.store(), Instant.parse("2026-04-01T00:00:00Z"),
                    IndicatorDecay.defaults()));
            // 90 days: three half-lives of an address, an eighth of one of a hash
            assertThat(asOfApril.get("i1").score()).isCloseTo(0.8 / 8, org.assertj.core.data.Offset.offset(0.002));
            assertThat(asOfApril.get("i1").status()).isEqualTo(IndicatorScore.Status.EXPIRED);
            assertThat(asOfApril.get("i1").why()).contains("ipv4-addr halves every 30 days", "last confirmed 2026-01-01 by its latest version",
                    "90 days before 2026-04-01", "expired: under 0.20");
            assertThat(asOfApril.get("i2").score()).isGreaterThan(0.7);
            assertThat(asOfApril.get("i2").status()).isEqualTo(IndicatorScore.Status.ACTIVE);
            assertThat(asOfApril.get("i3").score()).isGreaterThan(0.78); // sighted the day before
            assertThat(asOfApril.get("i3").confirmedBy()).isEqualTo("sighting--7d1e6f2a-3b4c-4d5e-8f60-000000000009");
            assertThat(asOfApril.get("i4").status()).isEqualTo(IndicatorScore.Status.EXPIRED);
            assertThat(asOfApril.get("i4").why()).contains("unrated, taken as 0.75", "valid_until 2026-02-01 has passed");

            // as of before the sighting, it does not count yet
            Map<String, IndicatorScore> asOfMarch = byName(IndicatorLifecycle.scores(test.store(), Instant.parse("2026-03-02T00:00:00Z"),
                    IndicatorDecay.defaults()));
            assertThat(asOfMarch.get("i3").confirmedBy()).isEqualTo("indicator--7d1e6f2a-3b4c-4d5e-8f60-000000000003");
            // a user's own half-life
            IndicatorDecay slower = IndicatorDecay.defaults().with("ipv4-addr=90");
            assertThat(byName(IndicatorLifecycle.scores(test.store(), Instant.parse("2026-04-01T00:00:00Z"), slower)).get("i1").score())
                    .isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.002));
        }
    }

    @Test
    void aFalsePositiveStopsConfirmingHalvesTheIndicatorAndWeighsOnItsSourceFromTheDayItWasMarked() {
        String partner = "identity--7d1e6f2a-3b4c-4d5e-8f60-0000000000aa";
        String byPartner = ",\"confidence\":80,\"created_by_ref\":\"" + partner + "\"";
        String sighting = "sighting--7d1e6f2a-3b4c-4d5e-8f60-000000000019";
        try (TestStore test = Backend.H2.open()) {
            test.store().write(writer -> {
                writer.put(StixObject.parse("{\"type\":\"identity\",\"id\":\"" + partner + "\"" + COMMON + ",\"name\":\"Partner CERT\"}"));
                writer.put(StixObject.parse(indicator("5", "[domain-name:value = 'scanner.example']", byPartner)));
                writer.put(StixObject.parse(indicator("6", "[domain-name:value = 'other.example']", byPartner)));
                writer.put(StixObject.parse("{\"type\":\"sighting\",\"id\":\"" + sighting + "\"" + COMMON
                        + ",\"sighting_of_ref\":\"indicator--7d1e6f2a-3b4c-4d5e-8f60-000000000005\",\"last_seen\":\"2026-03-01T00:00:00Z\"}"));
                return null;
            });
            Instant april = Instant.parse("2026-04-01T00:00:00Z");
            IndicatorScore before = byName(IndicatorLifecycle.scores(test.store(), april, IndicatorDecay.defaults())).get("i5");
            assertThat(before.confirmedBy()).isEqualTo(sighting);
            assertThat(before.source()).isEqualTo(partner);

            FalsePositives.Marking marking = FalsePositives.mark(test.store(), sighting, "our own red team's scanner", Instant.parse("2026-03-15T00:00:00Z"));
            assertThat(marking.indicatorId()).isEqualTo("indicator--7d1e6f2a-3b4c-4d5e-8f60-000000000005");
            assertThat(FalsePositives.mark(test.store(), sighting, null, april).already()).isTrue();
            StixObject opinion = test.store().current(marking.opinionId()).orElseThrow();
            assertThat(opinion.text("opinion")).isEqualTo("strongly-disagree");
            assertThat(opinion.strings("object_refs")).containsExactly(sighting);

            Map<String, IndicatorScore> after = byName(IndicatorLifecycle.scores(test.store(), april, IndicatorDecay.defaults()));
            IndicatorScore five = after.get("i5");
            assertThat(five.falsePositives()).isEqualTo(1);
            assertThat(five.confirmedBy()).isEqualTo("indicator--7d1e6f2a-3b4c-4d5e-8f60-000000000005"); // its latest version, not the sighting
            assertThat(five.score()).isLessThan(before.score() / 2);
            assertThat(five.why()).contains("× 0.50 for 1 sighting marked false positive", "its source's record (1 of 1 sightings");
            // the source's other indicator is worth less too, but not halved: one mistake in a short record
            IndicatorScore six = after.get("i6");
            IndicatorScore sixBefore = byName(IndicatorLifecycle.scores(test.store(), Instant.parse("2026-03-14T00:00:00Z"), IndicatorDecay.defaults())).get("i6");
            assertThat(six.score() / IndicatorDecay.defaults().score(1, java.time.Duration.ofDays(90), "domain-name"))
                    .isCloseTo(0.8 * (1 - 0.5 / 3), org.assertj.core.data.Offset.offset(0.002));
            assertThat(sixBefore.why()).doesNotContain("false positive");
            // as of before the marking, the sighting still confirmed its indicator
            assertThat(byName(IndicatorLifecycle.scores(test.store(), Instant.parse("2026-03-14T00:00:00Z"), IndicatorDecay.defaults()))
                    .get("i5").confirmedBy()).isEqualTo(sighting);

            assertThatThrownBy(() -> FalsePositives.mark(test.store(), "indicator--7d1e6f2a-3b4c-4d5e-8f60-000000000005", null, april))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("give its id (sighting--");
            assertThatThrownBy(() -> FalsePositives.mark(test.store(), "sighting--7d1e6f2a-3b4c-4d5e-8f60-0000000000ff", null, april))
                    .isInstanceOf(org.sightline.error.NotFoundException.class);
        }
    }

    @Test
    void aScoreOnlyFallsWithTimeAndAHalfLifeIsTypeEqualsDays() {
        IndicatorDecay decay = IndicatorDecay.defaults();
        double previous = 1;
        for (int days = 0; days <= 1000; days += 50) {
            double score = decay.score(0.9, Duration.ofDays(days), "domain-name");
            assertThat(score).isLessThanOrEqualTo(previous).isBetween(0.0, 0.9);
            previous = score;
        }
        assertThat(IndicatorLifecycle.observableType("([url:value = 'x'] AND [domain-name:value = 'y'])")).isEqualTo("url");
        assertThatThrownBy(() -> decay.with("ipv4-addr=soon")).isInstanceOf(InvalidInputException.class).hasMessageContaining("TYPE=DAYS");
        assertThatThrownBy(() -> decay.with("ipv4-addr=0")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aSourceCanAgeFasterThanItsTypeAndADataDirectorySaysSoForEveryFrontEnd(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
            throws java.io.IOException {
        String feed = "identity--7d1e6f2a-3b4c-4d5e-8f60-0000000000bb";
        IndicatorDecay decay = IndicatorDecay.defaults().with(feed + ":ipv4-addr=7").with(feed + ":*=20");
        assertThat(decay.halfLife(feed, "ipv4-addr")).isEqualTo(Duration.ofDays(7));
        assertThat(decay.halfLife(feed, "domain-name")).isEqualTo(Duration.ofDays(20));
        assertThat(decay.halfLife("identity--7d1e6f2a-3b4c-4d5e-8f60-0000000000cc", "domain-name")).isEqualTo(Duration.ofDays(90));
        assertThat(decay.halfLife(null, "ipv4-addr")).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> decay.with("someone:ipv4-addr=7")).isInstanceOf(InvalidInputException.class).hasMessageContaining("[SOURCE:]TYPE=DAYS");
        assertThatThrownBy(() -> decay.with("*=7")).isInstanceOf(InvalidInputException.class);

        java.nio.file.Files.writeString(data.resolve(IndicatorDecay.FILE), "# our feeds\nipv4-addr=14\n" + feed + ":ipv4-addr=7\n");
        IndicatorDecay configured = IndicatorDecay.of(data);
        assertThat(configured.halfLife(null, "ipv4-addr")).isEqualTo(Duration.ofDays(14));
        assertThat(configured.halfLife(feed, "ipv4-addr")).isEqualTo(Duration.ofDays(7));
        try (TestStore test = Backend.H2.open()) {
            test.store().write(writer -> {
                writer.put(StixObject.parse(indicator("7", "[ipv4-addr:value = '203.0.113.9']", ",\"confidence\":80,\"created_by_ref\":\"" + feed + "\"")));
                return null;
            });
            IndicatorScore fast = byName(IndicatorLifecycle.scores(test.store(), Instant.parse("2026-01-08T00:00:00Z"), configured)).get("i7");
            assertThat(fast.score()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.002));
            assertThat(fast.why()).contains("ipv4-addr halves every 7 days (set for its source)");
        }
        java.nio.file.Files.writeString(data.resolve(IndicatorDecay.FILE), "ipv4-addr=14\nipv4-addr=soon\n");
        assertThatThrownBy(() -> IndicatorDecay.of(data)).isInstanceOf(InvalidInputException.class).hasMessageContaining("half-lives.conf line 2");
    }

    private static Map<String, IndicatorScore> byName(List<IndicatorScore> scores) {
        return scores.stream().collect(Collectors.toMap(IndicatorScore::name, Function.identity()));
    }
}
