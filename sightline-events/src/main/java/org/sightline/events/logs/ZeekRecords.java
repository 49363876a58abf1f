package org.sightline.events.logs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sightline.pattern.stream.Event;
import org.sightline.pattern.stream.EventBuilder;

/**
 * Zeek records (from TSV or JSON logs) as events, by log path: conn, dns, http, ssl, x509, files,
 * smtp, notice, intel. Fields Zeek leaves unset ("-", "(empty)") are absent.
 */
final class ZeekRecords {
    private ZeekRecords() {
    }

    /**
     * The application protocol a log path is about, for the network-traffic it states: ssl, http, smtp,
     * files and x509 logs have no proto column, and STIX requires protocols (§6.12). Each runs over TCP
     * (a DTLS session in ssl.log is the rare exception Zeek does not mark).
     */
    private static String application(String path) {
        return switch (path) {
            case "ssl", "x509" -> "tls";
            case "http" -> "http";
            case "smtp" -> "smtp";
            default -> null; // conn, dns, notice, intel carry proto; files may come over any of them
        };
    }

    /** The event a record states, or null when it states no observable (e.g. a dns record of a local name without addresses). */
    static Event toEvent(String path, LogRecord record, String source, long line) {
        Instant time = time(record.first(LogRecord.TS));
        EventBuilder event = new EventBuilder(time, source, line);
        String orig = event.ip(text(record, LogRecord.ORIG_H));
        String resp = event.ip(text(record, LogRecord.RESP_H));
        if (orig != null || resp != null) {
            String proto = text(record, LogRecord.PROTO);
            String application = application(path);
            event.traffic(orig, resp, integer(record, LogRecord.ORIG_P), integer(record, LogRecord.RESP_P),
                    proto == null && application != null ? "tcp" : proto, application);
        }
        switch (path) {
            case "dns" -> {
                event.domain(text(record, LogRecord.QUERY));
                for (String answer : list(record, LogRecord.ANSWERS)) {
                    if (CidrSyntax.looksLikeIp(answer)) {
                        event.ip(answer);
                    } else {
                        event.domain(answer);
                    }
                }
            }
            case "http" -> {
                String host = text(record, LogRecord.HOST);
                event.domain(host);
                String uri = text(record, LogRecord.URI);
                if (host != null && uri != null) {
                    event.url("http://" + host + uri);
                }
            }
            case "ssl" -> {
                event.domain(text(record, LogRecord.SERVER_NAME));
                for (String fingerprint : list(record, LogRecord.CERT_CHAIN_FPS)) {
                    event.certificate(fingerprint, null, null, null);
                }
            }
            case "x509" -> event.certificate(text(record, LogRecord.FINGERPRINT), text(record, LogRecord.CERT_SUBJECT),
                    text(record, LogRecord.CERT_ISSUER), text(record, LogRecord.CERT_SERIAL));
            case "files" -> event.file(Map.of("MD5", orEmpty(text(record, LogRecord.MD5)), "SHA-1", orEmpty(text(record, LogRecord.SHA1)),
                    "SHA-256", orEmpty(text(record, LogRecord.SHA256))), text(record, LogRecord.FILENAME));
            case "smtp" -> {
                event.email(text(record, LogRecord.MAILFROM));
                for (String to : list(record, LogRecord.RCPTTO)) {
                    event.email(to);
                }
            }
            case "notice" -> {
                event.ip(text(record, LogRecord.SRC));
                event.ip(text(record, LogRecord.DST));
            }
            case "intel" -> seen(event, text(record, LogRecord.SEEN_INDICATOR), text(record, LogRecord.SEEN_INDICATOR_TYPE));
            default -> {
            }
        }
        return event.isEmpty() ? null : event.build();
    }

    /**
     * What Zeek's Intel framework saw (intel.log's {@code seen.indicator}, of {@code seen.indicator_type}),
     * as the observable it is, so that the indicator exported to Zeek (see ingest's sensors package)
     * matches it again: a hit on an exported file comes back as a sighting of that indicator. Zeek
     * writes URLs without their scheme and sees only plain HTTP, so a URL is read as http://.
     */
    private static void seen(EventBuilder event, String value, String type) {
        if (value == null || type == null) {
            return;
        }
        switch (type) {
            case "Intel::ADDR", "Intel::SUBNET" -> event.ip(value);
            case "Intel::DOMAIN" -> event.domain(value);
            case "Intel::URL" -> event.url(value.contains("://") ? value : "http://" + value);
            case "Intel::EMAIL" -> event.email(value);
            case "Intel::FILE_NAME" -> event.file(Map.of(), value);
            case "Intel::FILE_HASH" -> {
                String algorithm = switch (value.length()) {
                    case 32 -> "MD5";
                    case 40 -> "SHA-1";
                    case 64 -> "SHA-256";
                    default -> null;
                };
                if (algorithm != null) {
                    event.file(Map.of(algorithm, value.toLowerCase(java.util.Locale.ROOT)), null);
                }
            }
            case "Intel::CERT_HASH" -> event.certificate(value.toLowerCase(java.util.Locale.ROOT), null, null, null);
            default -> {
            }
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static Instant time(String ts) {
        if (ts == null) {
            throw new IllegalArgumentException("no 'ts' field");
        }
        String text = ts;
        try {
            if (text.contains("T")) {
                return org.sightline.stix.StixTimestamp.parse(text);
            }
            Instant plain = plainEpochSeconds(text);
            if (plain != null) {
                return plain;
            }
            BigDecimal seconds = new BigDecimal(text);
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            // Name the value: the parsers' own messages ("Character X is neither a decimal digit…") do not say which field.
            throw new IllegalArgumentException("'ts' is '" + text + "', neither epoch seconds nor an RFC 3339 time");
        }
    }

    /**
     * Zeek's own form, "1521221346.123456" (digits, a point, digits), read by hand, or null for any
     * other form (a sign, an exponent), which BigDecimal reads. Every record has a ts, and
     * BigDecimal's parse and arithmetic were a tenth of reading a Zeek log, and most of the code the
     * JIT had to compile for it. Fraction digits past the ninth are dropped, as BigDecimal's
     * longValue does.
     */
    static Instant plainEpochSeconds(String text) {
        int length = text.length();
        int i = 0;
        long seconds = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            if (i >= 18) { // past what a long surely holds
                return null;
            }
            seconds = seconds * 10 + (c - '0');
        }
        if (i == 0) {
            return null;
        }
        long nanos = 0;
        if (i < length) {
            if (text.charAt(i) != '.' || i + 1 == length) {
                return null;
            }
            int digits = 0;
            for (i++; i < length; i++, digits++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                if (digits < 9) {
                    nanos = nanos * 10 + (c - '0');
                }
            }
            for (; digits < 9; digits++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    static String text(LogRecord record, int field) {
        String text = record.first(field);
        if (text == null) {
            return null;
        }
        return text.isEmpty() || "-".equals(text) || "(empty)".equals(text) ? null : text;
    }

    private static Integer integer(LogRecord record, int field) {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + LogRecord.names().get(field) + "' is not a number: " + text);
        }
    }

    private static List<String> list(LogRecord record, int field) {
        if (record.get(field) instanceof List<?>) {
            return record.list(field);
        }
        String text = text(record, field);
        return text == null ? List.of() : List.of(text.split(","));
    }
}
