package org.sightline.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sightline.error.ConflictException;
import org.sightline.error.InvalidInputException;

class VersionsTest {
    private static final StixObject MALWARE = StixObject.parse("""
            {"type":"malware","spec_version":"2.1","id":"malware--6d3f5a4e-2c1b-4d7e-9f0a-1b2c3d4e5f60","created":"2020-01-01T00:00:00.000Z",
             "modified":"2099-01-01T00:00:00.000Z","name":"PlugX","is_family":true}""");

    @Test
    void aNextVersionIsStrictlyLaterAndKeepsWhatIdentifiesTheObject() {
        ObjectNode next = Versions.next(MALWARE, version -> version.put("description", "a RAT"));
        assertThat(next.path("description").asText()).isEqualTo("a RAT");
        assertThat(next.path("modified").asText()).isEqualTo("2099-01-01T00:00:00.001Z"); // the clock is behind: 1 ms later
        assertThat(next.path("created").asText()).isEqualTo("2020-01-01T00:00:00.000Z");
        assertThat(MALWARE.json().has("description")).as("the current version is not edited in place").isFalse();
        ObjectNode dated = Versions.next(MALWARE, Instant.parse("2100-05-01T00:00:00Z"), version -> { });
        assertThat(dated.path("modified").asText()).startsWith("2100-05-01T00:00:00");
    }

    @Test
    void whatIdentifiesAnObjectCannotChange() {
        for (String fixed : Versions.FIXED) {
            assertThatThrownBy(() -> Versions.next(MALWARE, version -> version.put(fixed, "other")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("'" + fixed + "' cannot change");
        }
        ObjectNode proposed = MALWARE.json().deepCopy().put("created", "2024-01-01T00:00:00.000Z").put("name", "Korplug");
        ObjectNode replaced = Versions.replacing(MALWARE, proposed, null);
        assertThat(replaced.path("name").asText()).isEqualTo("Korplug");
        assertThat(replaced.path("created").asText()).isEqualTo("2020-01-01T00:00:00.000Z");
    }

    @Test
    void aRevokedObjectAndAnObservableGetNoFurtherVersion() {
        StixObject revoked = new StixObject(Versions.revoke(MALWARE));
        assertThat(revoked.revoked()).isTrue();
        assertThatThrownBy(() -> Versions.next(revoked, version -> version.put("name", "again")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is revoked");
        StixObject domain = StixObject.parse("""
                {"type":"domain-name","spec_version":"2.1","id":"domain-name--6d3f5a4e-2c1b-4d7e-9f0a-1b2c3d4e5f61","value":"example.com"}""");
        assertThatThrownBy(() -> Versions.revoke(domain)).isInstanceOf(InvalidInputException.class).hasMessageContaining("has no versions");
    }
}
