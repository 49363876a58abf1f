package org.sightline.store.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameKeyTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "APT10, apt10", "APT 10, apt10", "apt-10, apt10", "Stone Panda, stonepanda", "stone-panda, stonepanda",
        "'  STONE   PANDA ', stonepanda", "BRONZE RIVERSIDE, bronzeriverside", "Red Apollo!, redapollo",
        "Crème Brûlée, cremebrulee", "TG-0110, tg0110"})
    void spacingCaseHyphensPunctuationAndAccentsDoNotMatter(String name, String key) {
        assertThat(NameKey.of(name)).isEqualTo(key);
    }
}
