package org.sightline.ingest.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.stix.StixTypes;
import org.sightline.stix.json.StixReader;
import org.sightline.stix.testdata.SharedData;
import org.sightline.stix.validation.StixValidator;
import org.sightline.store.StixStore.ObjectQuery;
import org.sightline.store.StixStore;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** Importing and exporting bundles, on every store backend. */
abstract class BundleImportContract {
    private static final String GOOD_INDICATOR = """
            {"type":"indicator","spec_version":"2.1","id":"indicator--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d",
             "created":"2018-08-31T10:00:00.000Z","modified":"2018-08-31T10:00:00.000Z",
             "pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2018-08-31T10:00:00Z"}""";
    private static final String BAD_INDICATOR = """
            {"type":"indicator","spec_version":"2.1","id":"indicator--1f2e3d4c-5b6a-4789-8abc-def012345678",
             "created":"2018-08-31T10:00:00.000Z","modified":"2018-08-31T10:00:00.000Z",
             "pattern":"[ipv4-addr:value = '198.51.100.2']","pattern_type":"stix"}""";

    private TestStore test;
    private StixStore store;
    private BundleImporter importer;

    @TempDir
    Path temp;

    abstract Backend backend();

    @BeforeEach
    void open() {
        test = backend().open();
        store = test.store();
        importer = new BundleImporter(test.knowledge().intake());
    }

    @AfterEach
    void close() {
        if (test != null) {
            test.close();
        }
    }

    private ImportReport importPaths(Path... paths) {
        return importer.importPaths(List.of(paths), ImportOptions.strict(), ImportProgress.NONE);
    }

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void attackEnterpriseImportsWholeAndAgainAsANoOp() {
        Path attack = SharedData.enterpriseAttack();
        ImportReport first = importPaths(attack);
        assertThat(first.anyRejected()).isFalse();
        assertThat(first.imported()).isEqualTo(24_771);
        assertThat(first.byType()).containsEntry("intrusion-set", 187L).containsEntry("relationship", 20_048L);
        assertThat(store.stats().versions()).isEqualTo(24_771);

        ImportReport second = importPaths(attack);
        assertThat(second.imported()).isZero();
        assertThat(second.unchanged()).isEqualTo(24_771);
        assertThat(test.knowledge().search("menuPass", Set.of("intrusion-set"), 5)).isNotEmpty();
    }

    @Test
    void oneInvalidObjectLeavesTheStoreUnchangedAndIsNamed() throws IOException {
        Path bundle = write("bad.json", "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\","
                + "\"objects\":[" + GOOD_INDICATOR + ",\n" + BAD_INDICATOR + "]}");
        ImportReport report = importPaths(bundle);
        assertThat(report.anyRejected()).isTrue();
        assertThat(report.imported()).isZero();
        assertThat(report.invalid()).isEqualTo(1);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.objectId()).isEqualTo("indicator--1f2e3d4c-5b6a-4789-8abc-def012345678");
            assertThat(r.describe()).contains("bad.json line 4 (object 1)", "'valid_from' is required for indicator (STIX 2.1 §4.7)");
        });
        assertThat(store.lastSequence()).isZero();
        assertThat(store.stats().objects()).isZero();
    }

    @Test
    void anIndicatorWhosePatternDoesNotParseIsRejectedWithWhere() throws IOException {
        String unparsable = GOOD_INDICATOR.replace("\"pattern\":\"[", "\"pattern\":\"[[");
        assertThat(unparsable).isNotEqualTo(GOOD_INDICATOR);
        ImportReport report = importPaths(write("pattern.json", "[" + unparsable + "]"));
        assertThat(report.anyRejected()).isTrue();
        assertThat(report.rejections()).singleElement().satisfies(r ->
                assertThat(r.describe()).contains("'pattern' is not a valid STIX 2.1 pattern", "line 1:"));
        assertThat(store.stats().objects()).isZero();
    }

    @Test
    void aRejectedDocumentLeavesNothingInTheSearchIndexEither() throws IOException {
        String named = """
                {"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--0f1e2d3c-4b5a-4697-8887-a6b5c4d3e2f1",
                 "created":"2018-08-31T10:00:00.000Z","modified":"2018-08-31T10:00:00.000Z","name":"Bogus Panda"}""";
        ImportReport report = importPaths(write("rejected.json", "[" + named + "," + BAD_INDICATOR + "]"));
        assertThat(report.anyRejected()).isTrue();
        assertThat(test.knowledge().search("bogus panda", Set.of(), 5)).isEmpty();

        ImportReport accepted = importPaths(write("accepted.json", "[" + named + "]"));
        assertThat(accepted.imported()).isEqualTo(1);
        assertThat(test.knowledge().index().indexedSequence()).isEqualTo(store.lastSequence());
        assertThat(test.knowledge().search("bogus panda", Set.of(), 5)).extracting(h -> h.name()).containsExactly("Bogus Panda");
    }

    @Test
    void skipInvalidImportsTheValidObjectsAndReportsTheRest() throws IOException {
        Path bundle = write("mixed.json", "[" + GOOD_INDICATOR + "," + BAD_INDICATOR + "]");
        ImportReport report = importer.importPaths(List.of(bundle), new ImportOptions(true), ImportProgress.NONE);
        assertThat(report.anyRejected()).isFalse();
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.invalid()).isEqualTo(1);
        assertThat(store.current("indicator--9c6113a8-6e0e-4ae2-9a5c-6e3b8f3b9a1d")).isPresent();
    }

    @Test
    void rejectionsAreListedUpToFiftyAndAllCounted() throws IOException {
        StringBuilder objects = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            objects.append(i == 0 ? "" : ",").append(BAD_INDICATOR.replace("5678\"", String.format("%04d\"", i)));
        }
        ImportReport report = importPaths(write("many.json", "[" + objects + "]"));
        assertThat(report.invalid()).isEqualTo(60);
        assertThat(report.rejections()).hasSize(50);
    }

    @Test
    void malformedJsonRejectsTheDocumentWithItsPosition() throws IOException {
        importPaths(write("good.json", "[" + GOOD_INDICATOR + "]"));
        long before = store.lastSequence();
        ImportReport report = importPaths(write("broken.json", "[" + BAD_INDICATOR.replace("}", "") + "]"));
        assertThat(report.anyRejected()).isTrue();
        assertThat(report.files().get(0).message()).contains("broken.json: not valid JSON at line");
        assertThat(store.lastSequence()).isEqualTo(before);
    }

    @Test
    void aFolderImportsRecursivelyEachDocumentOnItsOwn() throws IOException {
        Files.createDirectories(temp.resolve("feed/sub"));
        write("feed/one.json", "[" + GOOD_INDICATOR + "]");
        write("feed/sub/two.json", "[" + BAD_INDICATOR + "]");
        write("feed/README.md", "not a bundle");
        ImportReport report = importPaths(temp.resolve("feed"));
        assertThat(report.files()).hasSize(2);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.files()).filteredOn(FileOutcome::rejected).singleElement()
                .satisfies(f -> assertThat(f.source()).endsWith("two.json"));
    }

    @Test
    void theOfficialExamplesImportIncludingTwoPointZeroAndVersionedObjects() {
        ImportReport report = importPaths(SharedData.require("stix-examples"));
        assertThat(report.rejections()).isEmpty();
        assertThat(report.anyRejected()).isFalse();
        // The python-stix2 data holds three versions of one malware, each in its own file.
        assertThat(store.versions("malware--6b616fc1-1505-48e3-8b2c-0d19337bff38")).hasSizeGreaterThanOrEqualTo(3);
        // and one STIX 2.0 malware, upgraded on the way in
        assertThat(store.current("malware--b42378e0-f147-496f-992a-26a49705395b").orElseThrow().specVersion()).isEqualTo("2.1");
    }

    @Test
    void anExportIsAValidBundleThatReimportsAsANoOp() throws IOException {
        importPaths(SharedData.menuPassSubset());
        long before = store.lastSequence();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long exported = new BundleExporter(store).export(ObjectQuery.all(), out, true).written();
        assertThat(exported).isEqualTo(store.stats().objects());

        List<String> errors = new ArrayList<>();
        StixReader.read(new ByteArrayInputStream(out.toByteArray()), "export", (o, i, l) ->
                new StixValidator(new org.sightline.pattern.validate.PatternValidator()).validate(o).stream().filter(v -> v.isError()).forEach(v -> errors.add(v.message())));
        assertThat(errors).isEmpty();

        ImportReport again = importer.importStream(new ByteArrayInputStream(out.toByteArray()), "export", ImportOptions.strict());
        assertThat(again.imported()).isZero();
        assertThat(again.unchanged()).isEqualTo(exported);
        assertThat(store.lastSequence()).isEqualTo(before);
    }

    @Test
    void aRevokedObjectIsLeftOutOfAnExportAndCountedUnlessAskedFor() {
        importPaths(SharedData.menuPassSubset());
        List<org.sightline.stix.StixObject> sets = new ArrayList<>();
        store.forEachCurrent(new ObjectQuery(Set.of("intrusion-set"), Set.of(), false), sets::add);
        com.fasterxml.jackson.databind.node.ObjectNode revoked = sets.get(0).json().deepCopy();
        revoked.put("modified", org.sightline.stix.StixTimestamp.nextVersion(sets.get(0).modified())).put("revoked", true);
        store.write(writer -> {
            writer.put(new org.sightline.stix.StixObject(revoked));
            writer.flush();
            return null;
        });
        BundleExporter.Exported without = new BundleExporter(store).export(new ObjectQuery(Set.of("intrusion-set"), Set.of(), false),
                new ByteArrayOutputStream(), false);
        assertThat(without).isEqualTo(new BundleExporter.Exported(sets.size() - 1, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleExporter.Exported with = new BundleExporter(store).export(new ObjectQuery(Set.of("intrusion-set"), Set.of(), true), out, false);
        assertThat(with).isEqualTo(new BundleExporter.Exported(sets.size(), 0));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"revoked\":true");
    }

    @Test
    void exportSelectsByTypeAndId() {
        importPaths(SharedData.menuPassSubset());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long count = new BundleExporter(store).export(new ObjectQuery(Set.of("intrusion-set"), Set.of(), false), out, false).written();
        assertThat(count).isEqualTo(2);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"bundle\"", "menuPass", "APT3").doesNotContain("\"relationship\"");
        assertThat(StixTypes.ACTOR_TYPES).contains("intrusion-set");
    }
}
