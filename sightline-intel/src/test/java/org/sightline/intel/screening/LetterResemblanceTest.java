package org.sightline.intel.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LetterResemblanceTest {
    private final List<ScreeningName> listed = List.of(ScreeningName.of("Dzmitry Valeryevich PAULICHENKA"),
            ScreeningName.of("Ali Hasan MUHAMMAD"), ScreeningName.of("Muhammad ALI"), ScreeningName.of("KURDISTAN WORKERS' PARTY"));
    private final LetterResemblance resemblance = new LetterResemblance(listed);

    private double cosine(String query, int position) {
        return resemblance.cosine(resemblance.query(ScreeningName.of(query)), position);
    }

    @Test
    void rareLettersInCommonOutweighCommonOnes() {
        assertThat(cosine("Dzmitry Valeryevich PAULICHENKA", 0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        double respelt = cosine("PAVLIUCHENKO, Dmitri Valeryevich", 0);
        assertThat(respelt).isGreaterThan(cosine("PAVLIUCHENKO, Dmitri Valeryevich", 1)).isGreaterThan(0.3);
        assertThat(cosine("Partiya Karkeran Kurdistan", 3)).isGreaterThan(cosine("Partiya Karkeran Kurdistan", 2));
        assertThat(cosine("Zhang Wei", 3)).isZero();
    }

    @Test
    void screeningShowsAResemblanceByLettersOnlyBelowItsCeilingAndSaysSo() {
        Screening screening = new Screening(List.of(new ListEntry("identity--1", "Dzmitry Valeryevich PAULICHENKA", List.of(), "individual",
                List.of(), List.of(), List.of(), List.of(), "test")));
        List<Screening.Match> low = screening.screen(new Screening.Query("Paulichenkovich Valerievski"), 0.05);
        assertThat(low).hasSize(1);
        assertThat(low.get(0).score()).isLessThanOrEqualTo(LetterResemblance.MOST);
        assertThat(low.get(0).reasons().toString()).contains("trigram cosine");
        assertThat(screening.screen(new Screening.Query("Partiya Karkeran"), 0.05)).isEmpty();
        assertThat(screening.screen(new Screening.Query("Valerevich PAVLYUCHENKO"), 0.75))
                .allSatisfy(match -> assertThat(match.reasons().toString()).doesNotContain("trigram"));
    }
}
