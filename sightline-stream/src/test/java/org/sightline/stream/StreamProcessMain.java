package org.sightline.stream;

import org.sightline.events.logs.LogFormat;
import org.sightline.stream.kafka.KafkaConnection;
import org.sightline.stream.topology.StreamSettings;

/**
 * A streaming instance in a process of its own, for the test that kills one mid-stream:
 * BOOTSTRAP EVENTS SIGHTINGS INDICATORS APPLICATION-ID STATE-DIR. It prints how many events it has
 * read every 100 ms.
 */
public final class StreamProcessMain {
    private StreamProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        StreamSettings settings = new StreamSettings(KafkaConnection.of(args[0]), args[1], args[2], args[3], LogFormat.AUTO, args[4], null);
        try (StreamInstance instance = StreamInstance.start(settings, args[5], null)) {
            while (true) {
                System.out.println("events " + instance.counters().events() + " sightings " + instance.counters().sightings());
                System.out.flush();
                Thread.sleep(100);
            }
        }
    }
}
