package org.sightline.cli.stream;

import picocli.CommandLine.Option;

/** Where the Kafka cluster is: the option every streaming command shares. */
public final class KafkaOptions {
    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT[,HOST:PORT…]", description = "Kafka bootstrap servers.")
    String bootstrap;

    public String bootstrap() {
        return bootstrap;
    }
}
