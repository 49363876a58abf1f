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
            "Elvis Logan Morey|LOGAN MOREY, Elvis Angus",
            "Евгений Михайлович Богачёв|Evgeniy Mikhailovich BOGACHEV", "Yevgeniy Bogachev|Evgeniy BOGACHEV",
            "Muhammad Jamal|JAMAL, Mohammed", "محمد جمال|Muhammad JAMAL", "Radzhab Dayyub|Rajab DAYYUB", "Dmitri Ivanoff|Dmitriy IVANOV",
            "Abd al-Rahman el-Masri|Abd al Rahman AL MASRI", "Daniel Perez Rohas|Daniel PEREZ ROJAS", "Ali Akbar Amhadian|Ali Akbar AHMADIAN",
            "Syrian Gas Compani|SYRIAN GAS COMPANY", "Pars Oil and Gas Comp-any|PARS OIL AND GAS COMPANY", "Agustin Grajales y Kia|AGUSTIN GRAJALES Y CIA"})
    void spellingsOfOneNameMatch(String query, String listed) {
        assertThat(score(query, listed)).isGreaterThanOrEqualTo(0.85);
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(delimiter = '|', value = {"Wei Zhang|Lei Zhang", "Zhang Shilong|Zhang Jianguo", "Iran Aircraft Industries|I&S Holding Company",
            "Boyusec|Huaying Haitai", "Kyong Ok Kil|Kyong Ok KIM", "Juan Luis Guzman Barron|Juan Luis GUZMAN ENRIQUEZ",
            "Martyrs Shanghai in Lebanon|MARTYRS FOUNDATION IN LEBANON", "Hassan Ali|Hussein ALI", "Zhang Wei|ZENG Wei",
            "GBS Inversiones S.A.|INVERSIONES MPS S.A."})
    void otherNamesThatLookAlikeDoNot(String query, String listed) {
        assertThat(score(query, listed)).isLessThan(0.8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Guangzhou Bo Yu Information Technology Company Limited|guangzhou bo yu information technology",
            "北京有限公司|北京", "PALMERA S.A.|palmera", "Ivan D.O.O.|ivan", "Иван Петров|ivan petrov", "Salah el-Din ibn Yusuf|salah al din bin yusuf",
            "AL-FAQIH, Sa'd|al faqih sad", "JAMA'AT UD DAWA|jamaat al dawa", "Malek-e Ashtar|malek ashtar", "Ayadi Chafik ben Muhammad|ayadi chafik bin muhammad"})
    void legalFormsAreNotPartOfTheNameAndScriptsBecomeLatin(String name, String expected) {
        assertThat(String.join(" ", ScreeningName.of(name).tokens())).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theReasonsNameTheWordsThatDifferAndHowTheyWerePaired() {
        var similarity = matcher.compare(ScreeningName.of("Juan Luis Guzman Barron"), ScreeningName.of("Juan Luis GUZMAN ENRIQUEZ"));
        assertThat(similarity.reasons()).anySatisfy(reason -> assertThat(reason).contains("'barron' stands where the listed name has 'enriquez'"));
        var alike = matcher.compare(ScreeningName.of("Muhammad Jamal"), ScreeningName.of("JAMAL, Mohammed"));
        assertThat(alike.reasons().get(0)).contains("'muhammad' ~ 'mohammed'");
    }
}
