package org.sightline.intel.attribution;

/**
 * Words of estimative probability as ICD 203 defines them, for a probability from 0 to 1. The
 * bands are the directive's: almost no chance 1-5%, very unlikely 5-20%, unlikely 20-45%, roughly
 * even chance 45-55%, likely 55-80%, very likely 80-95%, almost certain 95-99%.
 */
public final class EstimativeWords {
    private EstimativeWords() {
    }

    public static String of(double probability) {
        if (probability < 0.05) {
            return "almost no chance";
        }
        if (probability < 0.20) {
            return "very unlikely";
        }
        if (probability < 0.45) {
            return "unlikely";
        }
        if (probability <= 0.55) {
            return "roughly even chance";
        }
        if (probability <= 0.80) {
            return "likely";
        }
        if (probability <= 0.95) {
            return "very likely";
        }
        return "almost certain";
    }
}
