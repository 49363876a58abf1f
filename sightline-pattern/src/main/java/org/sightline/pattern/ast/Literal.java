package org.sightline.pattern.ast;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Constants in patterns (STIX 2.1 §9.4). */
public sealed interface Literal {

    record StringValue(String value) implements Literal {
    }

    record IntValue(BigInteger value) implements Literal {
    }

    record FloatValue(BigDecimal value) implements Literal {
    }

    record BoolValue(boolean value) implements Literal {
    }

    /** A timestamp; {@code text} is the RFC 3339 text between the quotes, kept for printing. */
    record TimestampValue(String text, Instant instant) implements Literal {
    }

    /** {@code h'…'} and {@code b'…'}: bytes, with the form they were written in. */
    record BytesValue(byte[] value, boolean hex) implements Literal {
        @Override
        public boolean equals(Object other) {
            return other instanceof BytesValue b && b.hex == hex && Arrays.equals(b.value, value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value) * 31 + Boolean.hashCode(hex);
        }

        @Override
        public String toString() {
            return (hex ? "h'" : "b'") + HexFormat.of().formatHex(value) + "'";
        }
    }

    /** {@code ( 'a', 'b' )}, the right side of IN. */
    record SetValue(List<Literal> values) implements Literal {
        public SetValue {
            values = List.copyOf(values);
        }
    }
}
