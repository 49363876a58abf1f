package org.sightline.events.logs;

import java.nio.file.Path;

/** Reads a log file and prints how many events it holds: run in a JVM with a small heap by the tests. */
public final class CountEvents {
    private CountEvents() {
    }

    public static void main(String[] args) {
        long[] sum = new long[1];
        ReadReport report = new LogReader(null).read(Path.of(args[0]), LogFormat.AUTO, event -> sum[0] += event.objects().size());
        System.out.println("events=" + report.events() + " malformed=" + report.malformed() + " observables=" + sum[0]);
    }
}
