package org.sightline.pattern.ast;

/** A parsed STIX pattern: its syntax tree, and the STIX version it was read as. */
public record Pattern(ObservationExpression expression, String stixVersion) {
}
