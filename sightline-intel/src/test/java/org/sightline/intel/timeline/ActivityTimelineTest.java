package org.sightline.intel.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

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
    void whenARecordWasWrittenIsNoActivitySoItMakesNoDormancy() {
        List<ActivityTimeline.Event> written = List.of(
                new ActivityTimeline.Event("2017-05-31T21:31:47.955Z", "first documented", "intrusion-set--a", "APT1", false),
                new ActivityTimeline.Event("2019-04-25T14:49:20.672Z", "last updated", "intrusion-set--a", "APT1", false));
        var timeline = ActivityTimeline.flag("intrusion-set--a", written, Instant.parse("2026-12-04T00:00:00Z"));
        assertThat(timeline.dated()).isFalse();
        assertThat(timeline.dormant()).as("not 'dormant for 2,780 days' from a record's last edit").isFalse();
        assertThat(timeline.quietForDays()).isNull();
    }

    @Test
    void theEventThatEndsASilenceIsAResurgence() {
        var timeline = ActivityTimeline.flag("intrusion-set--a", events("2016-01-01T00:00:00Z", "2016-02-01T00:00:00Z",
                "2016-03-01T00:00:00Z", "2018-06-01T00:00:00Z", "2018-07-01T00:00:00Z"), Instant.parse("2018-08-01T00:00:00Z"));
        assertThat(timeline.dormant()).isFalse();
        assertThat(timeline.events().get(3).resurgence()).isTrue();
        assertThat(timeline.events().get(4).resurgence()).isFalse();
    }

    @Test
    void campaignsReportsAndSightingsOfTheActorAndItsIndicatorsAreItsEvents() {
        String actor = "intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f";
        String indicator = "indicator--1f2c3b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b";
        try (TestStore test = Backend.H2.open()) {
            test.store().write(writer -> {
                writer.put(object("{\"type\":\"intrusion-set\",\"id\":\"" + actor + "\",\"created\":\"2017-01-01T00:00:00.000Z\","
                        + "\"modified\":\"2017-01-01T00:00:00.000Z\",\"name\":\"menuPass\"}"));
                writer.put(object("{\"type\":\"campaign\",\"id\":\"campaign--0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
                        + "\"created\":\"2017-01-01T00:00:00.000Z\",\"modified\":\"2017-01-01T00:00:00.000Z\","
                        + "\"name\":\"Operation Cloud Hopper\",\"first_seen\":\"2016-01-01T00:00:00Z\",\"last_seen\":\"2017-03-01T00:00:00Z\"}"));
                writer.put(object("{\"type\":\"relationship\",\"id\":\"relationship--6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d\","
                        + "\"created\":\"2017-01-01T00:00:00.000Z\",\"modified\":\"2017-01-01T00:00:00.000Z\",\"relationship_type\":\"attributed-to\","
                        + "\"source_ref\":\"campaign--0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\",\"target_ref\":\"" + actor + "\"}"));
                writer.put(object("{\"type\":\"report\",\"id\":\"report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3\","
                        + "\"created\":\"2017-04-03T00:00:00.000Z\",\"modified\":\"2017-04-03T00:00:00.000Z\",\"name\":\"Operation Cloud Hopper\","
                        + "\"published\":\"2017-04-03T00:00:00Z\",\"object_refs\":[\"" + actor + "\"]}"));
                writer.put(object("{\"type\":\"indicator\",\"id\":\"" + indicator + "\",\"created\":\"2017-01-01T00:00:00.000Z\","
                        + "\"modified\":\"2017-01-01T00:00:00.000Z\",\"pattern\":\"[domain-name:value = 'example.com']\","
                        + "\"pattern_type\":\"stix\",\"valid_from\":\"2017-01-01T00:00:00Z\"}"));
                writer.put(object("{\"type\":\"relationship\",\"id\":\"relationship--7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e\","
                        + "\"created\":\"2017-01-01T00:00:00.000Z\",\"modified\":\"2017-01-01T00:00:00.000Z\",\"relationship_type\":\"indicates\","
                        + "\"source_ref\":\"" + indicator + "\",\"target_ref\":\"" + actor + "\"}"));
                writer.put(object("{\"type\":\"sighting\",\"id\":\"sighting--5a0b9bd4-3a45-4f55-9d0b-0b4f2a8f3c11\","
                        + "\"created\":\"2018-12-01T00:00:00.000Z\",\"modified\":\"2018-12-01T00:00:00.000Z\","
                        + "\"first_seen\":\"2018-11-20T00:00:00Z\",\"sighting_of_ref\":\"" + indicator + "\"}"));
                return null;
            });
            var timeline = new ActivityTimeline(test.store()).of(List.of(actor), Instant.parse("2019-01-01T00:00:00Z"));
            assertThat(timeline.events()).extracting(ActivityTimeline.Event::kind).containsExactly(
                    "campaign first seen", "campaign last seen", "report published", "sighting");
            var before = new ActivityTimeline(test.store()).of(List.of(actor), Instant.parse("2017-12-31T00:00:00Z"));
            assertThat(before.events()).extracting(ActivityTimeline.Event::kind).doesNotContain("sighting");
        }
    }

    private static org.sightline.stix.StixObject object(String json) {
        return org.sightline.stix.StixObject.parse(json.replace("{\"type\":", "{\"spec_version\":\"2.1\",\"type\":"));
    }
}
