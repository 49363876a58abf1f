package org.sightline.events.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.stix.json.StixJson;

/**
 * Reads the fields the log adapters need (those of {@link LogRecord}) out of one JSON record,
 * straight from its bytes. Fields are named by dotted paths ({@code dns.rrname}); a Zeek key that
 * holds dots itself ({@code id.orig_h}) is the same path. A scalar's value is its text (numbers as
 * written, true and false as words); an array of scalars, or a field found in the objects of an
 * array ({@code dns.answers.rdata}), is a list of texts; JSON null is absent.
 *
 * <p>Why not Jackson: a Zeek or EVE record is mostly fields nobody reads, and a general parser
 * still makes tokens of them all; on a 2-core machine, reading Zeek JSON with Jackson (one parser
 * per line) ran at half the speed of this, and its JIT compilation alone took longer than a whole
 * 500,000-line log. The record is still checked as JSON in full (RFC 8259's grammar, nesting up
 * to {@link StixJson#MAX_NESTING_DEPTH}): a broken line is reported, never half-read.
 */
final class FlatJson {
    private final Keys root;

    /** The one reader: every adapter's fields, found in one pass whatever the format. */
    static final FlatJson LOG_FIELDS = new FlatJson(LogRecord.names());

    private FlatJson(List<String> wanted) {
        Map<String, Object> tree = new HashMap<>();
        for (String path : wanted) {
            tree.put(path, Boolean.TRUE); // a Zeek key with dots, wanted as it is
            String[] parts = path.split("\\.");
            Map<String, Object> node = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.get(parts[i] + "{}");
                if (child == null) {
                    child = new HashMap<String, Object>();
                    node.put(parts[i] + "{}", child);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
            }
            if (parts.length > 1) {
                node.put(parts[parts.length - 1], Boolean.TRUE);
            }
        }
        this.root = Keys.of(tree, null);
    }

    /** A line that is not one JSON object; the message says what is wrong and at which column. */
    static final class NotAnObjectException extends Exception {
        NotAnObjectException(String message) {
            super(message);
        }
    }

    /** The wanted fields of the record in {@code bytes[from, to)}, which must be one JSON object and nothing else. */
    LogRecord read(byte[] bytes, int from, int to) throws NotAnObjectException {
        return new Scan(bytes, from, to).record();
    }

    /** A key of interest: the record slot of its value when that is wanted (else -1), and the keys of interest inside it. */
    private record Key(byte[] name, int slot, boolean wanted, Keys inside) {
    }

    /**
     * Keys of interest at one level, found from a key's bytes without making a String of it: the
     * table is indexed by String.hashCode, which for ASCII names is the same sum over the bytes.
     */
    private static final class Keys {
        private final Key[] table;
        private final int mask;
        /** Which (length, first byte) pairs a key of interest has: most keys of a record are turned away on these alone. */
        private final boolean[] possible = new boolean[64 * 128];

        private Keys(List<Key> keys) {
            for (Key key : keys) {
                if (key.name.length < 64 && key.name.length > 0) {
                    possible[key.name.length * 128 + key.name[0]] = true;
                }
            }
            int size = Integer.highestOneBit(Math.max(4, keys.size() * 4) - 1) << 1;
            table = new Key[size];
            mask = size - 1;
            for (Key key : keys) {
                int slot = new String(key.name, StandardCharsets.US_ASCII).hashCode() & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = key;
            }
        }

        @SuppressWarnings("unchecked")
        static Keys of(Map<String, Object> tree, String prefix) {
            Set<String> names = new HashSet<>();
            tree.keySet().forEach(name -> names.add(name.endsWith("{}") ? name.substring(0, name.length() - 2) : name));
            List<Key> keys = new ArrayList<>();
            for (String name : names) {
                String path = prefix == null ? name : prefix + "." + name;
                Object inside = tree.get(name + "{}");
                keys.add(new Key(name.getBytes(StandardCharsets.US_ASCII), LogRecord.slotOf(path), tree.containsKey(name),
                        inside == null ? null : of((Map<String, Object>) inside, path)));
            }
            return new Keys(keys);
        }

        /** The key spelt by {@code bytes[from, to)}, or null. */
        Key find(byte[] bytes, int from, int to) {
            int length = to - from;
            if (length <= 0 || length >= 64 || bytes[from] < 0 || !possible[length * 128 + bytes[from]]) {
                return null;
            }
            int hash = 0;
            for (int i = from; i < to; i++) {
                if (bytes[i] < 0) {
                    return null; // not ASCII: no key of interest is
                }
                hash = 31 * hash + bytes[i];
            }
            for (int slot = hash & mask; table[slot] != null; slot = (slot + 1) & mask) {
                byte[] name = table[slot].name;
                if (name.length == to - from && java.util.Arrays.equals(name, 0, name.length, bytes, from, to)) {
                    return table[slot];
                }
            }
            return null;
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Whether none of eight bytes is a quote, a backslash or below 0x20 (bytes of UTF-8 sequences, 0x80 and up, are plain). */
    private static boolean plainBytes(long word) {
        return (hasZero(word ^ (ONES * '"')) | hasZero(word ^ (ONES * '\\')) | ((word - ONES * 0x20) & ~word & HIGHS)) == 0;
    }

    /** The high bit of every byte of {@code word} that is zero (exact: no false positives). */
    private static long hasZero(long word) {
        return ~(((word & ~HIGHS) + ~HIGHS) | word | ~HIGHS);
    }

    /** One record being read. */
    private final class Scan {
        private final byte[] b;
        private final int start;
        private final int end;
        private int pos;
        private final LogRecord record = new LogRecord();

        Scan(byte[] bytes, int from, int to) {
            this.b = bytes;
            this.start = from;
            this.end = to;
            this.pos = from;
        }

        LogRecord record() throws NotAnObjectException {
            skipSpace();
            if (pos >= end) {
                throw new NotAnObjectException("not valid JSON: an empty line");
            }
            if (b[pos] != '{') {
                skipValue(1);
                skipSpace();
                throw pos == end ? new NotAnObjectException("not a JSON object") : invalid("more than one JSON value on the line");
            }
            object(root, false, 1);
            skipSpace();
            if (pos != end) {
                throw invalid("more than one JSON value on the line");
            }
            return record;
        }

        private void object(Keys keys, boolean inArray, int depth) throws NotAnObjectException {
            deeper(depth);
            pos++; // '{'
            skipSpace();
            if (peek() == '}') {
                pos++;
                return;
            }
            while (true) {
                if (peek() != '"') {
                    throw invalid("expected a field name in double quotes");
                }
                int nameStart = pos + 1;
                boolean escaped = skipString();
                Key key = null;
                if (keys != null && escaped) {
                    byte[] name = decode(nameStart, pos - 1).getBytes(StandardCharsets.UTF_8);
                    key = keys.find(name, 0, name.length);
                } else if (keys != null) {
                    key = keys.find(b, nameStart, pos - 1);
                }
                skipSpace();
                if (peek() != ':') {
                    throw invalid("expected ':' after a field name");
                }
                pos++;
                skipSpace();
                value(key, inArray, depth);
                if (atEnd((byte) '}')) {
                    return;
                }
            }
        }

        private void value(Key key, boolean inArray, int depth) throws NotAnObjectException {
            byte c = peek();
            if (key == null) {
                skipValue(depth + 1);
            } else if (c == '{') {
                if (key.inside != null) {
                    object(key.inside, inArray, depth + 1);
                } else {
                    skipValue(depth + 1);
                }
            } else if (c == '[') {
                array(key, depth + 1);
            } else if (!key.wanted) {
                skipValue(depth + 1);
            } else {
                String text = scalar();
                if (text != null) {
                    put(key.slot, text, inArray);
                }
            }
        }

        private void array(Key key, int depth) throws NotAnObjectException {
            deeper(depth);
            if (key.wanted && !record.has(key.slot)) {
                record.set(key.slot, new ArrayList<String>(4));
            }
            pos++; // '['
            skipSpace();
            if (peek() == ']') {
                pos++;
                return;
            }
            while (true) {
                byte c = peek();
                if (c == '{' && key.inside != null) {
                    object(key.inside, true, depth + 1);
                } else if (c == '{' || c == '[' || !key.wanted) {
                    skipValue(depth + 1);
                } else {
                    String text = scalar();
                    if (text != null) {
                        put(key.slot, text, true);
                    }
                }
                if (atEnd((byte) ']')) {
                    return;
                }
            }
        }

        /** After a member or an element: true at the container's end (moved past it), else moved past the comma. */
        private boolean atEnd(byte close) throws NotAnObjectException {
            skipSpace();
            byte next = peek();
            if (next == close) {
                pos++;
                return true;
            }
            if (next != ',') {
                throw invalid("expected ',' or '" + (char) close + "'");
            }
            pos++;
            skipSpace();
            return false;
        }

        /** A string's, number's or literal's text; null for JSON null. */
        private String scalar() throws NotAnObjectException {
            int from = pos;
            byte c = peek();
            if (c == '"') {
                boolean escaped = skipString();
                return escaped ? decode(from + 1, pos - 1) : new String(b, from + 1, pos - from - 2, StandardCharsets.UTF_8);
            }
            skipValue(1);
            return c == 'n' ? null : new String(b, from, pos - from, StandardCharsets.ISO_8859_1);
        }

        private void put(int slot, String text, boolean inArray) {
            if (inArray) {
                record.add(slot, text);
            } else {
                record.set(slot, text); // a key given twice: the last one counts, as in Jackson
            }
        }

        /** Passes over any value, checking its syntax. */
        private void skipValue(int depth) throws NotAnObjectException {
            byte c = peek();
            switch (c) {
                case '{' -> {
                    object(null, false, depth);
                }
                case '[' -> {
                    deeper(depth);
                    pos++;
                    skipSpace();
                    if (peek() == ']') {
                        pos++;
                        return;
                    }
                    while (true) {
                        skipValue(depth + 1);
                        if (atEnd((byte) ']')) {
                            return;
                        }
                    }
                }
                case '"' -> skipString();
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> {
                    if (c == '-' || c >= '0' && c <= '9') {
                        number();
                    } else {
                        throw invalid(pos >= end ? "the line ends inside a value" : "unexpected character '" + (char) (c & 0xff) + "'");
                    }
                }
            }
        }

        /** Moves past a string (pos at its opening quote); true when it holds escapes. */
        private boolean skipString() throws NotAnObjectException {
            boolean escaped = false;
            pos++;
            while (pos + 8 <= end && plainBytes((long) LONGS.get(b, pos))) {
                pos += 8; // eight bytes with no quote, backslash or control character: nothing to look at
            }
            while (pos < end) {
                byte c = b[pos];
                if (c == '"') {
                    pos++;
                    return escaped;
                }
                if (c == '\\') {
                    escaped = true;
                    if (pos + 1 >= end) {
                        break;
                    }
                    byte e = b[pos + 1];
                    if (e == 'u') {
                        for (int i = pos + 2; i < pos + 6; i++) {
                            if (i >= end || Character.digit(b[i], 16) < 0) {
                                throw invalid("a \\u escape needs four hex digits");
                            }
                        }
                        pos += 6;
                        continue;
                    }
                    if ("\"\\/bfnrt".indexOf(e) < 0) {
                        throw invalid("unknown escape \\" + (char) (e & 0xff));
                    }
                    pos += 2;
                    continue;
                }
                if (c >= 0 && c < 0x20) {
                    throw invalid("a control character inside a string");
                }
                pos++;
            }
            throw invalid("the line ends inside a string");
        }

        /** The text of a string with escapes, {@code b[from, to)} between its quotes. */
        private String decode(int from, int to) {
            StringBuilder text = new StringBuilder(to - from);
            int run = from;
            int i = from;
            while (i < to) {
                if (b[i] != '\\') {
                    i++;
                    continue;
                }
                text.append(new String(b, run, i - run, StandardCharsets.UTF_8));
                byte e = b[i + 1];
                switch (e) {
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case 'u' -> text.append((char) Integer.parseInt(new String(b, i + 2, 4, StandardCharsets.US_ASCII), 16));
                    default -> text.append((char) e);
                }
                i += e == 'u' ? 6 : 2;
                run = i;
            }
            return text.append(new String(b, run, to - run, StandardCharsets.UTF_8)).toString();
        }

        private void literal(String word) throws NotAnObjectException {
            for (int i = 0; i < word.length(); i++) {
                if (pos + i >= end || b[pos + i] != word.charAt(i)) {
                    throw invalid("unexpected character '" + (char) (peek() & 0xff) + "'");
                }
            }
            pos += word.length();
        }

        /** RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
        private void number() throws NotAnObjectException {
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (!digits()) {
                throw invalid("a number needs digits");
            }
            if (peek() == '.') {
                pos++;
                if (!digits()) {
                    throw invalid("a number needs digits after its decimal point");
                }
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!digits()) {
                    throw invalid("a number needs digits in its exponent");
                }
            }
        }

        private boolean digits() {
            int from = pos;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                pos++;
            }
            return pos > from;
        }

        private void skipSpace() {
            while (pos < end && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\r' || b[pos] == '\n')) {
                pos++;
            }
        }

        /** The byte at pos, or 0 at the end of the line (which no rule accepts). */
        private byte peek() {
            return pos < end ? b[pos] : 0;
        }

        private void deeper(int depth) throws NotAnObjectException {
            if (depth > StixJson.MAX_NESTING_DEPTH) {
                throw invalid("nested deeper than " + StixJson.MAX_NESTING_DEPTH + " levels");
            }
        }

        private NotAnObjectException invalid(String why) {
            return new NotAnObjectException("not valid JSON: " + why + " at column " + (pos - start + 1));
        }
    }
}
