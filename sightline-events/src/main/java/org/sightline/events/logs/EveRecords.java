package org.sightline.events.logs;

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

    private EveRecords() {
    }

    static Event toEvent(LogRecord record, String source, long line) {
        if (!MATCHED_TYPES.contains(String.valueOf(record.first(LogRecord.EVENT_TYPE)))) {
            return null;
        }
        EventBuilder event = new EventBuilder(time(text(record, LogRecord.TIMESTAMP)), source, line)
                .sensor(text(record, LogRecord.HOST)); // Suricata's sensor-name, when set
        String src = event.ip(text(record, LogRecord.SRC_IP));
        String dst = event.ip(text(record, LogRecord.DEST_IP));
        event.traffic(src, dst, port(record, LogRecord.SRC_PORT), port(record, LogRecord.DEST_PORT), text(record, LogRecord.PROTO));
        String host = text(record, LogRecord.HTTP_HOSTNAME);
        event.domain(host);
        if (host != null && text(record, LogRecord.HTTP_URL) != null) {
            event.url("http://" + host + text(record, LogRecord.HTTP_URL));
        }
        event.domain(text(record, LogRecord.DNS_RRNAME));
        for (int names : new int[] {LogRecord.DNS_QUERY_RRNAME, LogRecord.DNS_QUERIES_RRNAME}) {
            for (String name : list(record, names)) {
                event.domain(name); // an alert on a DNS request (a Sightline rule's dns.query, say) carries what was asked
            }
        }
        answer(event, text(record, LogRecord.DNS_RDATA));
        for (String data : list(record, LogRecord.DNS_ANSWERS_RDATA)) {
            answer(event, data);
        }
        event.domain(text(record, LogRecord.TLS_SNI));
        if (text(record, LogRecord.TLS_FINGERPRINT) != null || text(record, LogRecord.TLS_SUBJECT) != null) {
            event.certificate(null, text(record, LogRecord.TLS_SUBJECT), text(record, LogRecord.TLS_ISSUERDN), text(record, LogRecord.TLS_SERIAL));
        }
        Map<String, String> hashes = new LinkedHashMap<>(); // a record without fileinfo states no file: file() adds nothing
        hashes.put("MD5", text(record, LogRecord.FILEINFO_MD5));
        hashes.put("SHA-1", text(record, LogRecord.FILEINFO_SHA1));
        hashes.put("SHA-256", text(record, LogRecord.FILEINFO_SHA256));
        event.file(hashes, text(record, LogRecord.FILEINFO_FILENAME));
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

    private static String text(LogRecord record, int field) {
        String text = record.first(field);
        return text == null || text.isEmpty() ? null : text;
    }

    private static List<String> list(LogRecord record, int field) {
        return record.list(field);
    }

    private static Integer port(LogRecord record, int field) {
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
