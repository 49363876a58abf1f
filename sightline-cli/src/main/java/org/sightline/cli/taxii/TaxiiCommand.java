package org.sightline.cli.taxii;

import org.sightline.cli.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "taxii", mixinStandardHelpOptions = true,
        description = "Exchange STIX with a TAXII 2.1 server (Sightline's own, OpenCTI, MISP, any peer).",
        subcommands = {TaxiiPullCommand.class, TaxiiPushCommand.class})
public final class TaxiiCommand extends CommandGroup {
}
