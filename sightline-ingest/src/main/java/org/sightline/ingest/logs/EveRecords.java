package org.sightline.ingest.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sightline.pattern.stream.Event;
import org.sightline.pattern.stream.EventBuilder;

/** Suricata EVE JSON records as events: alert, dns, http, tls, flow and fileinfo (others, such as stats, are skipped). */
final class EveRecords {
    /** Suricata writes "2017-01-30T16:12:26.985026+0100": an offset without a colon. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter();

    private EveRecords() {
    }

    static Event toEvent(JsonNode record, String source, long line) {
        String type = record.path("event_type").asText("");
        if (!java.util.Set.of("alert", "dns", "http", "tls", "flow", "fileinfo").contains(type)) {
            return null;
        }
        EventBuilder event = new EventBuilder(time(record.path("timestamp").asText(null)), source, line);
        String src = event.ip(text(record, "src_ip"));
        String dst = event.ip(text(record, "dest_ip"));
        event.traffic(src, dst, port(record, "src_port"), port(record, "dest_port"), text(record, "proto"));
        JsonNode http = record.path("http");
        String host = text(http, "hostname");
        event.domain(host);
        if (host != null && text(http, "url") != null) {
            event.url("http://" + host + text(http, "url"));
        }
        event.domain(text(record.path("dns"), "rrname"));
        for (JsonNode answer : record.path("dns").path("answers")) {
            String data = text(answer, "rdata");
            if (data != null) {
                if (CidrSyntax.looksLikeIp(data)) {
                    event.ip(data);
                } else {
                    event.domain(data);
                }
            }
        }
        JsonNode tls = record.path("tls");
        event.domain(text(tls, "sni"));
        String fingerprint = text(tls, "fingerprint");
        if (fingerprint != null || text(tls, "subject") != null) {
            event.certificate(null, text(tls, "subject"), text(tls, "issuerdn"), text(tls, "serial"));
        }
        JsonNode file = record.path("fileinfo");
        if (!file.isMissingNode()) {
            Map<String, String> hashes = new LinkedHashMap<>();
            hashes.put("MD5", text(file, "md5"));
            hashes.put("SHA-1", text(file, "sha1"));
            hashes.put("SHA-256", text(file, "sha256"));
            event.file(hashes, text(file, "filename"));
        }
        return event.isEmpty() ? null : event.build();
    }

    static Instant time(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no 'timestamp' field");
        }
        return OffsetDateTime.parse(text, TIMESTAMP).toInstant();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static Integer port(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && value.canConvertToInt() ? value.asInt() : null;
    }
}
