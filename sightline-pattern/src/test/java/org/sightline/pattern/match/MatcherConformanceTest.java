package org.sightline.pattern.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sightline.pattern.ast.Pattern;
import org.sightline.pattern.parse.PatternParser;
import org.sightline.pattern.parse.PatternSyntaxException;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.testdata.SharedData;

/** Every case of ../shared/data/patterns/matcher-cases-v21.json (the OASIS reference matcher's suite), one test each. */
class MatcherConformanceTest {

    static Stream<Arguments> cases() throws IOException {
        JsonNode suite = StixJson.mapper().readTree(SharedData.require("patterns/matcher-cases-v21.json").toFile());
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : suite.path("cases")) {
            cases.add(Arguments.of(Named.of(c.path("id").asText(), c)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseAgreesWithTheReference(JsonNode c) {
        List<JsonNode> documents = new ArrayList<>();
        c.path("observations").forEach(documents::add);
        assertAgrees(c, c.path("stix_version").asText("2.1"), documents);
    }

    /** The case's expectation (match, no match, the bindings, or the error), for its pattern read as {@code stixVersion} against {@code documents}. */
    static void assertAgrees(JsonNode c, String stixVersion, List<JsonNode> documents) {
        String text = c.path("pattern").asText();
        String expected = c.path("expected").asText();
        if (expected.equals("parse_error")) {
            assertThatThrownBy(() -> PatternParser.parse(text, stixVersion)).as(text).isInstanceOf(PatternSyntaxException.class);
            return;
        }
        Pattern pattern = PatternParser.parse(text, stixVersion);
        if (expected.equals("matcher_error")) {
            assertThatThrownBy(() -> PatternMatcher.match(pattern, ObservationSet.of(documents)))
                    .as(text).isInstanceOf(MatcherException.class);
            return;
        }
        MatchResult result = PatternMatcher.match(pattern, ObservationSet.of(documents));
        switch (expected) {
            case "match" -> assertThat(result.matched()).as(text).isTrue();
            case "no_match" -> assertThat(result.matched()).as(text).isFalse();
            case "match_sdo_ids" -> {
                List<String> ids = new ArrayList<>();
                c.path("expected_ids").forEach(id -> ids.add(id.asText()));
                assertThat(result.firstBinding()).as(text).containsExactlyInAnyOrderElementsOf(ids);
            }
            case "match_count" -> {
                assertThat(result.firstBinding()).as(text).hasSize(c.path("expected_count").asInt());
                if (c.has("expected_first_id")) {
                    assertThat(result.firstBinding().get(0)).isEqualTo(c.path("expected_first_id").asText());
                }
            }
            default -> throw new AssertionError("unknown expectation " + expected);
        }
    }
}
