package org.sightline.cli.claims;

import java.time.Instant;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.intel.claims.ClaimBook;
import org.sightline.intel.claims.NamedObjects;
import org.sightline.intel.claims.SourceRecords;
import org.sightline.intel.claims.TrackRecord;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "source", mixinStandardHelpOptions = true,
        description = "A source's track record as of a date: claims its evidence bore on that were confirmed, refuted or "
                + "still open, and the Admiralty reliability that record earns it.")
public final class SourceCommand extends KnowledgeCommand {
    @Parameters(paramLabel = "NAME|ID")
    String source;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The record as it stood then (default: now).")
    String asOf;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        String id = NamedObjects.resolve(knowledge.store(), source, "source");
        Instant at = StixTimestamp.parseUserDateOrNow(asOf, "--as-of");
        TrackRecord record = new SourceRecords(knowledge.store(), new ClaimBook(knowledge.store())).of(id, at);
        output.answer(record, () -> output.line(String.format("%s as of %s: reliability %s (%s)%s; claims confirmed %d, refuted %d, open %d",
                record.name(), record.asOf().substring(0, 10), record.reliability(), record.reliability().wording(),
                record.graded() == null ? ", never graded" : record.graded() == record.reliability() ? ""
                        : ", graded " + record.graded() + " before its record",
                record.confirmed(), record.refuted(), record.open())));
        return Sightline.OK;
    }
}
