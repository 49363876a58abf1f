package org.sightline.events.logs;

/** Tells IP addresses from names in fields that hold either (DNS answers). */
final class CidrSyntax {
    private CidrSyntax() {
    }

    /** Four dotted groups of one to three digits, or hex digits, dots and at least one colon (IPv6): read by hand, once per answer. */
    static boolean looksLikeIp(String value) {
        return isIpv4(value) || isIpv6(value);
    }

    private static boolean isIpv4(String value) {
        int groups = 1;
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
            } else if (c == '.' && digits > 0 && groups < 4) {
                groups++;
                digits = 0;
            } else {
                return false;
            }
        }
        return groups == 4 && digits > 0;
    }

    private static boolean isIpv6(String value) {
        if (value.indexOf(':') < 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
