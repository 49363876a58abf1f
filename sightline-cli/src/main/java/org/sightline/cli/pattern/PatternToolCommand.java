package org.sightline.cli.pattern;

import java.util.concurrent.Callable;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A pattern tool: works without the knowledge base, on one STIX pattern version. */
abstract class PatternToolCommand implements Callable<Integer> {
    @Mixin
    StixVersionOption version;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        return run(((Sightline) spec.root().userObject()).output(), version.value());
    }

    protected abstract int run(Output output, String stixVersion);
}
