package org.sightline.cli.taxii;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.ingest.taxii.TaxiiClient;
import org.sightline.ingest.taxii.TaxiiPull;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Pull a collection into the store. Remembers how far it got per collection and goes on from there next time; "
                + "retries with back-off on 429 and 5xx.")
public final class TaxiiPullCommand extends KnowledgeCommand implements org.sightline.cli.Audited {
    @Mixin
    TaxiiConnection connection;

    @Option(names = "--since", paramLabel = "TIMESTAMP", description = "Pull what was added after this, instead of where the last pull stopped.")
    String since;

    @Option(names = "--page-size", defaultValue = "1000", paramLabel = "N", description = "Objects per request (default 1000).")
    int pageSize;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        TaxiiClient client = connection.client();
        TaxiiPull.Report report = new TaxiiPull(knowledge.intake(), client).pull(connection.endpoint(client), since, Math.max(1, pageSize));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("feed", report.feed());
        document.put("resumed_after", report.resumedAfter());
        document.put("pages", report.pages());
        document.put("received", report.received());
        document.put("added", report.added());
        document.put("unchanged", report.unchanged());
        document.put("rejected", report.rejected());
        document.put("rejections", report.rejections());
        document.put("position", report.position());
        document.put("retries", report.retries());
        output.answer(document, () -> {
            output.line("pulled " + report.received() + " objects in " + report.pages() + " pages"
                    + (report.resumedAfter() == null ? "" : " added after " + report.resumedAfter()) + ": "
                    + report.added() + " new versions, " + report.unchanged() + " already stored, " + report.rejected() + " rejected"
                    + (report.retries() == 0 ? "" : ", " + report.retries() + " retries"));
            report.rejections().forEach(r -> output.line("  rejected " + r));
            if (report.position() != null) {
                output.line("next pull goes on after " + report.position());
            }
        });
        return report.rejected() == 0 ? Sightline.OK : Sightline.FAILED;
    }
}
