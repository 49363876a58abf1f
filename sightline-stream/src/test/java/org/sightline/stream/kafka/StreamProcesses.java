package org.sightline.stream.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sightline.stream.StreamProcessMain;
import org.sightline.stream.topology.StreamSettings;

/** Streaming instances in processes of their own, and what they report, for the test that kills one. */
public final class StreamProcesses {
    private StreamProcesses() {
    }

    /** An instance in its own process, its progress lines in DIR/NAME.log (NAME: the state directory's name). */
    public static Process streamProcess(Path dir, StreamSettings settings, Path stateDir) throws IOException {
        return KafkaBroker.java(dir, stateDir.getFileName() + ".log", StreamProcessMain.class.getName(), settings.kafka().bootstrap(),
                settings.eventsTopic(), settings.sightingsTopic(), settings.indicatorsTopic(), settings.applicationId(), stateDir.toString());
    }

    /** The events the process last said it had read. */
    public static long eventsRead(Path log) {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("events ")) {
                    return Long.parseLong(lines.get(i).split(" ")[1]);
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
