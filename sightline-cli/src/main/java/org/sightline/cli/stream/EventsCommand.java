package org.sightline.cli.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.cli.CommandGroup;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.NotFoundException;
import org.sightline.stream.kafka.EventPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "events", mixinStandardHelpOptions = true, description = "Events for the matching stream.",
        subcommands = EventsCommand.Publish.class)
public final class EventsCommand extends CommandGroup {
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Publish log files (Zeek JSON, Suricata EVE, STIX observed-data; plain or gzip) to an events topic, one record "
                    + "per line, keyed by the event's source address (Zeek id.orig_h, EVE src_ip) so one host's events share a partition.")
    public static final class Publish implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--topic", required = true, paramLabel = "T")
        String topic;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        /** With --keep, the files are read once more for the time span of their events. */
        @Mixin
        org.sightline.cli.KeepOptions keeping;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Output output = ((Sightline) spec.root().userObject()).output();
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new NotFoundException("no such log file: " + file);
                }
            }
            java.time.Duration retention = keeping.keep() ? keeping.retention() : null;
            long sent = EventPublisher.publish(kafka.connection(), topic, files);
            java.util.Map<String, Object> document = new java.util.LinkedHashMap<>(Map.of("topic", topic, "events", sent));
            if (retention != null) {
                org.sightline.ingest.hunt.LogArchive archive = org.sightline.ingest.hunt.LogArchive.of(
                        ((Sightline) spec.root().userObject()).location().dataDir());
                document.put("kept", archive.keepAll(files, retention).size());
            }
            output.answer(document, () -> output.line(String.format("published %,d events to %s", sent, topic)
                    + (retention != null ? String.format("; %d files kept for hunting in %s", files.size(),
                    org.sightline.ingest.hunt.LogArchive.of(((Sightline) spec.root().userObject()).location().dataDir()).root()) : "")));
            return Sightline.OK;
        }
    }
}
