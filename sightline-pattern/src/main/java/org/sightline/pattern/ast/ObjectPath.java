package org.sightline.pattern.ast;

import java.util.List;

/**
 * {@code object-type:property.key[0].other}: an object type and the steps into it. Index steps
 * address list items ({@code [2]}, or {@code [*]} for any); key steps address properties,
 * dictionary keys and extensions.
 */
public record ObjectPath(String objectType, List<Step> steps) {

    public ObjectPath {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || !(steps.get(0) instanceof Key)) {
            throw new IllegalArgumentException("an object path starts with a property name");
        }
    }

    public sealed interface Step {
    }

    /** A property or dictionary key; {@code quoted} when the pattern wrote it in quotes. */
    public record Key(String name, boolean quoted) implements Step {
    }

    /** A list index; negative counts from the end. */
    public record Index(int index) implements Step {
    }

    /** {@code [*]}: any item of the list. */
    public record AnyIndex() implements Step {
    }

    /** The first property, such as {@code hashes} or {@code src_ref}. */
    public String property() {
        return ((Key) steps.get(0)).name();
    }
}
