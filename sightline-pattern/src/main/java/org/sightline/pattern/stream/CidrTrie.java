package org.sightline.pattern.stream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.function.IntConsumer;

/** A binary prefix trie of CIDR blocks (IPv4 and IPv6): an address finds every block holding it in one walk. */
final class CidrTrie {
    private final Node v4 = new Node();
    private final Node v6 = new Node();

    private static final class Node {
        Node zero;
        Node one;
        int[] ordinals = new int[0];
    }

    /** Adds a block; false when it is not a CIDR block or address. */
    boolean add(String block, int ordinal) {
        int slash = block.indexOf('/');
        byte[] address = parse(slash < 0 ? block : block.substring(0, slash));
        if (address == null) {
            return false;
        }
        int bits = address.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(block.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (prefix < 0 || prefix > bits) {
            return false;
        }
        Node node = address.length == 4 ? v4 : v6;
        for (int bit = 0; bit < prefix; bit++) {
            if (bit(address, bit)) {
                node = node.one == null ? (node.one = new Node()) : node.one;
            } else {
                node = node.zero == null ? (node.zero = new Node()) : node.zero;
            }
        }
        node.ordinals = Arrays.copyOf(node.ordinals, node.ordinals.length + 1);
        node.ordinals[node.ordinals.length - 1] = ordinal;
        return true;
    }

    /** Reports every block that contains the address. */
    void find(String address, IntConsumer hits) {
        byte[] bytes = parse(address);
        if (bytes == null) {
            return;
        }
        Node node = bytes.length == 4 ? v4 : v6;
        int bits = bytes.length * 8;
        for (int bit = 0; node != null; bit++) {
            for (int ordinal : node.ordinals) {
                hits.accept(ordinal);
            }
            if (bit == bits) {
                break;
            }
            node = bit(bytes, bit) ? node.one : node.zero;
        }
    }

    private static boolean bit(byte[] address, int bit) {
        return (address[bit >> 3] & (0x80 >> (bit & 7))) != 0;
    }

    /** Dotted quads by hand (fast, no look-up); IPv6 literals through InetAddress, which never resolves a literal. */
    static byte[] parse(String text) {
        if (text.indexOf(':') >= 0) {
            if (!text.matches("[0-9a-fA-F:.]+")) {
                return null;
            }
            try {
                byte[] bytes = InetAddress.getByName(text).getAddress();
                return bytes.length == 16 ? bytes : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        byte[] bytes = new byte[4];
        int octet = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && value >= 0 && octet < 4) {
                bytes[octet++] = (byte) value;
                value = -1;
            } else {
                return null;
            }
        }
        return octet == 4 ? bytes : null;
    }
}
