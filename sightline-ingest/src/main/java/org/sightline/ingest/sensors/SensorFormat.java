package org.sightline.ingest.sensors;

import java.util.Arrays;
import java.util.Locale;
import org.sightline.error.InvalidInputException;

/** The formats sensors take, by the name a user types. */
public enum SensorFormat {
    ZEEK_INTEL("zeek-intel"), SURICATA_DATASET("suricata-dataset"), SURICATA_RULES("suricata-rules"), SIMPLE_STIX("simple-stix");

    private final String text;

    SensorFormat(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static SensorFormat parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.text.equals(wanted)).findFirst().orElseThrow(() -> new InvalidInputException(
                "the sensor format is zeek-intel, suricata-dataset, suricata-rules or simple-stix, not '" + text + "'"));
    }

    /** The export in this format; {@code baseUrl} is where a sensor's analyst can look an indicator up in Sightline. */
    public SensorFiles render(SensorIndicators indicators, String baseUrl) {
        return switch (this) {
            case ZEEK_INTEL -> ZeekIntelFile.render(indicators, baseUrl);
            case SURICATA_DATASET -> SuricataDatasets.render(indicators);
            case SURICATA_RULES -> SuricataRules.render(indicators);
            case SIMPLE_STIX -> SimpleStix.render(indicators);
        };
    }
}
