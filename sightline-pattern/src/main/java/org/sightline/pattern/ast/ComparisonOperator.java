package org.sightline.pattern.ast;

/** The comparison operators of STIX 2.1 §9.6, with the text a pattern writes them as. */
public enum ComparisonOperator {
    EQ("="), NEQ("!="), GT(">"), LT("<"), GE(">="), LE("<="), IN("IN"), LIKE("LIKE"), MATCHES("MATCHES"),
    ISSUBSET("ISSUBSET"), ISSUPERSET("ISSUPERSET");

    private final String text;

    ComparisonOperator(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
