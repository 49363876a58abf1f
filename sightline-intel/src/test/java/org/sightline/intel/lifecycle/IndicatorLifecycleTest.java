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

    private static Map<String, IndicatorScore> byName(List<IndicatorScore> scores) {
        return scores.stream().collect(Collectors.toMap(IndicatorScore::name, Function.identity()));
    }
}
