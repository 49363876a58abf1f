package org.sightline.intel.navigator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.intel.actors.ActorCard;
import org.sightline.intel.actors.ActorProfile;
import org.sightline.intel.similarity.SimilarityModel;

class NavigatorLayerTest {
    @Test
    void anActorLayerIsFormat45WithEveryTechniqueUnderItsTactic() {
        ActorProfile profile = new ActorProfile("intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f", "menuPass", "G0045",
                List.of(new ActorCard.Alias("menuPass", List.of("MITRE ATT&CK"))), List.of(), List.of(), List.of(), List.of(),
                Map.of("initial-access", List.of(new ActorProfile.Named("attack-pattern--x", "Spearphishing Attachment", "T1566.001", null)),
                        "execution", List.of(new ActorProfile.Named("attack-pattern--y", "PowerShell", "T1059.001", null))),
                List.of(), List.of(), List.of(), null, null, List.of(), null);
        ObjectNode layer = NavigatorLayer.ofActor(profile);
        assertThat(layer.path("versions").path("layer").asText()).isEqualTo("4.5");
        assertThat(layer.path("domain").asText()).isEqualTo("enterprise-attack");
        assertThat(layer.path("name").asText()).isEqualTo("menuPass (G0045)");
        assertThat(layer.path("techniques")).hasSize(2);
        assertThat(layer.path("techniques").toString()).contains("\"techniqueID\":\"T1566.001\"", "\"tactic\":\"initial-access\"");
    }

    @Test
    void aRankingLayerScoresTechniquesByTheGroupsThatShareThem() {
        List<SimilarityModel.Ranked> ranking = List.of(
                new SimilarityModel.Ranked("g1", "A", "G0001", 2.0, List.of(), List.of(), List.of()),
                new SimilarityModel.Ranked("g2", "B", "G0002", 1.0, List.of(), List.of(), List.of()));
        ObjectNode layer = NavigatorLayer.ofRanking(ranking, Map.of("g1", List.of("T1", "T2"), "g2", List.of("T2")), List.of("T2"));
        assertThat(layer.path("gradient").path("maxValue").asInt()).isEqualTo(100);
        assertThat(layer.path("techniques").toString()).contains("{\"techniqueID\":\"T2\",\"score\":100,\"comment\":\"observed\"");
        assertThat(layer.path("techniques").get(0).path("score").asInt()).isEqualTo(67);
    }
}
