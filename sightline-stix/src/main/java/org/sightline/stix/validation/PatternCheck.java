package org.sightline.stix.validation;

import java.util.List;

/**
 * What an indicator's {@code pattern} must pass to be stored (STIX 2.1 §4.7, §9). The grammar lives in
 * the pattern module, which sits above this one, so whoever builds a {@link StixValidator} hands it in;
 * the module that can parse patterns provides it.
 */
@FunctionalInterface
public interface PatternCheck {
    /** The errors in a STIX pattern, each saying where; empty when it is valid. */
    List<String> errors(String pattern, String patternVersion);
}
