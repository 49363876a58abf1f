package org.sightline.pattern.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast path for [type:path = 'value'] builds exactly what the grammar builds, or steps aside. */
class SimplePatternsPropertyTest {

    @Property(tries = 2000)
    void theFastPathAgreesWithTheGrammar(@ForAll("simpleLooking") String text) {
        Object viaGrammar;
        try {
            viaGrammar = PatternParser.parseWithGrammar(text, "2.1");
        } catch (PatternSyntaxException e) {
            viaGrammar = null;
        }
        var fast = SimplePatterns.tryParse(text);
        if (fast != null) {
            assertThat(viaGrammar).as(text).isNotNull();
            assertThat(PatternParser.parse(text, "2.1")).as(text).isEqualTo(viaGrammar);
        } else if (viaGrammar != null) {
            assertThat(PatternParser.parse(text, "2.1")).as(text).isEqualTo(viaGrammar);
        }
    }

    @Provide
    Arbitrary<String> simpleLooking() {
        Arbitrary<String> names = Arbitraries.of("ipv4-addr", "file", "x-custom", "AND", "true", "domain-name", "a");
        Arbitrary<String> keys = Arbitraries.of("value", "hashes", "'SHA-256'", "'it''s'", "'a\\\\b'", "MD5", "OR", "x_y", "'q\\'t'");
        Arbitrary<String> values = Arbitraries.strings().withChars("ab'\\ .-é").ofMaxLength(6)
                .map(v -> v.replace("\\", "\\\\").replace("'", "\\'"));
        Arbitrary<String> spaces = Arbitraries.of("", " ", "  ", "\t");
        return Combinators.combine(names, keys, keys.list().ofMaxSize(2), values, spaces).as((type, first, more, value, space) ->
                "[" + space + type + ":" + (first.startsWith("'") ? "x" : first) + String.join("", more.stream().map(k -> "." + k).toList())
                        + space + "=" + space + "'" + value + "'" + space + "]");
    }

    @Test
    void keywordsAndBrokenTextAreLeftToTheGrammar() {
        assertThat(SimplePatterns.tryParse("[AND:value = 'x']")).isNull();
        assertThatThrownBy(() -> PatternParser.parse("[AND:value = 'x']")).isInstanceOf(PatternSyntaxException.class);
        assertThat(SimplePatterns.tryParse("[file:hashes.'SHA-256' = 'ab'] AND [x:y = 'z']")).isNull();
    }
}
