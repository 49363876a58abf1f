package org.sightline.cli.taxii;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "taxii", mixinStandardHelpOptions = true,
        description = "Exchange STIX with a TAXII 2.1 server (Sightline's own, OpenCTI, MISP, any peer).",
        subcommands = {TaxiiPullCommand.class, TaxiiPushCommand.class})
public final class TaxiiCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
