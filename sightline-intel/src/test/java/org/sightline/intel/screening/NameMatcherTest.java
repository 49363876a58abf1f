package org.sightline.intel.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spellings of one name score high; another name that only looks alike does not. */
class NameMatcherTest {
    private final NameMatcher matcher = new NameMatcher();

    private double score(String a, String b) {
        return matcher.compare(ScreeningName.of(a), ScreeningName.of(b)).score();
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "Zhang Shilong|Zhang Shilong", "Shilong Zhang|Zhang Shilong", "ZHANG Shi-long|Zhang Shilong", "Zhang Shi Long|Zhang Shilong",
            "zhang shilong|ZHANG, Shilong", "Zhāng Shìlóng|Zhang Shilong", "Zhang Shilon|Zhang Shi Long", "Z. Shilong|Zhang Shilong",
            "Huaying Haitai Science and Technology Development Co. Ltd.|HUAYING HAITAI SCIENCE AND TECHNOLOGY DEVELOPMENT COMPANY",
            "Elvis Logan Morey|LOGAN MOREY, Elvis Angus"})
    void spellingsOfOneNameMatch(String query, String listed) {
        assertThat(score(query, listed)).isGreaterThanOrEqualTo(0.85);
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(delimiter = '|', value = {"Wei Zhang|Lei Zhang", "Zhang Shilong|Zhang Jianguo", "Iran Aircraft Industries|I&S Holding Company",
            "Boyusec|Huaying Haitai"})
    void otherNamesThatLookAlikeDoNot(String query, String listed) {
        assertThat(score(query, listed)).isLessThan(0.8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Guangzhou Bo Yu Information Technology Company Limited|guangzhou bo yu information technology",
            "北京有限公司|北京"})
    void legalFormsAreNotPartOfTheName(String name, String expected) {
        assertThat(String.join(" ", ScreeningName.of(name).tokens())).isEqualTo(expected);
    }
}
