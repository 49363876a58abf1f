package org.sightline.pattern.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.error.LimitExceededException;
import org.sightline.stix.json.StixJson;

/** An untrusted pattern stops at its budget, naming the limit, instead of holding a core or the heap. */
class EvaluationBudgetTest {

    /** {@code count} observed-data objects, each a domain name, one second apart. */
    static List<JsonNode> domains(int count, String value) {
        List<JsonNode> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String time = String.format("2024-01-01T00:%02d:%02d.000Z", i / 60, i % 60);
            documents.add(StixJson.parseObject("{\"type\":\"observed-data\",\"spec_version\":\"2.1\",\"id\":\"observed-data--"
                    + String.format("%08d", i) + "-0000-4000-8000-000000000000\",\"created\":\"" + time + "\",\"modified\":\"" + time
                    + "\",\"first_observed\":\"" + time + "\",\"last_observed\":\"" + time + "\",\"number_observed\":1,"
                    + "\"objects\":{\"0\":{\"type\":\"domain-name\",\"value\":\"" + value + "\"}}}", "observation " + i));
        }
        return documents;
    }

    @Test
    void aBacktrackingRegularExpressionStopsAtTheDeadline() {
        // 31 a's wanted in 30: Java's regex engine tries every way of splitting them, which would take years
        String evil = "[domain-name:value MATCHES '(.*a){31}']";
        List<JsonNode> observations = domains(1, "a".repeat(30));
        // a stop for this test should the budget fail, not a measure of speed
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () ->
                assertThatThrownBy(() -> PatternMatching.match(evil, "2.1", observations,
                        EvaluationBudget.of(Duration.ofMillis(200), 1_000_000)))
                        .isInstanceOf(LimitExceededException.class).hasMessageContaining("longer than 200 ms"));
    }

    @Test
    void repeatsOverManyObservationsStopsAtTheBindingLimit() {
        // ten distinct observations of one domain, then another that never comes: every combination is tried
        String pattern = "([domain-name:value = 'x.example'] REPEATS 10 TIMES) AND [domain-name:value = 'never.example']";
        List<JsonNode> observations = domains(100, "x.example");
        assertThatThrownBy(() -> PatternMatching.match(pattern, "2.1", observations, EvaluationBudget.of(Duration.ofSeconds(30), 100_000)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("more than 100000 candidate bindings");
    }

    @Test
    void anOrdinaryPatternMatchesWithinItsBudget() {
        MatchResult result = PatternMatching.match("[domain-name:value LIKE '%.example'] REPEATS 3 TIMES", "2.1",
                domains(20, "x.example"), EvaluationBudget.of(Duration.ofSeconds(2), 1_000_000));
        assertThat(result.matched()).isTrue();
    }
}
