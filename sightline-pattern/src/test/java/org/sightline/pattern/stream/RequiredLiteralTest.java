package org.sightline.pattern.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredLiteralTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", value = {
        "'^evil\\.example\\.com$', 'evil.example.com'",
        "'^ise\\.', 'ise.'",
        "'[a-z]+\\.badsite\\.org', '.badsite.org'",
        "'colou?r-server', 'r-server'",
        "'(a|b)c', NULL",
        "'alpha|beta', NULL",
        "'(?i)evil', NULL",
        "'x{2,5}yzw', 'yzw'",
        "'\\d+-payload-\\d+', '-payload-'"})
    void findsARunEveryMatchContains(String regex, String literal) {
        assertThat(RequiredLiteral.of(regex)).isEqualTo(literal);
    }
}
