package org.sightline.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.ingest.suppliers.SupplierImport;
import org.sightline.ingest.suppliers.SupplierRow;
import org.sightline.intel.actors.ActorLinker;
import org.sightline.intel.exposure.Exposure;
import org.sightline.intel.exposure.ExposureModel;
import org.sightline.stix.vocabulary.SupplyVocabulary.AccessLevel;
import org.sightline.stix.vocabulary.SupplyVocabulary.Criticality;
import org.sightline.stix.vocabulary.SupplyVocabulary.ServiceType;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StixStore;
import org.sightline.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = {"Measure supply-chain exposure ranking: ATT&CK Enterprise and the MISP threat-actor and Microsoft galaxies "
                + "loaded, 10,000 generated suppliers in three tiers (1,000 / 3,000 / 6,000), then every actor ranked for the "
                + "organisation from a cold start.", "Metric: seconds (params suppliers, actors)."})
public final class ExposureBench implements Callable<Integer> {
    private static final List<String> SECTORS = List.of("technology", "telecommunications", "financial-services", "healthcare",
            "manufacturing", "government", "energy", "transportation", "retail", "education", "defense", "hospitality-leisure");
    private static final List<String> COUNTRIES = List.of("US", "GB", "JP", "DE", "FR", "IN", "AU", "CA", "KR", "SG", "NL", "SE");

    @Option(names = "--suppliers", defaultValue = "10000", description = "Suppliers to generate (default 10000).")
    int suppliers;

    @Option(names = "--seed", defaultValue = "20181220")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output output = ((Sightline) spec.root().userObject()).output();
        Path scratch = Files.createTempDirectory("sightline-bench-exposure-");
        BenchReport report = BenchReport.start("exposure");
        try (KnowledgeBase knowledge = KnowledgeBase.open(StoreLocation.embedded(scratch))) {
            BenchData.importInto(knowledge, BenchData.attackBundle(null));
            for (String galaxy : List.of("clusters_threat-actor.json", "clusters_microsoft-activity-group.json")) {
                Path file = BenchData.SHARED.resolve("misp-galaxy").resolve(galaxy);
                if (Files.isRegularFile(file)) {
                    BenchData.importInto(knowledge, file);
                }
            }
            new ActorLinker(knowledge.store()).linkAll();
            new SupplierImport(knowledge.intake()).importRows(rows(new Random(seed)));
            String organisation = ExposureModel.organisation(knowledge.store(), null);
            new ExposureModel(knowledge.store()).rank(organisation, 10, Instant.now()); // warm-up
            long start = System.nanoTime();
            Exposure exposure = new ExposureModel(knowledge.store()).rank(organisation, 10, Instant.now());
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add("seconds", seconds, "s", Map.of("suppliers", exposure.suppliers().size(), "actors", actors(knowledge.store())));
        } finally {
            BenchData.deleteRecursively(scratch);
        }
        report.print(output);
        return Sightline.OK;
    }

    private static long actors(StixStore store) {
        return store.countsByType().getOrDefault("intrusion-set", 0L) + store.countsByType().getOrDefault("threat-actor", 0L);
    }

    /** Three tiers: a tenth supply the organisation, three tenths supply them, the rest supply those. */
    private List<SupplierRow> rows(Random random) {
        List<SupplierRow> rows = new ArrayList<>();
        int tier1 = Math.max(1, suppliers / 10);
        int tier2 = Math.max(1, suppliers * 3 / 10);
        for (int i = 0; i < suppliers; i++) {
            String customer = i < tier1 ? "Bench Organisation"
                    : i < tier1 + tier2 ? "Supplier " + random.nextInt(tier1) : "Supplier " + (tier1 + random.nextInt(tier2));
            rows.add(new SupplierRow(i + 2, "Supplier " + i, customer,
                    ServiceType.values()[random.nextInt(ServiceType.values().length)],
                    AccessLevel.values()[random.nextInt(AccessLevel.values().length)],
                    Criticality.values()[random.nextInt(Criticality.values().length)],
                    List.of(SECTORS.get(random.nextInt(SECTORS.size()))), List.of(COUNTRIES.get(random.nextInt(COUNTRIES.size())))));
        }
        return rows;
    }
}
