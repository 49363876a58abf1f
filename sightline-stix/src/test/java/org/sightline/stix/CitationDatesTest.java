package org.sightline.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CitationDatesTest {
    @Test
    void readsThePublicationDateOfAnApaCitation() {
        assertThat(CitationDates.published("Microsoft Threat Intelligence Center. (2021, March 2). HAFNIUM targeting Exchange Servers. Retrieved March 3, 2021."))
                .contains(Instant.parse("2021-03-02T00:00:00Z"));
        assertThat(CitationDates.published("Group-IB. (2021, November). RedCurl: The Awakening. Retrieved August 14, 2024."))
                .contains(Instant.parse("2021-11-01T00:00:00Z"));
        assertThat(CitationDates.published("PwC. (2017). Operation Cloud Hopper.")).contains(Instant.parse("2017-01-01T00:00:00Z"));
    }

    @Test
    void undatedOrImpossibleCitationsHaveNoDate() {
        assertThat(CitationDates.published("Someone. (n.d.). A page. Retrieved May 1, 2020.")).isEmpty();
        assertThat(CitationDates.published("Someone. (2019, Spring). A season.")).isEmpty();
        assertThat(CitationDates.published("Someone. (2019, February 30). No such day.")).isEmpty();
        assertThat(CitationDates.published("(Citation: DOJ APT10 Dec 2018)")).isEmpty();
    }

    @Test
    void everyDatedReferenceOfAnObject() {
        StixObject object = StixObject.parse("""
                {"type":"relationship","id":"relationship--6d3f5a4e-2c1b-4d7e-9f0a-1b2c3d4e5f60","external_references":[
                 {"source_name":"a","description":"A. (2018, April 1). One."},
                 {"source_name":"mitre-attack","external_id":"T1199"},
                 {"source_name":"b","description":"B. (2022, June 23). Two."}]}""");
        assertThat(CitationDates.of(object)).containsExactly(Instant.parse("2018-04-01T00:00:00Z"), Instant.parse("2022-06-23T00:00:00Z"));
    }
}
