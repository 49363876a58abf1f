package org.sightline.cli.stream;

import picocli.CommandLine.Option;

/** Where the Kafka cluster is and how to log in to it: the options every streaming command shares. */
public final class KafkaOptions {
    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT[,HOST:PORT…]", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "Client settings for a secured cluster (security.protocol, sasl.*, ssl.*), as a properties file.")
    java.nio.file.Path config;

    public org.sightline.stream.kafka.KafkaConnection connection() {
        return org.sightline.stream.kafka.KafkaConnection.of(bootstrap, config);
    }
}
