package org.sightline.cli.pattern;

import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.pattern.validate.PatternReport;
import org.sightline.pattern.validate.PatternValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a STIX pattern: exit 0 when valid (warnings for unknown object types or properties), "
                + "exit 1 with the line, column, offending token and what was expected."})
public final class PatternValidateCommand extends PatternToolCommand {
    @Parameters(paramLabel = "PATTERN", description = "The pattern, e.g. \"[ipv4-addr:value = '198.51.100.1']\".")
    String pattern;

    @Override
    protected int run(Output output, String stixVersion) {
        PatternReport report = new PatternValidator().validate(pattern, stixVersion);
        output.answer(report, () -> {
            if (report.valid()) {
                output.line("valid STIX " + stixVersion + " pattern");
            } else {
                report.errors().forEach(error -> output.line("invalid: " + error));
                if (report.position() != null) {
                    output.line("  " + pattern.lines().skip(report.position().line() - 1L).findFirst().orElse(""));
                    output.line("  " + " ".repeat(Math.max(0, report.position().column())) + "^");
                }
            }
            report.warnings().forEach(warning -> output.line("warning: " + warning));
        });
        return report.valid() ? Sightline.OK : Sightline.FAILED;
    }
}
