package org.sightline.cli.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.cli.CommandGroup;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.stix.json.StixReader;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StixStore;
import org.sightline.stream.kafka.IndicatorPublisher;
import org.sightline.stream.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "indicators", mixinStandardHelpOptions = true, description = "Indicators for the matching stream.",
        subcommands = IndicatorsCommand.Publish.class)
public final class IndicatorsCommand extends CommandGroup {
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Publish the store's indicators (or a bundle's) to the compacted indicators topic, keyed by id: current ones as "
                    + "their STIX JSON, revoked ones as tombstones, so every running 'stream' instance picks up the change.")
    public static final class Publish extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--topic", required = true, paramLabel = "I")
        String topic;

        @Option(names = "--file", paramLabel = "FILE", description = "A STIX bundle instead of the store.")
        Path file;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            List<ObjectNode> indicators = new ArrayList<>();
            if (file != null) {
                StixReader.read(file, (object, index, line) -> indicators.add(object));
            } else {
                knowledge.store().forEachCurrent(new StixStore.ObjectQuery(Set.of("indicator"), Set.of(), true),
                        object -> indicators.add(object.json()));
            }
            Topics.ensure(kafka.connection(), null, null, topic, 1);
            IndicatorPublisher.Published published = IndicatorPublisher.publish(kafka.connection(), topic, indicators);
            output.answer(Map.of("topic", topic, "live", published.live(), "withdrawn", published.withdrawn()),
                    () -> output.line(String.format("published %,d indicators to %s, %,d withdrawn", published.live(), topic, published.withdrawn())));
            return Sightline.OK;
        }
    }
}
