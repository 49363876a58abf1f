package org.sightline.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.InvalidInputException;

/** A secured cluster's client settings reach every client, and never a log line. */
class KafkaConnectionTest {

    @Test
    void theSettingsFileReachesEveryClientAndThePasswordNeverPrints(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"sightline\" password=\"s3cret\";\n");
        KafkaConnection kafka = KafkaConnection.of("broker1:9093,broker2:9093", config);
        assertThat(kafka.producer().getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(kafka.consumer("g").getProperty("sasl.jaas.config")).contains("s3cret");
        assertThat(kafka.consumer("g").getProperty("isolation.level")).isEqualTo("read_committed");
        assertThat(kafka.base().getProperty("bootstrap.servers")).isEqualTo("broker1:9093,broker2:9093");
        assertThat(kafka.toString()).isEqualTo("broker1:9093,broker2:9093").doesNotContain("s3cret");
    }

    @Test
    void aMissingSettingsFileOrServerIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> KafkaConnection.of("b:9092", dir.resolve("nope.properties")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot read the Kafka client settings");
        assertThatThrownBy(() -> KafkaConnection.of(" ")).isInstanceOf(InvalidInputException.class).hasMessageContaining("--bootstrap");
    }
}
