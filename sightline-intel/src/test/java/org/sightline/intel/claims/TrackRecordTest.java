package org.sightline.intel.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sightline.intel.attribution.Reliability;

class TrackRecordTest {
    @Test
    void confirmationsRaiseAGradeAndRefutationsLowerIt() {
        assertThat(TrackRecord.earned(Reliability.F, 1, 0)).isEqualTo(Reliability.C);
        assertThat(TrackRecord.earned(Reliability.C, 1, 0)).isEqualTo(Reliability.B);
        assertThat(TrackRecord.earned(Reliability.C, 0, 1)).isEqualTo(Reliability.D);
        assertThat(TrackRecord.earned(Reliability.C, 0, 3)).isEqualTo(Reliability.E);
        assertThat(TrackRecord.earned(Reliability.E, 0, 5)).isEqualTo(Reliability.E);
    }

    @Test
    void aRecordEarnsAtMostUsuallyReliable() {
        assertThat(TrackRecord.earned(Reliability.C, 4, 0)).isEqualTo(Reliability.B);
        assertThat(TrackRecord.earned(Reliability.B, 1, 0)).isEqualTo(Reliability.B);
        assertThat(TrackRecord.earned(Reliability.A, 3, 0)).isEqualTo(Reliability.A);
    }

    @Test
    void aMixedOrEmptyRecordLeavesTheGrade() {
        assertThat(TrackRecord.earned(Reliability.C, 0, 0)).isEqualTo(Reliability.C);
        assertThat(TrackRecord.earned(Reliability.C, 2, 2)).isEqualTo(Reliability.C);
        assertThat(TrackRecord.earned(Reliability.D, 3, 1)).isEqualTo(Reliability.B); // three in four, three or more
    }
}
