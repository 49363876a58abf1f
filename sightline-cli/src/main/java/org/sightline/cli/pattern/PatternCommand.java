package org.sightline.cli.pattern;

import org.sightline.cli.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "pattern", mixinStandardHelpOptions = true,
        description = "Work with STIX patterns.",
        subcommands = {PatternValidateCommand.class, PatternMatchCommand.class})
public final class PatternCommand extends CommandGroup {
}
