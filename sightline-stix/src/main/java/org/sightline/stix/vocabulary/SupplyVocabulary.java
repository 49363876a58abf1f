package org.sightline.stix.vocabulary;

import java.util.Locale;
import java.util.Optional;

/**
 * The words of Sightline's supplies extension: what a supplier provides, the access that gives it to
 * its customer (with how much of the customer an intruder at the supplier can reach through it),
 * and how critical the supply is.
 */
public final class SupplyVocabulary {
    private SupplyVocabulary() {
    }

    public enum ServiceType {
        MANAGED_IT_SERVICES, SOFTWARE_VENDOR, SOFTWARE_UPDATE_CHANNEL, TELECOM_CONNECTIVITY, CLOUD_HOSTING, HARDWARE,
        BUSINESS_PROCESS_OUTSOURCING, OTHER;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<ServiceType> parse(String text) {
            return find(ServiceType.class, text);
        }
    }

    /** Access the supply grants; the weight is the share of the customer an intruder at the supplier can reach. */
    public enum AccessLevel {
        PRIVILEGED_ADMIN(1.0), CODE_OR_UPDATE_DELIVERY(0.9), DATA_ACCESS(0.5), PHYSICAL(0.3), NONE(0.05);

        private final double weight;

        AccessLevel(double weight) {
            this.weight = weight;
        }

        public double weight() {
            return weight;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<AccessLevel> parse(String text) {
            return find(AccessLevel.class, text);
        }
    }

    /** How much the customer depends on the supply; a critical supply's compromise matters more. */
    public enum Criticality {
        HIGH(1.0), MEDIUM(0.85), LOW(0.7);

        private final double weight;

        Criticality(double weight) {
            this.weight = weight;
        }

        public double weight() {
            return weight;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Criticality> parse(String text) {
            return find(Criticality.class, text);
        }
    }

    private static <E extends Enum<E>> Optional<E> find(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_').replace('/', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
