package org.sightline.intel.attribution;

/**
 * Admiralty (NATO AJP-2.1) source reliability, A to F, with the weight the confidence model gives
 * evidence from such a source. F ("cannot be judged") weighs like a fairly unreliable source: not
 * nothing, not much.
 */
public enum Reliability {
    A("completely reliable", 1.0),
    B("usually reliable", 0.8),
    C("fairly reliable", 0.6),
    D("not usually reliable", 0.35),
    E("unreliable", 0.15),
    F("reliability cannot be judged", 0.4);

    private final String wording;
    private final double weight;

    Reliability(String wording, double weight) {
        this.wording = wording;
        this.weight = weight;
    }

    public String wording() {
        return wording;
    }

    public double weight() {
        return weight;
    }

    /** A grade as a user types it ("b", " C"); {@code label} names the input as the user knows it ("--reliability", "'reliability'"). */
    public static Reliability parse(String text, String label) {
        String grade = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
        if (!grade.matches("[A-F]")) {
            throw new org.sightline.error.InvalidInputException(label + " must be an Admiralty grade A to F, got '" + text + "'");
        }
        return valueOf(grade);
    }

    /** One grade better (A stays A), as a source's confirmed track record earns. */
    public Reliability better() {
        return switch (this) {
            case A -> A;
            case F -> C;
            default -> values()[ordinal() - 1];
        };
    }

    /** One grade worse (E stays E). */
    public Reliability worse() {
        return switch (this) {
            case E -> E;
            case F -> D;
            default -> values()[ordinal() + 1];
        };
    }
}
