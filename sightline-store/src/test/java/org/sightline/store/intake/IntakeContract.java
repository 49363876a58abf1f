package org.sightline.store.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** The one way into the store, the same on every backend: one policy, all or nothing where asked, the index and the after-write steps in step. */
abstract class IntakeContract {
    private TestStore test;
    private Intake intake;

    abstract Backend backend();

    @BeforeEach
    void open() {
        test = backend().open();
        intake = test.knowledge().intake();
    }

    @AfterEach
    void close() {
        if (test != null) {
            test.close();
        }
    }

    /** A STIX 2.0 identity (no spec_version), named for the search index. */
    private static ObjectNode identity(int n, String name) {
        return StixJson.parseObject("{\"type\":\"identity\",\"id\":\"identity--" + String.format("%08d", n) + "-0000-4000-8000-000000000000\","
                + "\"created\":\"2016-04-06T20:03:00.000Z\",\"modified\":\"2016-04-06T20:03:00.000Z\",\"name\":\"" + name + "\","
                + "\"identity_class\":\"organization\"}", "test");
    }

    private static ObjectNode marked(ObjectNode object, Tlp level) {
        object.putArray("object_marking_refs").add(level.markingId());
        return object;
    }

    private static ObjectNode broken() {
        return StixJson.parseObject("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--00000099-0000-4000-8000-000000000000\","
                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"pattern\":\"[ipv4-addr:value = ]\","
                + "\"pattern_type\":\"stix\"}", "test");
    }

    @Test
    void aStix20ObjectIsUpgradedAndAnInvalidOneIsRefusedWithEveryReason() {
        Intake.Checked upgraded = intake.check(identity(1, "Partner CERT"), "object 0", null);
        assertThat(upgraded.accepted()).isTrue();
        assertThat(upgraded.object().path("spec_version").asText()).isEqualTo("2.1");
        Intake.Checked refused = intake.check(broken(), "object 1", null);
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.errors()).hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(error -> error.contains("pattern")).anyMatch(error -> error.contains("valid_from"));
    }

    @Test
    void writeAllTakesEveryObjectOrNoneAndNamesEachRefusal() {
        assertThatThrownBy(() -> intake.writeAll(List.of(identity(2, "Kept out"), broken()), "the upload", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the upload: 1 of 2 objects refused, nothing written")
                .satisfies(e -> assertThat(((InvalidInputException) e).details()).singleElement().asString()
                        .startsWith("the upload object 1 (indicator--00000099"));
        assertThat(test.store().current("identity--00000002-0000-4000-8000-000000000000")).isEmpty();

        Intake.Outcome written = intake.writeAll(List.of(identity(3, "Partner CERT")), "the upload", null);
        assertThat(written.written().added()).isEqualTo(1);
        assertThat(test.store().current("identity--00000003-0000-4000-8000-000000000000").orElseThrow().text("spec_version")).isEqualTo("2.1");
        assertThat(test.knowledge().search("Partner CERT", java.util.Set.of(), 10)).as("what was written is found")
                .anyMatch(hit -> hit.id().equals("identity--00000003-0000-4000-8000-000000000000"));
    }

    @Test
    void writeEachTakesTheValidOnesAndWriteWholeTakesEachRecordWholeOrNotAtAll() {
        Intake.Outcome each = intake.writeEach(List.of(identity(4, "Taken"), broken()), "the envelope", null);
        assertThat(each.written().added()).isEqualTo(1);
        assertThat(each.refused()).singleElement().extracting(Intake.Refusal::id).isEqualTo("indicator--00000099-0000-4000-8000-000000000000");

        Map<String, List<ObjectNode>> records = new LinkedHashMap<>();
        records.put("topic@0:1", List.of(identity(5, "Whole record")));
        records.put("topic@0:2", List.of(identity(6, "Refused with its record"), broken()));
        Intake.Outcome whole = intake.writeWhole(records, null);
        assertThat(whole.written().added()).isEqualTo(1);
        assertThat(whole.refused()).singleElement().extracting(Intake.Refusal::where).isEqualTo("topic@0:2");
        assertThat(test.store().current("identity--00000006-0000-4000-8000-000000000000")).as("nothing of a refused record").isEmpty();
    }

    @Test
    void aWriterCannotWriteAboveItsClearanceNorOverAnIdItMayNotRead() {
        assertThat(intake.check(marked(identity(7, "Amber"), Tlp.AMBER), "object 0", Tlp.GREEN).message())
                .contains("marked TLP:AMBER, above this token's clearance TLP:GREEN");
        intake.writeAll(List.of(marked(identity(8, "Amber original"), Tlp.AMBER)), "setup", null);
        ObjectNode overwrite = identity(8, "Overwritten by a green writer");
        overwrite.put("spec_version", "2.1");
        overwrite.put("modified", "2024-01-01T00:00:00.000Z");
        assertThat(intake.check(overwrite, "object 0", Tlp.GREEN).message()).contains("this id may not be written with this token");
        assertThat(intake.check(identity(9, "Clear"), "object 0", Tlp.GREEN).accepted()).isTrue();
    }

    @Test
    void theAfterWriteStepsRunAfterEachWriteAndOnceAtTheEndOfABatch() {
        List<Map<String, Long>> runs = new ArrayList<>();
        intake.afterWrite("record", added -> {
            runs.add(added);
            return 0;
        });
        intake.writeAll(List.of(identity(10, "One")), "first", null);
        assertThat(runs).containsExactly(Map.of("identity", 1L));
        runs.clear();
        Intake.Batched<Integer> batch = intake.batch(() -> {
            intake.writeAll(List.of(identity(11, "Two")), "second", null);
            intake.writeAll(List.of(identity(12, "Three")), "third", null);
            intake.writeAll(List.of(identity(12, "Three")), "again", null); // unchanged: adds nothing
            return 3;
        });
        assertThat(batch.result()).isEqualTo(3);
        assertThat(runs).as("once, over everything the batch added").containsExactly(Map.of("identity", 2L));
        runs.clear();
        intake.writeAll(List.of(identity(12, "Three")), "unchanged", null);
        assertThat(runs).as("a write that adds nothing runs no step").isEmpty();
    }
}
