package org.sightline.ingest.logs;

import java.util.regex.Pattern;

/** Tells IP addresses from names in fields that hold either (DNS answers). */
final class CidrSyntax {
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private CidrSyntax() {
    }

    static boolean looksLikeIp(String value) {
        return IPV4.matcher(value).matches() || (value.indexOf(':') >= 0 && value.matches("[0-9a-fA-F:.]+"));
    }
}
