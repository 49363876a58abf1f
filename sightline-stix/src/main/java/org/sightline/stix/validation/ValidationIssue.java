package org.sightline.stix.validation;

/**
 * One broken rule on one object: which object, which property, which rule.
 * Errors make an object invalid; warnings (such as a value outside an open vocabulary) do not.
 */
public record ValidationIssue(Severity severity, String objectId, String property, String rule) {

    public enum Severity { ERROR, WARNING }

    public static ValidationIssue error(String objectId, String property, String rule) {
        return new ValidationIssue(Severity.ERROR, objectId, property, rule);
    }

    public static ValidationIssue warning(String objectId, String property, String rule) {
        return new ValidationIssue(Severity.WARNING, objectId, property, rule);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code indicator--9c61…: 'valid_from' is required for indicator (STIX 2.1 §4.7)}. */
    public String message() {
        String subject = objectId == null ? "(object without id)" : objectId;
        return property == null ? subject + ": " + rule : subject + ": '" + property + "' " + rule;
    }

    @Override
    public String toString() {
        return severity + " " + message();
    }
}
