package org.sightline.intel.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityTimelineTest {
    private static List<ActivityTimeline.Event> events(String... dates) {
        List<ActivityTimeline.Event> events = new ArrayList<>();
        for (String date : dates) {
            events.add(new ActivityTimeline.Event(date, "campaign first seen", "campaign--x", "x", false));
        }
        return events;
    }

    @Test
    void aLongSilenceAfterRegularActivityIsDormancy() {
        var timeline = ActivityTimeline.flag("intrusion-set--a", events("2016-01-01T00:00:00Z", "2016-03-01T00:00:00Z",
                "2016-05-01T00:00:00Z", "2016-07-01T00:00:00Z"), Instant.parse("2018-12-21T00:00:00Z"));
        assertThat(timeline.medianGapDays()).isBetween(59L, 62L);
        assertThat(timeline.dormant()).isTrue();
        assertThat(timeline.events()).noneMatch(ActivityTimeline.Event::resurgence);
    }

    @Test
    void theEventThatEndsASilenceIsAResurgence() {
        var timeline = ActivityTimeline.flag("intrusion-set--a", events("2016-01-01T00:00:00Z", "2016-02-01T00:00:00Z",
                "2016-03-01T00:00:00Z", "2018-06-01T00:00:00Z", "2018-07-01T00:00:00Z"), Instant.parse("2018-08-01T00:00:00Z"));
        assertThat(timeline.dormant()).isFalse();
        assertThat(timeline.events().get(3).resurgence()).isTrue();
        assertThat(timeline.events().get(4).resurgence()).isFalse();
    }
}
