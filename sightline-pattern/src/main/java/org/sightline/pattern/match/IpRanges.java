package org.sightline.pattern.match;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP addresses and CIDR blocks (IPv4 and IPv6) for ISSUBSET and ISSUPERSET (STIX 2.1 §9.6). */
final class IpRanges {
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

    private IpRanges() {
    }

    /** An address with a prefix length: a single address has the full length. */
    record Block(BigInteger address, int prefix, int bits) {
        boolean contains(Block inner) {
            if (inner.bits != bits || inner.prefix < prefix) {
                return false;
            }
            int shift = bits - prefix;
            return address.shiftRight(shift).equals(inner.address.shiftRight(shift));
        }
    }

    /** Does the container block hold the containee (an address or a block)? */
    static boolean contains(String container, String containee) {
        return block(container, true).contains(block(containee, false));
    }

    static Block block(String text, boolean mustBeBlock) {
        int slash = text.indexOf('/');
        if (slash < 0 && mustBeBlock) {
            throw new MatcherException("Invalid CIDR subnet: " + text);
        }
        String host = slash < 0 ? text : text.substring(0, slash);
        byte[] raw = address(host, text);
        int bits = raw.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (!length.matches("\\d{1,3}")) {
                throw new MatcherException("Invalid CIDR subnet: " + text);
            }
            prefix = Integer.parseInt(length);
            if (prefix < 1 || prefix > bits) {
                throw new MatcherException("Invalid CIDR subnet: " + text);
            }
        }
        return new Block(new BigInteger(1, raw), prefix, bits);
    }

    private static byte[] address(String host, String whole) {
        var ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(ipv4.group(i + 1));
                if (octet > 255) {
                    throw new MatcherException("Invalid IPv4 address: " + whole);
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        if (host.indexOf(':') >= 0 && host.matches("[0-9a-fA-F:.]+")) {
            try {
                // A literal with colons is parsed, never looked up.
                return InetAddress.getByName(host).getAddress();
            } catch (UnknownHostException e) {
                throw new MatcherException("Invalid IPv6 address: " + whole);
            }
        }
        throw new MatcherException("Invalid IP address: " + whole);
    }
}
