package org.sightline.events.logs;

import java.util.List;

/**
 * What reading a log produced: events, lines that were not events (headers, stats records), and
 * malformed lines with their file and line number (the first 50 are listed).
 */
public record ReadReport(long events, long skipped, long malformed, List<String> problems) {
}
