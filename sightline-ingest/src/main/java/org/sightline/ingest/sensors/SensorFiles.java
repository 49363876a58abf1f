package org.sightline.ingest.sensors;

import java.util.List;
import java.util.Map;

/**
 * What one export writes: its files by name (in the order a sensor's configuration lists them),
 * how many indicators and values went in, and every indicator or value that the format cannot carry,
 * with why (listed, never dropped in silence).
 */
public record SensorFiles(String format, Map<String, String> files, int indicators, int values, List<SensorIndicators.Left> left) {
    public SensorFiles {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        left = List.copyOf(left);
    }
}
