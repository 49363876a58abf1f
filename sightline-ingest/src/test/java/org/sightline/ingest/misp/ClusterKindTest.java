package org.sightline.ingest.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.stix.json.StixReader;
import org.sightline.stix.testdata.SharedData;

/** Which clusters of MISP's threat-actor galaxy are persons, organisations or campaigns rather than groups. */
class ClusterKindTest {
    private static final Map<String, ClusterKind> kinds = new TreeMap<>();

    @BeforeAll
    static void classifyTheGalaxy() throws Exception {
        JsonNode galaxy;
        try (var in = StixReader.open(SharedData.require("misp-galaxy/clusters_threat-actor.json"))) {
            galaxy = org.sightline.stix.json.StixJson.mapper().readTree(in);
        }
        for (JsonNode cluster : galaxy.path("values")) {
            kinds.put(cluster.path("value").asText(), ClusterKind.of(cluster));
        }
    }

    @Test
    void namedIndividualsBecomeThreatActorsAtTheIndividualLevel() {
        assertThat(kinds.get("Natohub")).isEqualTo(ClusterKind.PERSON);
        assertThat(kinds.get("Threat Actor 888")).isEqualTo(ClusterKind.PERSON);
        assertThat(ClusterKind.PERSON.stixType()).isEqualTo("threat-actor");
        assertThat(ClusterKind.PERSON.resourceLevel()).isEqualTo("individual");
    }

    @Test
    void clustersMispClassifiesAsOperationsBecomeCampaigns() {
        assertThat(kinds.get("Operation Soft Cell")).isEqualTo(ClusterKind.CAMPAIGN);
        assertThat(kinds.get("Roaming Mantis")).isEqualTo(ClusterKind.CAMPAIGN);
    }

    @Test
    void groupsStayIntrusionSetsEvenWhenTheirDescriptionMentionsHackersOrContractors() {
        assertThat(kinds.get("APT10")).isEqualTo(ClusterKind.GROUP);
        assertThat(kinds.get("KelvinSecurity")).isEqualTo(ClusterKind.GROUP); // "a hacker group"
        assertThat(kinds.get("The Shadow Brokers")).isEqualTo(ClusterKind.GROUP); // "a hacker group who"
        assertThat(kinds.get("Bahamut")).isEqualTo(ClusterKind.GROUP); // "suspected to be a private contractor"
        long groups = kinds.values().stream().filter(ClusterKind.GROUP::equals).count();
        assertThat(groups).isGreaterThan(kinds.size() - 30);
    }

    @Test
    void exactlyTheseClustersAreNotGroups() {
        Map<String, ClusterKind> others = new TreeMap<>(kinds);
        others.values().removeIf(ClusterKind.GROUP::equals);
        assertThat(others).containsOnlyKeys("ByteToBreach", "DangerousSavanna", "Natohub", "Operation Soft Cell",
                "Operation WizardOpium", "Roaming Mantis", "Threat Actor 888");
    }
}
