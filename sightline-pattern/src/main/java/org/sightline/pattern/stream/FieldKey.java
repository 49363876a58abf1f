package org.sightline.pattern.stream;

import java.util.Locale;
import java.util.Map;
import org.sightline.pattern.ast.ObjectPath;

/**
 * The flat name of a property path, shared by events and compiled indicators:
 * {@code ipv4-addr:value}, {@code network-traffic:dst_ref.value}, {@code file:hashes.SHA-256}.
 * Hash algorithm names are written the STIX way whatever the source wrote (sha256, SHA256).
 */
public final class FieldKey {
    private static final Map<String, String> HASH_NAMES = Map.of(
            "MD5", "MD5", "SHA1", "SHA-1", "SHA-1", "SHA-1", "SHA256", "SHA-256", "SHA-256", "SHA-256",
            "SHA512", "SHA-512", "SHA-512", "SHA-512", "SSDEEP", "SSDEEP", "TLSH", "TLSH");

    private FieldKey() {
    }

    /** The key of a path made only of property names; null when it has list steps. */
    public static String of(ObjectPath path) {
        StringBuilder key = new StringBuilder(path.objectType()).append(':');
        String previous = null;
        for (ObjectPath.Step step : path.steps()) {
            if (!(step instanceof ObjectPath.Key name)) {
                return null;
            }
            if (previous != null) {
                key.append('.');
            }
            key.append("hashes".equals(previous) ? hashName(name.name()) : name.name());
            previous = name.name();
        }
        return key.toString();
    }

    public static String hashName(String algorithm) {
        String upper = algorithm.toUpperCase(Locale.ROOT);
        return HASH_NAMES.getOrDefault(upper, upper);
    }

    /** Hash values compare without regard to case: logs write them lower case, feeds often upper. */
    public static boolean isHash(String field) {
        return field.contains(":hashes.") || field.endsWith(":hashes");
    }

    /** A field's text value as events and the index both hold it: hash values in lower case, others as they are. */
    public static String normalised(String field, String text) {
        return isHash(field) ? text.toLowerCase(Locale.ROOT) : text;
    }
}
