package org.sightline.cli.bench;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Sightline's speed; each benchmark prints its figures (--json: one document).",
        subcommands = {ImportBench.class, MatchBench.class, AttributionBench.class, AttributionEngineBench.class, ExposureBench.class, TaxiiBench.class, ScreenBench.class, StreamBench.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
