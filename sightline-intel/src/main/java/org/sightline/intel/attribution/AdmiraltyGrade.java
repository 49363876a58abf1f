package org.sightline.intel.attribution;

/**
 * How an evidence item's Admiralty grade is written wherever it is shown (claim page, confidence
 * reasons, dossiers): the analyst's grade of the source and the item's credibility ("F3"), and,
 * when the confidence model weighed the source differently on the date (by its track record), that
 * grade beside it, each labelled: "F3 as graded, B3 as weighed". One wording, so one item never
 * reads as three different grades.
 */
public record AdmiraltyGrade(Reliability graded, Credibility credibility, Reliability weighed) {
    public AdmiraltyGrade {
        java.util.Objects.requireNonNull(graded, "the analyst's grade");
        java.util.Objects.requireNonNull(credibility, "the credibility");
        weighed = weighed == null ? graded : weighed;
    }

    /** "F3": as the analyst graded it. */
    public String asGraded() {
        return graded.name() + (credibility.ordinal() + 1);
    }

    /** "B3": as the model weighed it on the date. */
    public String asWeighed() {
        return weighed.name() + (credibility.ordinal() + 1);
    }

    /** "B2" when both agree, else "F3 as graded, B3 as weighed". */
    public String label() {
        return graded == weighed ? asGraded() : asGraded() + " as graded, " + asWeighed() + " as weighed";
    }

    @Override
    public String toString() {
        return label();
    }
}
