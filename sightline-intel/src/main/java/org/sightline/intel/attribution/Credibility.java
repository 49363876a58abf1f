package org.sightline.intel.attribution;

/** Admiralty information credibility, 1 to 6, with the weight the confidence model gives it. */
public enum Credibility {
    ONE("confirmed by other sources", 1.0),
    TWO("probably true", 0.8),
    THREE("possibly true", 0.55),
    FOUR("doubtful", 0.3),
    FIVE("improbable", 0.1),
    SIX("truth cannot be judged", 0.4);

    private final String wording;
    private final double weight;

    Credibility(String wording, double weight) {
        this.wording = wording;
        this.weight = weight;
    }

    public String wording() {
        return wording;
    }

    public double weight() {
        return weight;
    }

    /** A grade as a user gives it; {@code label} names the input as the user knows it ("--credibility", "'credibility'"). */
    public static Credibility parse(int grade, String label) {
        if (grade < 1 || grade > 6) {
            throw new org.sightline.error.InvalidInputException(label + " must be an Admiralty grade 1 to 6, got " + grade);
        }
        return values()[grade - 1];
    }

    public static Credibility of(int grade) {
        return parse(grade, "credibility");
    }
}
