package org.sightline.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StixTimestampTest {

    @Test
    void sortKeyOrdersAcrossPrecisions() {
        assertThat(StixTimestamp.sortKey("2017-05-31T21:31:43.5Z")).isEqualTo("2017-05-31T21:31:43.500000000Z");
        assertThat(StixTimestamp.sortKey("2017-05-31T21:31:43Z")).isEqualTo("2017-05-31T21:31:43.000000000Z");
        assertThat(StixTimestamp.sortKey("2017-05-31T21:31:43.540Z"))
                .isLessThan(StixTimestamp.sortKey("2017-05-31T21:31:43.5401Z"));
    }

    @Test
    void aNextVersionAlwaysSortsAfterThePreviousOne() {
        assertThat(StixTimestamp.nextVersion("2999-01-01T00:00:00.000Z")).isEqualTo("2999-01-01T00:00:00.001Z");
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(StixTimestamp.parse(StixTimestamp.nextVersion("2017-01-01T00:00:00.000Z"))).isAfterOrEqualTo(before);
    }

    @Test
    void leapDaysAndLeapSeconds() {
        assertThat(StixTimestamp.isValid("2020-02-29T00:00:00Z")).isTrue();
        assertThat(StixTimestamp.isValid("2019-02-29T00:00:00Z")).isFalse();
        assertThat(StixTimestamp.isValid("2016-12-31T23:59:60Z")).isTrue();
        assertThat(StixTimestamp.isValid("2016-12-31 23:59:59Z")).isFalse();
    }

    /** Property: whatever precision two producers use, the sort key orders versions as time does. */
    @Property(tries = 500)
    void sortKeyOrderIsTimeOrder(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long secondsA,
                                 @ForAll @IntRange(min = 0, max = 999_999_999) int nanosA,
                                 @ForAll @IntRange(min = 0, max = 9) int digitsA,
                                 @ForAll @LongRange(min = 0, max = 4_000_000_000L) long secondsB,
                                 @ForAll @IntRange(min = 0, max = 999_999_999) int nanosB,
                                 @ForAll @IntRange(min = 0, max = 9) int digitsB) {
        String a = format(secondsA, nanosA, digitsA);
        String b = format(secondsB, nanosB, digitsB);
        assertThat(StixTimestamp.isValid(a)).isTrue();
        int byKey = Integer.signum(StixTimestamp.sortKey(a).compareTo(StixTimestamp.sortKey(b)));
        int byTime = Integer.signum(StixTimestamp.parse(a).compareTo(StixTimestamp.parse(b)));
        assertThat(byKey).isEqualTo(byTime);
    }

    private static String format(long seconds, int nanos, int digits) {
        String base = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochSecond(seconds));
        String fraction = String.format("%09d", nanos).substring(0, digits);
        return base + (digits == 0 ? "" : "." + fraction) + "Z";
    }

    @org.junit.jupiter.api.Test
    void theCommonFormIsReadByPositionExactlyAsJavaTimeReadsIt() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261202);
        for (int n = 0; n < 50_000; n++) {
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(random.nextLong(
                    java.time.LocalDate.of(1, 1, 1).toEpochDay(), java.time.LocalDate.of(9999, 12, 31).toEpochDay()));
            org.assertj.core.api.Assertions.assertThat(StixTimestamp.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                    .isEqualTo(date.toEpochDay());
            String fraction = n % 3 == 0 ? "" : "." + String.format("%09d", random.nextInt(1_000_000_000)).substring(0, 1 + random.nextInt(9));
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%sZ", date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), fraction);
            org.assertj.core.api.Assertions.assertThat(StixTimestamp.parse(text)).as(text).isEqualTo(java.time.Instant.parse(text));
        }
        org.assertj.core.api.Assertions.assertThat(StixTimestamp.parse("2024-02-29T00:00:00Z")).isEqualTo(java.time.Instant.parse("2024-02-29T00:00:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StixTimestamp.parse("2023-02-29T00:00:00Z"))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
        org.assertj.core.api.Assertions.assertThat(StixTimestamp.parse("2016-12-31T23:59:60Z")).isEqualTo(java.time.Instant.parse("2016-12-31T23:59:59Z"));
    }
}
