package org.sightline.stream.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sightline.error.InvalidInputException;
import org.sightline.error.StoreException;

/**
 * How to reach a Kafka cluster: its bootstrap servers and the client settings a secured cluster
 * asks for (security.protocol, sasl.*, ssl.*), read from a properties file as Kafka's own tools take
 * them. Every producer, consumer, admin client and stream of Sightline starts from these. The
 * settings may hold secrets (sasl.jaas.config), so the connection prints as its servers only.
 */
public record KafkaConnection(String bootstrap, Map<String, String> client) {
    public KafkaConnection {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new InvalidInputException("the Kafka bootstrap servers are needed (--bootstrap HOST:PORT)");
        }
        client = Map.copyOf(client);
    }

    public static KafkaConnection of(String bootstrap) {
        return new KafkaConnection(bootstrap, Map.of());
    }

    /** With the client settings of a properties file (null: none). */
    public static KafkaConnection of(String bootstrap, Path config) {
        if (config == null) {
            return of(bootstrap);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(config)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the Kafka client settings " + config + ": " + e.getMessage());
        }
        Map<String, String> client = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> client.put(name, properties.getProperty(name)));
        return new KafkaConnection(bootstrap, client);
    }

    /** The servers and the client settings. */
    public Properties base() {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return properties;
    }

    /** A producer of string keys and values that loses and duplicates nothing on retry. */
    public Properties producer() {
        Properties properties = base();
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        return properties;
    }

    /** A consumer of string keys and values in a group, from the start, reading only committed records, committing by hand. */
    public Properties consumer(String group) {
        Properties properties = base();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return properties;
    }

    /**
     * Sends every record and waits until each is acknowledged; the first failure is an error naming
     * the topic, since a send that fails is otherwise silent.
     */
    public void sendAll(String topic, Iterator<ProducerRecord<String, String>> records) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer())) {
            while (records.hasNext() && failure.get() == null) {
                producer.send(records.next(), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new StoreException("could not publish to " + topic + " at " + bootstrap + ": " + failure.get().getMessage(),
                    failure.get());
        }
    }

    @Override
    public String toString() {
        return bootstrap; // never the client settings: they may carry passwords
    }
}
