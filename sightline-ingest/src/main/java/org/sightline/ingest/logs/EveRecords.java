package org.sightline.ingest.logs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.pattern.stream.Event;
import org.sightline.pattern.stream.EventBuilder;

/**
 * Suricata EVE JSON records as events: alert, dns, http, tls, flow and fileinfo (others, such as
 * stats, are skipped). Records come as the fields {@link FlatJson} read, by dotted path.
 */
final class EveRecords {
    /** Suricata writes "2017-01-30T16:12:26.985026+0100": an offset without a colon. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter();
    private static final Set<String> MATCHED_TYPES = Set.of("alert", "dns", "http", "tls", "flow", "fileinfo");

    /** The fields read below. dns.rdata is EVE version 1's one answer per record, dns.answers.rdata version 2's list. */
    static final Set<String> FIELDS = Set.of("event_type", "timestamp", "src_ip", "dest_ip", "src_port", "dest_port",
            "proto", "http.hostname", "http.url", "dns.rrname", "dns.rdata", "dns.answers.rdata", "tls.sni",
            "tls.fingerprint", "tls.subject", "tls.issuerdn", "tls.serial", "fileinfo.md5", "fileinfo.sha1",
            "fileinfo.sha256", "fileinfo.filename");

    private EveRecords() {
    }

    static Event toEvent(Map<String, Object> record, String source, long line) {
        if (!MATCHED_TYPES.contains(String.valueOf(record.get("event_type")))) {
            return null;
        }
        EventBuilder event = new EventBuilder(time(text(record, "timestamp")), source, line);
        String src = event.ip(text(record, "src_ip"));
        String dst = event.ip(text(record, "dest_ip"));
        event.traffic(src, dst, port(record, "src_port"), port(record, "dest_port"), text(record, "proto"));
        String host = text(record, "http.hostname");
        event.domain(host);
        if (host != null && text(record, "http.url") != null) {
            event.url("http://" + host + text(record, "http.url"));
        }
        event.domain(text(record, "dns.rrname"));
        answer(event, text(record, "dns.rdata"));
        for (String data : list(record, "dns.answers.rdata")) {
            answer(event, data);
        }
        event.domain(text(record, "tls.sni"));
        if (text(record, "tls.fingerprint") != null || text(record, "tls.subject") != null) {
            event.certificate(null, text(record, "tls.subject"), text(record, "tls.issuerdn"), text(record, "tls.serial"));
        }
        Map<String, String> hashes = new LinkedHashMap<>(); // a record without fileinfo states no file: file() adds nothing
        hashes.put("MD5", text(record, "fileinfo.md5"));
        hashes.put("SHA-1", text(record, "fileinfo.sha1"));
        hashes.put("SHA-256", text(record, "fileinfo.sha256"));
        event.file(hashes, text(record, "fileinfo.filename"));
        return event.isEmpty() ? null : event.build();
    }

    private static void answer(EventBuilder event, String data) {
        if (data == null || data.isEmpty()) {
            return;
        }
        if (CidrSyntax.looksLikeIp(data)) {
            event.ip(data);
        } else {
            event.domain(data);
        }
    }

    static Instant time(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no 'timestamp' field");
        }
        try {
            return OffsetDateTime.parse(text, TIMESTAMP).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'timestamp' is '" + text + "', not a time as Suricata writes it (2017-01-30T16:12:26.985026+0100)");
        }
    }

    private static String text(Map<String, Object> record, String field) {
        Object value = record.get(field);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> record, String field) {
        Object value = record.get(field);
        return value instanceof List<?> list ? (List<String>) list : value == null ? List.of() : List.of(value.toString());
    }

    private static Integer port(Map<String, Object> record, String field) {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null; // as before: a port that is not a number states no port
        }
    }
}
