package org.sightline.cli.pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "pattern", mixinStandardHelpOptions = true,
        description = "Work with STIX patterns.",
        subcommands = {PatternValidateCommand.class, PatternMatchCommand.class})
public final class PatternCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
