package org.sightline.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.demo.DemoData;
import org.sightline.intel.attribution.Credibility;
import org.sightline.intel.attribution.Evidence;
import org.sightline.intel.attribution.Reliability;
import org.sightline.intel.claims.Claim;
import org.sightline.intel.claims.ClaimAssessor;
import org.sightline.intel.claims.ClaimBook;
import org.sightline.intel.claims.ClaimStatus;
import org.sightline.intel.dossier.DossierBuilder;
import org.sightline.intel.dossier.DossierFormat;
import org.sightline.stix.StixId;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.json.StixJson;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StoreLocation;
import org.sightline.store.vault.EvidenceVault;
import org.sightline.store.vault.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "attribution-engine", mixinStandardHelpOptions = true,
        description = {"Measure the evidence engine on generated data in a scratch directory: assessing a claim with 1,000 "
                + "evidence items from 20 sources with track records (assess_ms, p50 and p99), verifying a vault of 10,000 "
                + "artifacts (verify_seconds) and writing the HTML dossier of the actor behind that claim (dossier_seconds).",
                "Metrics: assess_ms, assess_p99_ms, verify_seconds, dossier_seconds."})
public final class AttributionEngineBench implements Callable<Integer> {
    @Option(names = "--evidence", defaultValue = "1000", description = "Evidence items on the assessed claim (default 1000).")
    int evidenceItems;

    @Option(names = "--artifacts", defaultValue = "10000", description = "Artifacts in the vault (default 10000).")
    int artifacts;

    @Option(names = "--artifact-kb", defaultValue = "20", description = "Size of each artifact in KB (default 20).")
    int artifactKb;

    @Option(names = "--seed", defaultValue = "20181220")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output output = ((Sightline) spec.root().userObject()).output();
        Path scratch = Files.createTempDirectory("sightline-bench-engine-");
        BenchReport report = BenchReport.start("attribution-engine");
        try {
            try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(scratch.resolve("store")))) {
                DemoData.load(new BundleImporter(knowledge.intake()));
                String claim = generateClaim(knowledge, new Random(seed));
                Instant now = Instant.now();
                for (int i = 0; i < 5; i++) {
                    new ClaimAssessor(knowledge.store()).assess(claim, now); // warm-up
                }
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    // A new assessor each time, as every API request and command gets: nothing read before is reused.
                    long start = System.nanoTime();
                    new ClaimAssessor(knowledge.store()).assess(claim, now);
                    times.add((System.nanoTime() - start) / 1e6);
                }
                Collections.sort(times);
                Map<String, Object> params = Map.of("evidence_items", evidenceItems, "sources", 20, "origins", evidenceItems / 10, "runs", 50);
                report.add("assess_ms", times.get(times.size() / 2), "ms", params);
                report.add("assess_p99_ms", times.get((int) Math.ceil(times.size() * 0.99) - 1), "ms", params);

                long start = System.nanoTime();
                String html = DossierFormat.HTML.render(new DossierBuilder(knowledge.store()).build("Bench Panda", now), knowledge.store());
                report.add("dossier_seconds", (System.nanoTime() - start) / 1e9, "s",
                        Map.of("evidence_items", evidenceItems, "html_bytes", html.length(), "format", "html"));
            }
            try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(scratch.resolve("vault-store")))) {
                EvidenceVault vault = knowledge.vault();
                fillVault(vault, scratch.resolve("artifacts"), new Random(seed));
                long start = System.nanoTime();
                VerifyReport verified = vault.verify(List.of());
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!verified.intact()) {
                    throw new IllegalStateException("the benchmark's own vault does not verify: " + verified.problems());
                }
                report.add("verify_seconds", seconds, "s", Map.of("artifacts", artifacts, "artifact_kb", artifactKb));
            }
        } finally {
            BenchData.deleteRecursively(scratch);
        }
        report.print(output);
        return Sightline.OK;
    }

    /**
     * An actor, 20 graded sources with records (40 other claims, half of them settled), and one claim with
     * the evidence items spread over 100 origins and 100 days; returns that claim's id.
     */
    private String generateClaim(KnowledgeBase knowledge, Random random) {
        String now = "2026-01-01T00:00:00.000Z";
        List<ObjectNode> objects = new ArrayList<>();
        ObjectNode actor = named("intrusion-set", "Bench Panda", now);
        ObjectNode sponsor = named("identity", "Bench Bureau", now);
        sponsor.put("identity_class", "organization");
        objects.add(actor);
        objects.add(sponsor);
        List<String> sources = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            ObjectNode source = named("identity", "Bench source " + s, now);
            source.put("identity_class", "organization");
            SightlineExtensions.put(source, SightlineExtensions.SOURCE).put("reliability", Reliability.values()[s % 6].name());
            objects.add(source);
            sources.add(source.get("id").asText());
        }
        knowledge.intake().writeAll(objects, "the benchmark's claims", null);
        ClaimBook book = new ClaimBook(knowledge.store());
        String judge = sources.get(0);
        for (int c = 0; c < 40; c++) {
            Claim other = book.addClaim(actor.get("id").asText(), "affiliated-with", sources.get(c % 20), 0.5, null);
            book.addEvidence(evidence(other.id(), sources.get((c + 1) % 20), random, "other-" + c));
            if (c % 2 == 0) {
                book.resolve(other.id(), c % 4 == 0 ? ClaimStatus.CONFIRMED : ClaimStatus.REFUTED, judge,
                        Instant.parse("2019-01-01T00:00:00Z").plusSeconds(86_400L * c), List.of());
            }
        }
        Claim claim = book.addClaim(actor.get("id").asText(), "attributed-to", sponsor.get("id").asText(), 0.3, null);
        for (int i = 0; i < evidenceItems; i++) {
            book.addEvidence(evidence(claim.id(), sources.get(random.nextInt(20)), random, "origin-" + (i % Math.max(1, evidenceItems / 10))));
        }
        return claim.id();
    }

    private static ClaimBook.NewEvidence evidence(String claim, String source, Random random, String origin) {
        String day = Instant.parse("2018-01-01T00:00:00Z").plusSeconds(86_400L * random.nextInt(100)).toString();
        return new ClaimBook.NewEvidence("generated item", List.of(claim),
                random.nextInt(5) == 0 ? Evidence.Stance.REFUTES : Evidence.Stance.SUPPORTS, "other", source,
                Reliability.values()[random.nextInt(6)], Credibility.of(1 + random.nextInt(6)), origin, null, day, null,
                "generated for the benchmark", null, null, "bench");
    }

    /** A new object of the type with a random id and a name. */
    private static ObjectNode named(String type, String name, String timestamp) {
        ObjectNode object = StixJson.newObject(type, StixId.random(type), timestamp);
        object.put("name", name);
        return object;
    }

    private void fillVault(EvidenceVault vault, Path folder, Random random) throws java.io.IOException {
        Files.createDirectories(folder);
        byte[] content = new byte[artifactKb * 1024];
        for (int i = 0; i < artifacts; i++) {
            random.nextBytes(content);
            Path file = folder.resolve("artifact-" + i + ".bin");
            Files.write(file, content);
            vault.add(file, "bench", null, null);
            Files.delete(file);
        }
    }
}
