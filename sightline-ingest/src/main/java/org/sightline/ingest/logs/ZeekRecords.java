package org.sightline.ingest.logs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sightline.pattern.stream.Event;
import org.sightline.pattern.stream.EventBuilder;

/**
 * Zeek records (from TSV or JSON logs) as events, by log path: conn, dns, http, ssl, x509, files,
 * smtp, notice. Fields Zeek leaves unset ("-", "(empty)") are absent.
 */
final class ZeekRecords {
    /** The fields read below, by any log path: readers decode these and skip the rest. */
    static final java.util.Set<String> FIELDS = java.util.Set.of("ts", "_path", "id.orig_h", "id.resp_h", "id.orig_p",
            "id.resp_p", "proto", "query", "answers", "host", "uri", "server_name", "cert_chain_fps", "fingerprint",
            "certificate.subject", "certificate.issuer", "certificate.serial", "md5", "sha1", "sha256", "filename",
            "mailfrom", "rcptto", "src", "dst");

    private ZeekRecords() {
    }

    /** The event a record states, or null when it states no observable (e.g. a dns record of a local name without addresses). */
    static Event toEvent(String path, Map<String, Object> record, String source, long line) {
        Instant time = time(record.get("ts"));
        EventBuilder event = new EventBuilder(time, source, line);
        String orig = event.ip(text(record, "id.orig_h"));
        String resp = event.ip(text(record, "id.resp_h"));
        if (orig != null || resp != null) {
            event.traffic(orig, resp, integer(record, "id.orig_p"), integer(record, "id.resp_p"), text(record, "proto"));
        }
        switch (path) {
            case "dns" -> {
                event.domain(text(record, "query"));
                for (String answer : list(record, "answers")) {
                    if (CidrSyntax.looksLikeIp(answer)) {
                        event.ip(answer);
                    } else {
                        event.domain(answer);
                    }
                }
            }
            case "http" -> {
                String host = text(record, "host");
                event.domain(host);
                String uri = text(record, "uri");
                if (host != null && uri != null) {
                    event.url("http://" + host + uri);
                }
            }
            case "ssl" -> {
                event.domain(text(record, "server_name"));
                for (String fingerprint : list(record, "cert_chain_fps")) {
                    event.certificate(fingerprint, null, null, null);
                }
            }
            case "x509" -> event.certificate(text(record, "fingerprint"), text(record, "certificate.subject"),
                    text(record, "certificate.issuer"), text(record, "certificate.serial"));
            case "files" -> event.file(Map.of("MD5", orEmpty(text(record, "md5")), "SHA-1", orEmpty(text(record, "sha1")),
                    "SHA-256", orEmpty(text(record, "sha256"))), text(record, "filename"));
            case "smtp" -> {
                event.email(text(record, "mailfrom"));
                for (String to : list(record, "rcptto")) {
                    event.email(to);
                }
            }
            case "notice" -> {
                event.ip(text(record, "src"));
                event.ip(text(record, "dst"));
            }
            default -> {
            }
        }
        return event.isEmpty() ? null : event.build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static Instant time(Object ts) {
        if (ts == null) {
            throw new IllegalArgumentException("no 'ts' field");
        }
        String text = ts.toString();
        try {
            if (text.contains("T")) {
                return org.sightline.stix.StixTimestamp.parse(text);
            }
            BigDecimal seconds = new BigDecimal(text);
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            // Name the value: the parsers' own messages ("Character X is neither a decimal digit…") do not say which field.
            throw new IllegalArgumentException("'ts' is '" + text + "', neither epoch seconds nor an RFC 3339 time");
        }
    }

    static String text(Map<String, Object> record, String field) {
        Object value = record.get(field);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.isEmpty() || "-".equals(text) || "(empty)".equals(text) ? null : text;
    }

    private static Integer integer(Map<String, Object> record, String field) {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + field + "' is not a number: " + text);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> record, String field) {
        Object value = record.get(field);
        if (value instanceof List<?> items) {
            return (List<String>) items;
        }
        String text = text(record, field);
        return text == null ? List.of() : List.of(text.split(","));
    }
}
