package org.sightline.cli.bench;

import org.sightline.cli.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Sightline's speed; each benchmark prints its figures (--json: one document).",
        subcommands = {ImportBench.class, MatchBench.class, HuntBench.class, AttributionBench.class, AttributionEngineBench.class, ExposureBench.class, TaxiiBench.class, ScreenBench.class, StreamBench.class})
public final class BenchCommand extends CommandGroup {
}
