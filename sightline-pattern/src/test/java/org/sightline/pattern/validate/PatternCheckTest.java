package org.sightline.pattern.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.validation.StixValidator;
import org.sightline.stix.validation.ValidationIssue;

/** The STIX validator, given this module's grammar, refuses an indicator whose pattern does not parse and says where. */
class PatternCheckTest {
    private final StixValidator validator = new StixValidator(new PatternValidator());

    private static ObjectNode indicator(String pattern) {
        ObjectNode indicator = StixJson.parseObject("""
                {"type":"indicator","spec_version":"2.1","id":"indicator--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d",
                 "created":"2018-08-31T10:00:00.000Z","modified":"2018-08-31T10:00:00.000Z",
                 "pattern_type":"stix","valid_from":"2018-08-31T10:00:00Z"}""", "test");
        return indicator.put("pattern", pattern);
    }

    @Test
    void anIndicatorWhosePatternDoesNotParseIsAnErrorThatSaysWhere() {
        assertThat(validator.validate(indicator("[ipv4-addr:value = '198.51.100.1'")))
                .filteredOn(ValidationIssue::isError).extracting(ValidationIssue::message).singleElement().asString()
                .startsWith("indicator--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d: 'pattern' is not a valid STIX 2.1 pattern: "
                        + "pattern syntax error at line 1:")
                .endsWith("(STIX 2.1 §9)");
        assertThat(validator.validate(indicator("ipv4-addr:value = '198.51.100.1'"))).extracting(ValidationIssue::message)
                .singleElement().asString().contains("line 1:0", "missing square brackets");
    }

    @Test
    void theRulesBeyondTheGrammarCountTooAndAValidPatternPasses() {
        assertThat(validator.validate(indicator("[file:hashes.'SHA-256' = 'abc']"))).extracting(ValidationIssue::message)
                .singleElement().asString().contains("'pattern' is not a valid STIX 2.1 pattern");
        assertThat(validator.validate(indicator("[ipv4-addr:value = '198.51.100.1'] AND [domain-name:value = 'a.example']")))
                .isEmpty();
    }
}
