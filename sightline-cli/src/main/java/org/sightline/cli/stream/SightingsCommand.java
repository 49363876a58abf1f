package org.sightline.cli.stream;

import java.time.Duration;
import org.sightline.cli.CommandGroup;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.intake.Intake;
import org.sightline.stream.kafka.SightingsConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sightings", mixinStandardHelpOptions = true, description = "Sightings from the matching stream.",
        subcommands = SightingsCommand.Consume.class)
public final class SightingsCommand extends CommandGroup {
    @Command(name = "consume", mixinStandardHelpOptions = true,
            description = "Store the sighting bundles of a sightings topic into the knowledge store, until stopped or --idle seconds pass "
                    + "without a record. Only committed records are read, offsets are committed after the store's commit, and a sighting "
                    + "read twice is the same object: a replay after a crash is not counted twice.")
    public static final class Consume extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--topic", required = true, paramLabel = "S")
        String topic;

        @Option(names = "--group", defaultValue = "sightline-store", paramLabel = "ID", description = "Consumer group (default sightline-store).")
        String group;

        @Option(names = "--idle", paramLabel = "SECONDS", description = "Stop after this long without a record (default: run until stopped).")
        Integer idle;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            SightingsConsumer consumer = new SightingsConsumer(destination(knowledge));
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::stop));
            SightingsConsumer.Consumed consumed = consumer.run(kafka.connection(), topic, group, idle == null ? null : Duration.ofSeconds(idle));
            output.answer(consumed, () -> output.line(String.format("%,d records: %,d objects stored, %,d already present, %,d unreadable in %.1f s",
                    consumed.records(), consumed.objectsAdded(), consumed.objectsUnchanged(), consumed.unreadable(), consumed.seconds())));
            return Sightline.OK;
        }
    }

    /** The store's intake as the consumer's destination: each record whole or not at all, through the one policy. */
    public static SightingsConsumer.Destination destination(KnowledgeBase knowledge) {
        return records -> {
            Intake.Outcome outcome = knowledge.intake().writeWhole(records, null);
            return new SightingsConsumer.Written(outcome.written().added(), outcome.written().unchanged(),
                    outcome.refused().stream().map(Intake.Refusal::message).toList());
        };
    }
}
