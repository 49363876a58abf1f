package org.sightline.events.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a Zeek or EVE record that the adapters read, each in a slot of its own: readers
 * (FlatJson, Zeek TSV) fill the slots, adapters read them by the constants below. A slot holds a
 * String, a List of them (arrays, and fields of objects in arrays), or null. Slots rather than a
 * map because a record is made for every line of a log and read a dozen times.
 */
final class LogRecord {
    private static final List<String> NAMES = new ArrayList<>();
    private static final Map<String, Integer> SLOTS = new HashMap<>();

    // Zeek, every log path (keys are flat; the dots are part of them)
    static final int TS = slot("ts");
    static final int PATH = slot("_path");
    static final int UID = slot("uid");
    static final int ORIG_H = slot("id.orig_h");
    static final int RESP_H = slot("id.resp_h");
    static final int ORIG_P = slot("id.orig_p");
    static final int RESP_P = slot("id.resp_p");
    static final int PROTO = slot("proto");
    static final int QUERY = slot("query");
    static final int ANSWERS = slot("answers");
    static final int HOST = slot("host");
    static final int URI = slot("uri");
    static final int SERVER_NAME = slot("server_name");
    static final int CERT_CHAIN_FPS = slot("cert_chain_fps");
    static final int FINGERPRINT = slot("fingerprint");
    static final int CERT_SUBJECT = slot("certificate.subject");
    static final int CERT_ISSUER = slot("certificate.issuer");
    static final int CERT_SERIAL = slot("certificate.serial");
    static final int MD5 = slot("md5");
    static final int SHA1 = slot("sha1");
    static final int SHA256 = slot("sha256");
    static final int FILENAME = slot("filename");
    static final int MAILFROM = slot("mailfrom");
    static final int RCPTTO = slot("rcptto");
    static final int SRC = slot("src");
    static final int DST = slot("dst");
    static final int SEEN_INDICATOR = slot("seen.indicator");
    static final int SEEN_INDICATOR_TYPE = slot("seen.indicator_type");
    // Suricata EVE (nested objects; dns.rdata is EVE version 1's one answer, dns.answers.rdata version 2's list)
    static final int EVENT_TYPE = slot("event_type");
    static final int TIMESTAMP = slot("timestamp");
    static final int SRC_IP = slot("src_ip");
    static final int DEST_IP = slot("dest_ip");
    static final int SRC_PORT = slot("src_port");
    static final int DEST_PORT = slot("dest_port");
    static final int HTTP_HOSTNAME = slot("http.hostname");
    static final int HTTP_URL = slot("http.url");
    static final int DNS_RRNAME = slot("dns.rrname");
    static final int DNS_RDATA = slot("dns.rdata");
    static final int DNS_ANSWERS_RDATA = slot("dns.answers.rdata");
    // an alert's DNS metadata: Suricata 6/7 write the request as dns.query[], EVE version 3 as dns.queries[]
    static final int DNS_QUERY_RRNAME = slot("dns.query.rrname");
    static final int DNS_QUERIES_RRNAME = slot("dns.queries.rrname");
    static final int TLS_SNI = slot("tls.sni");
    static final int TLS_FINGERPRINT = slot("tls.fingerprint");
    static final int TLS_SUBJECT = slot("tls.subject");
    static final int TLS_ISSUERDN = slot("tls.issuerdn");
    static final int TLS_SERIAL = slot("tls.serial");
    static final int FILEINFO_MD5 = slot("fileinfo.md5");
    static final int FILEINFO_SHA1 = slot("fileinfo.sha1");
    static final int FILEINFO_SHA256 = slot("fileinfo.sha256");
    static final int FILEINFO_FILENAME = slot("fileinfo.filename");
    // STIX, for telling a stream's records apart
    static final int TYPE = slot("type");

    private static int slot(String name) {
        SLOTS.put(name, NAMES.size());
        NAMES.add(name);
        return NAMES.size() - 1;
    }

    /** Every field's path, by slot. */
    static List<String> names() {
        return List.copyOf(NAMES);
    }

    /** The slot of a field, or -1 for one no adapter reads. */
    static int slotOf(String name) {
        return SLOTS.getOrDefault(name, -1);
    }

    private final Object[] values = new Object[NAMES.size()];

    Object get(int slot) {
        return values[slot];
    }

    boolean has(int slot) {
        return values[slot] != null;
    }

    void set(int slot, Object value) {
        values[slot] = value;
    }

    /** Appends to the slot's list, making one (with what the slot held) if it holds none. */
    @SuppressWarnings("unchecked")
    void add(int slot, String text) {
        Object present = values[slot];
        if (present instanceof List<?> list) {
            ((List<String>) list).add(text);
            return;
        }
        List<String> list = new ArrayList<>(4);
        if (present != null) {
            list.add((String) present);
        }
        list.add(text);
        values[slot] = list;
    }

    /** The slot's first text (a list's first item), or null. */
    String first(int slot) {
        Object value = values[slot];
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : (String) list.get(0);
        }
        return (String) value;
    }

    /** The slot as a list: its list, its one text, or nothing. */
    @SuppressWarnings("unchecked")
    List<String> list(int slot) {
        Object value = values[slot];
        return value instanceof List<?> list ? (List<String>) list : value == null ? List.of() : List.of((String) value);
    }
}
