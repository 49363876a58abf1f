package org.sightline.events.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Zeek's "ts": the hand-read common form must give what BigDecimal gives, and other forms still read. */
class ZeekTimeTest {

    private static Instant byBigDecimal(String text) {
        BigDecimal seconds = new BigDecimal(text);
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    @Test
    void theCommonFormIsReadAsBigDecimalReadsIt() {
        SplittableRandom random = new SplittableRandom(17);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder(Long.toString(random.nextLong(0, 10_000_000_000L)));
            if (random.nextInt(4) > 0) {
                text.append('.');
                int digits = 1 + random.nextInt(12); // Zeek writes 6; more and fewer must agree too
                for (int d = 0; d < digits; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            String ts = text.toString();
            assertThat(ZeekRecords.plainEpochSeconds(ts)).as(ts).isEqualTo(byBigDecimal(ts));
            assertThat(ZeekRecords.time(ts)).as(ts).isEqualTo(byBigDecimal(ts));
        }
    }

    @Test
    void otherFormsFallBackAndStillRead() {
        for (String ts : new String[] {"-1.5", "1.5e9", "+12.25", "1521221346.", ".5", "99999999999999999999.1"}) {
            assertThat(ZeekRecords.plainEpochSeconds(ts)).as(ts).isNull();
        }
        assertThat(ZeekRecords.time("-1.5")).isEqualTo(Instant.ofEpochSecond(-2, 500_000_000));
        assertThat(ZeekRecords.time("1.5e9")).isEqualTo(Instant.ofEpochSecond(1_500_000_000L));
        assertThat(ZeekRecords.time("2018-03-16T17:29:06.123456Z")).isEqualTo(Instant.parse("2018-03-16T17:29:06.123456Z"));
        assertThatThrownBy(() -> ZeekRecords.time("12:30")).hasMessageContaining("'ts' is '12:30'");
    }
}
