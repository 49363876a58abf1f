package org.sightline.pattern.atoms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sightline.pattern.parse.PatternParser;

class AtomicPartsTest {
    private static AtomicParts.Result atoms(String pattern) {
        return AtomicParts.of(PatternParser.parse(pattern));
    }

    @Test
    void alternativesOfSingleValuesSplitIntoOneAtomEach() {
        var result = atoms("[domain-name:value = 'evil.example' OR domain-name:value = 'bad.example'] OR [ipv4-addr:value IN ('203.0.113.7', '198.51.100.9')]"
                + " OR [file:hashes.'SHA-256' = 'aa11'] OR ([ipv4-addr:value ISSUBSET '192.0.2.0/24'])");
        assertThat(result.atomic()).isTrue();
        assertThat(result.atoms()).extracting(AtomicParts.Atom::pattern).containsExactly("[domain-name:value = 'evil.example']",
                "[domain-name:value = 'bad.example']", "[ipv4-addr:value = '203.0.113.7']", "[ipv4-addr:value = '198.51.100.9']",
                "[file:hashes.'SHA-256' = 'aa11']", "[ipv4-addr:value ISSUBSET '192.0.2.0/24']");
        assertThat(result.atoms().get(5).network()).isTrue();
        for (AtomicParts.Atom atom : result.atoms()) { // each atom is a valid pattern of itself alone
            assertThat(atoms(atom.pattern()).atoms()).containsExactly(atom);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[ipv4-addr:value = '203.0.113.7' AND ipv4-addr:value = '203.0.113.8']|AND must hold together",
            "[domain-name:value = 'a.example'] AND [domain-name:value = 'b.example']|must all be seen",
            "[domain-name:value = 'a.example'] FOLLOWEDBY [domain-name:value = 'b.example']|must all be seen",
            "[domain-name:value = 'a.example'] REPEATS 5 TIMES|qualifier",
            "[domain-name:value != 'a.example']|operator !=",
            "[domain-name:value NOT = 'a.example']|negated",
            "[url:value LIKE 'http://%.example/%']|operator LIKE",
            "[network-traffic:dst_ref.value = '203.0.113.7']|reference",
            "[network-traffic:dst_port = 443]|not a string",
            "[domain-name:value = 'a.example' OR EXISTS domain-name:resolves_to_refs]|EXISTS"})
    void whatCannotBeLookedUpValueByValueIsRefusedWithTheReason(String pattern, String reason) {
        var result = atoms(pattern);
        assertThat(result.atomic()).isFalse();
        assertThat(result.atoms()).isEmpty();
        assertThat(result.whyNot()).contains(reason);
    }

    @Test
    void theHashesOfOneFileJoinedByAndAreEachEnoughButANameBesideAHashIsNot() {
        var hashes = atoms("[file:hashes.MD5 = '0997ba7292ddbac1c7e7ade6766ed53c' AND file:hashes.'SHA-256' = '3208ef']");
        assertThat(hashes.atoms()).extracting(AtomicParts.Atom::pattern)
                .containsExactly("[file:hashes.MD5 = '0997ba7292ddbac1c7e7ade6766ed53c']", "[file:hashes.'SHA-256' = '3208ef']");
        assertThat(atoms("[file:name = 'a.exe' AND file:hashes.MD5 = '0997ba7292ddbac1c7e7ade6766ed53c']").atomic()).isFalse();
        assertThat(atoms("[file:hashes.MD5 = 'a' AND file:hashes.MD5 = 'b']").atomic()).isFalse();
        assertThat(atoms("[file:hashes.MD5 = 'a' AND x509-certificate:hashes.MD5 = 'b']").atomic()).isFalse();
    }

    @Test
    void anAtomQuotesItsValueAsAPatternDoes() {
        assertThat(new AtomicParts.Atom("file", java.util.List.of("name"), "it's \\ here", false).pattern()).isEqualTo("[file:name = 'it\\'s \\\\ here']");
    }
}
