package org.sightline.pattern.match;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.sightline.pattern.ast.Literal;
import org.sightline.stix.StixTimestamp;

/**
 * Comparison semantics of STIX 2.1 §9.6 for values taken from observed objects and literals of a
 * pattern: which types compare (numbers with numbers, strings with strings, binary with binary or
 * with strings whose code points fit in a byte, timestamps with timestamps), and how. Values that
 * do not compare are simply unequal, never an error.
 */
final class Values {
    private static final Pattern JSON_TIMESTAMP = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$");

    private Values() {
    }

    /** A value from an observed object as a Java value: String, BigInteger, BigDecimal, Boolean, byte[], or the node itself. */
    static Object of(Object stepped) {
        if (!(stepped instanceof JsonNode node)) {
            return stepped; // byte[] from a _hex or _bin property
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node;
    }

    /** A literal of the pattern as a Java value of the same kinds. */
    static Object of(Literal literal) {
        if (literal instanceof Literal.StringValue s) {
            return s.value();
        }
        if (literal instanceof Literal.IntValue i) {
            return i.value();
        }
        if (literal instanceof Literal.FloatValue f) {
            return f.value();
        }
        if (literal instanceof Literal.BoolValue b) {
            return b.value();
        }
        if (literal instanceof Literal.BytesValue b) {
            return b.value();
        }
        if (literal instanceof Literal.TimestampValue t) {
            return t.instant();
        }
        throw new MatcherException("a set cannot be compared with '='");
    }

    /** When the literal is a timestamp, a string from the object is read as one (or the match fails with an error). */
    static Object alignTimestamp(Object value, Object literal) {
        if (literal instanceof Instant && value instanceof String text) {
            if (!JSON_TIMESTAMP.matcher(text).matches() || !StixTimestamp.isValid(text)) {
                throw new MatcherException("Invalid timestamp in JSON: " + text);
            }
            return StixTimestamp.parse(text);
        }
        return value;
    }

    static boolean equal(Object value, Object literal) {
        if (value == null || literal == null) {
            return false;
        }
        if (isNumber(value) && isNumber(literal)) {
            return decimal(value).compareTo(decimal(literal)) == 0;
        }
        if (value instanceof byte[] || literal instanceof byte[]) {
            byte[] left = bytes(value);
            byte[] right = bytes(literal);
            return left != null && right != null && Arrays.equals(left, right);
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Instant) {
            return value.getClass() == literal.getClass() && value.equals(literal);
        }
        return false;
    }

    /** Whether the two values have an order: numbers, strings, binary, timestamps. */
    static boolean orderable(Object value, Object literal) {
        if (value == null || literal == null) {
            return false;
        }
        if (isNumber(value) && isNumber(literal)) {
            return true;
        }
        if (value instanceof byte[] || literal instanceof byte[]) {
            return (value instanceof byte[] || value instanceof String) && (literal instanceof byte[] || literal instanceof String);
        }
        return (value instanceof String && literal instanceof String) || (value instanceof Instant && literal instanceof Instant);
    }

    /**
     * The order of two orderable values; null when a string that must stand for bytes has a code
     * point above 255 (the comparison is then false, STIX 2.1 §9.6).
     */
    static Integer compare(Object value, Object literal) {
        if (isNumber(value) && isNumber(literal)) {
            return decimal(value).compareTo(decimal(literal));
        }
        if (value instanceof byte[] || literal instanceof byte[]) {
            byte[] left = bytes(value);
            byte[] right = bytes(literal);
            return left == null || right == null ? null : Arrays.compareUnsigned(left, right);
        }
        if (value instanceof String left && literal instanceof String right) {
            return compareCodePoints(left, right);
        }
        return ((Instant) value).compareTo((Instant) literal);
    }

    private static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }

    static boolean isNumber(Object value) {
        return value instanceof BigInteger || value instanceof BigDecimal;
    }

    private static BigDecimal decimal(Object number) {
        return number instanceof BigInteger integer ? new BigDecimal(integer) : (BigDecimal) number;
    }

    /** Bytes, or a string's code points as bytes when all fit in one; null otherwise. */
    static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String text) {
            byte[] out = new byte[text.length()];
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c > 255) {
                    return null;
                }
                out[i] = (byte) c;
            }
            return out;
        }
        return null;
    }
}
