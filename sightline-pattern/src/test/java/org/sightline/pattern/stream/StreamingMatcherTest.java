package org.sightline.pattern.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sightline.pattern.match.PatternMatcher;
import org.sightline.pattern.parse.PatternParser;

/** The indexed matcher finds exactly what the exact evaluator finds, and keeps bounded state. */
class StreamingMatcherTest {
    private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

    private static Indicator indicator(int n, String pattern) {
        return new Indicator("indicator--00000000-0000-4000-8000-" + String.format("%012d", n), pattern, null, null);
    }

    private static Event event(int i, SplittableRandom random) {
        EventBuilder event = new EventBuilder(T0.plusSeconds(i), "test", i);
        String src = event.ip("10.0." + random.nextInt(4) + "." + random.nextInt(8));
        String dst = event.ip(random.nextBoolean() ? "192.0.2." + random.nextInt(8) : "2001:db8::" + random.nextInt(8));
        event.traffic(src, dst, 1024 + random.nextInt(4), random.nextBoolean() ? 443 : 80, "tcp");
        event.domain("h" + random.nextInt(6) + (random.nextBoolean() ? ".example.com" : ".example.org"));
        event.file(Map.of("SHA-256", random.nextBoolean() ? "AB" + random.nextInt(5) : "cd" + random.nextInt(5)), null);
        return event.build();
    }

    private static final List<String> SINGLE = List.of(
            "[ipv4-addr:value = '10.0.1.3']",
            "[ipv4-addr:value IN ('10.0.2.1', '10.0.3.7')]",
            "[ipv4-addr:value ISSUBSET '10.0.2.0/24']",
            "[ipv6-addr:value ISSUBSET '2001:db8::/125']",
            "[domain-name:value LIKE '%.example.org']",
            "[domain-name:value LIKE 'h1.%']",
            "[domain-name:value LIKE '%.com']", // affixes of several lengths on one field
            "[domain-name:value LIKE 'h3.example.c%']",
            "[domain-name:value = 'h2.example.com' OR ipv4-addr:value = '10.0.0.0']",
            "[network-traffic:dst_port = 443 AND network-traffic:dst_ref.value = '192.0.2.3']",
            "[file:hashes.'SHA-256' = 'ab3']",
            "[domain-name:value MATCHES '^h[34]\\\\.example\\\\.com$']",
            "[domain-name:value MATCHES 'example\\\\.org$']",
            "[domain-name:value LIKE '%xampl%']",
            "[domain-name:value NOT LIKE 'h%']",
            "[network-traffic:dst_port != 443]",
            "[domain-name:value = 'nowhere.invalid']");

    @Test
    void singleObservationIndicatorsMatchExactlyTheEventsTheEvaluatorMatches() {
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < SINGLE.size(); i++) {
            indicators.add(indicator(i, SINGLE.get(i)));
        }
        IndicatorIndex index = IndicatorIndex.compile(indicators);
        assertThat(index.rejected()).isEmpty();
        StreamingMatcher matcher = new StreamingMatcher(index, Duration.ofHours(1));
        SplittableRandom random = new SplittableRandom(42);
        int matchedSomething = 0;
        for (int i = 0; i < 2000; i++) {
            Event event = event(i, random);
            TreeSet<String> streamed = new TreeSet<>();
            matcher.accept(event).forEach(m -> streamed.add(m.indicator().id()));
            TreeSet<String> exact = new TreeSet<>();
            for (Indicator indicator : indicators) {
                if (PatternMatcher.match(PatternParser.parse(indicator.pattern()), StreamingMatcher.observations(List.of(event))).matched()) {
                    exact.add(indicator.id());
                }
            }
            assertThat(streamed).as("event %d", i).isEqualTo(exact);
            matchedSomething += exact.isEmpty() ? 0 : 1;
        }
        assertThat(matchedSomething).isGreaterThan(500);
    }

    @Test
    void multiObservationPatternsMatchAcrossEventsWithinTheirWindow() {
        IndicatorIndex index = IndicatorIndex.compile(List.of(
                indicator(1, "[domain-name:value = 'stage1.example'] FOLLOWEDBY [domain-name:value = 'stage2.example'] WITHIN 60 SECONDS")));
        StreamingMatcher matcher = new StreamingMatcher(index, Duration.ofHours(1));
        assertThat(matcher.accept(domainAt(0, "stage2.example"))).isEmpty();
        assertThat(matcher.accept(domainAt(10, "stage1.example"))).isEmpty();
        assertThat(matcher.accept(domainAt(200, "stage2.example"))).isEmpty(); // too late: stage1 is outside the window
        assertThat(matcher.accept(domainAt(300, "stage1.example"))).isEmpty();
        List<StreamMatch> matches = matcher.accept(domainAt(330, "stage2.example"));
        assertThat(matches).singleElement().satisfies(m -> assertThat(m.events()).hasSize(2));
    }

    @Test
    void stateStaysBoundedOnAnEndlessStream() {
        IndicatorIndex index = IndicatorIndex.compile(List.of(
                indicator(1, "[domain-name:value = 'a.example'] AND [domain-name:value = 'never.example']")));
        StreamingMatcher matcher = new StreamingMatcher(index, Duration.ofSeconds(30));
        for (int i = 0; i < 5000; i++) {
            assertThat(matcher.accept(domainAt(i, "a.example"))).isEmpty();
        }
        assertThat(matcher.bufferedIndicators()).isEqualTo(1);
        assertThat(matcher.bufferedEvents()).isLessThanOrEqualTo(31);
    }

    @Test
    void indicatorsOutsideTheirValidityDoNotMatch() {
        Indicator expired = new Indicator("indicator--00000000-0000-4000-8000-000000000001", "[domain-name:value = 'x.example']",
                T0.minusSeconds(100), T0.plusSeconds(5));
        StreamingMatcher matcher = new StreamingMatcher(IndicatorIndex.compile(List.of(expired)), Duration.ofHours(1));
        assertThat(matcher.accept(domainAt(1, "x.example"))).hasSize(1);
        assertThat(matcher.accept(domainAt(10, "x.example"))).isEmpty();
    }

    @Test
    void unparsablePatternsAreReportedNotFatal() {
        IndicatorIndex index = IndicatorIndex.compile(List.of(indicator(1, "[broken"), indicator(2, "[domain-name:value = 'x']")));
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.rejected()).singleElement().asString().startsWith("indicator--00000000-0000-4000-8000-000000000001:");
    }

    private static Event domainAt(int second, String name) {
        EventBuilder event = new EventBuilder(T0.plusSeconds(second), "test", second);
        event.domain(name);
        return event.build();
    }
}
