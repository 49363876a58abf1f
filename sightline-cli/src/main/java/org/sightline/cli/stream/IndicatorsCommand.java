package org.sightline.cli.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.intel.lifecycle.IndicatorDecay;
import org.sightline.intel.lifecycle.IndicatorLifecycle;
import org.sightline.intel.lifecycle.IndicatorScore;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixReader;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StixStore;
import org.sightline.stream.kafka.IndicatorPublisher;
import org.sightline.stream.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = {"Indicators: their scores as they age (the same as 'indicators list'), and the matching stream."},
        subcommands = {IndicatorsCommand.Scores.class, IndicatorsCommand.Publish.class})
public final class IndicatorsCommand extends KnowledgeCommand {
    @Mixin
    ScoreListing listing;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        return listing.print(knowledge, output);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Every indicator with its score as of a date and why: the score halves every half-life of its observable type "
                    + "(ipv4-addr 30 days, url 60, domain-name 90, email-addr 180, x509-certificate 365, file 730, others 180) after its "
                    + "last confirmation (a sighting of it, or a new version from its source), from its STIX confidence (0.75 when it states "
                    + "none), halved for each of its sightings marked a false positive and lowered by its source's share of them; under 0.2 it "
                    + "is expired, as it is past valid_until."})
    public static final class Scores extends KnowledgeCommand {
        @Mixin
        ScoreListing listing;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            return listing.print(knowledge, output);
        }
    }

    /** The options and the listing that 'indicators' and 'indicators list' share. */
    public static final class ScoreListing {
        @Option(names = "--active", description = "Only the active ones.")
        boolean active;

        @Option(names = "--expired", description = "Only the expired ones.")
        boolean expired;

        @Option(names = "--source", paramLabel = "IDENTITY", description = "Only those this identity published (its id or name).")
        String source;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Score as of this date or timestamp (default now).")
        String asOf;

        @Option(names = "--half-life", paramLabel = "[SOURCE:]TYPE=DAYS", description = "Another half-life for one observable type, or for one "
                + "source's indicators: ipv4-addr=14, identity--…:ipv4-addr=7, identity--…:*=30 (repeatable; DATA_DIR/half-lives.conf "
                + "holds lasting ones, one per line).")
        List<String> halfLives = List.of();

        @Option(names = "--top", defaultValue = "50", paramLabel = "N", description = "At most N in text (default 50; --json gives all).")
        int top;

        int print(KnowledgeBase knowledge, Output output) {
            if (active && expired) {
                throw new InvalidInputException("give --active or --expired, not both");
            }
            IndicatorDecay decay = IndicatorDecay.of(knowledge.location().dataDir());
            for (String halfLife : halfLives) {
                decay = decay.with(halfLife);
            }
            String publisher = source == null ? null : sourceId(knowledge.store(), source);
            Instant when = StixTimestamp.parseUserDateOrNow(asOf, "--as-of");
            List<IndicatorScore> scores = IndicatorLifecycle.scores(knowledge.store(), when, decay)
                    .stream().filter(score -> !active || score.status() == IndicatorScore.Status.ACTIVE)
                    .filter(score -> !expired || score.status() == IndicatorScore.Status.EXPIRED)
                    .filter(score -> publisher == null || publisher.equals(score.source())).toList();
            output.answer(Map.of("as_of", StixTimestamp.format(when), "indicators", scores), () -> {
                output.line(scores.size() + " indicators as of " + StixTimestamp.format(when).substring(0, 10));
                scores.stream().limit(top).forEach(score -> output.line(String.format(Locale.ROOT, "%.3f  %-8s %s  %s%n       %s",
                        score.score(), score.status().name().toLowerCase(Locale.ROOT), score.id(),
                        score.name() == null ? "" : score.name(), score.why())));
            });
            return Sightline.OK;
        }

        /** An identity by id, or by its name when exactly one identity bears it. */
        private static String sourceId(StixStore store, String source) {
            if (source.startsWith("identity--")) {
                return source;
            }
            List<String> named = store.findByNameKey(org.sightline.store.names.NameKey.of(source), Set.of("identity")).stream()
                    .map(StixStore.NameMatch::objectId).distinct().toList();
            if (named.size() != 1) {
                throw new InvalidInputException(named.isEmpty() ? "no identity named '" + source + "'; give its id (identity--…)"
                        : named.size() + " identities are named '" + source + "': give one's id (" + String.join(", ", named) + ")");
            }
            return named.get(0);
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Publish the store's indicators (or a bundle's) to the compacted indicators topic, keyed by id: current ones as "
                    + "their STIX JSON, revoked and expired ones as tombstones, so every running 'stream' instance picks up the change.")
    public static final class Publish extends KnowledgeCommand implements org.sightline.cli.Audited {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--topic", required = true, paramLabel = "I")
        String topic;

        @Option(names = "--file", paramLabel = "FILE", description = "A STIX bundle instead of the store.")
        Path file;

        @Option(names = "--include-expired", description = "Publish the store's expired indicators too (by default they are withdrawn, "
                + "as revoked ones are: past valid_until, or decayed under 0.2 as 'indicators' scores them).")
        boolean includeExpired;

        @Override
        protected int run(KnowledgeBase knowledge, Output output) {
            List<ObjectNode> indicators = new ArrayList<>();
            if (file != null) {
                StixReader.read(file, (object, index, line) -> indicators.add(object));
            } else {
                knowledge.store().forEachCurrent(new StixStore.ObjectQuery(Set.of("indicator"), Set.of(), true),
                        object -> indicators.add(object.json()));
            }
            Set<String> expired = file != null || includeExpired ? Set.of() : IndicatorLifecycle.expired(knowledge.store(), Instant.now(),
                    IndicatorDecay.of(knowledge.location().dataDir()));
            Topics.ensure(kafka.connection(), null, null, topic, 1);
            IndicatorPublisher.Published published = IndicatorPublisher.publish(kafka.connection(), topic, indicators, expired);
            output.answer(Map.of("topic", topic, "live", published.live(), "withdrawn", published.withdrawn()),
                    () -> output.line(String.format("published %,d indicators to %s, %,d withdrawn", published.live(), topic, published.withdrawn())));
            return Sightline.OK;
        }
    }
}
