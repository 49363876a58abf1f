package org.sightline.cli.taxii;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.ingest.taxii.TaxiiClient;
import org.sightline.ingest.taxii.TaxiiPush;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Post the objects of a file (bundle, envelope, array) to a collection and wait until the server has stored them.")
public final class TaxiiPushCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TaxiiConnection connection;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Option(names = "--envelope-size", defaultValue = "1000", paramLabel = "N", description = "Objects per envelope (default 1000).")
    int perEnvelope;

    @Override
    public Integer call() {
        Output output = ((Sightline) spec.root().userObject()).output();
        var objects = TaxiiPush.read(file);
        TaxiiClient client = connection.client();
        TaxiiPush.Report report = new TaxiiPush(client).push(connection.endpoint(client), objects, Math.max(1, perEnvelope));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("envelopes", report.envelopes());
        document.put("total", report.total());
        document.put("succeeded", report.succeeded());
        document.put("failed", report.failed());
        document.put("pending", report.pending());
        document.put("failures", report.failures());
        document.put("retries", report.retries());
        output.answer(document, () -> {
            output.line("pushed " + report.total() + " objects in " + report.envelopes() + " envelopes: " + report.succeeded()
                    + " stored, " + report.failed() + " failed" + (report.pending() == 0 ? "" : ", " + report.pending() + " still pending"));
            report.failures().forEach(f -> output.line("  failed " + f));
        });
        return report.failed() == 0 && report.pending() == 0 ? Sightline.OK : Sightline.FAILED;
    }
}
