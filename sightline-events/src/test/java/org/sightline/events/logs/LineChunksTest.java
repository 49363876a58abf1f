package org.sightline.events.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Cutting a log into chunks of whole lines, with their line numbers and the headers between them. */
class LineChunksTest {
    /** Every line of every chunk, as "number:text", and the headers seen, in order. */
    private static List<String> lines(byte[] log, boolean headers, List<String> seenHeaders) throws IOException {
        List<String> lines = new ArrayList<>();
        LineChunks chunks = new LineChunks(new ByteArrayInputStream(log));
        LineChunks.Headers format = new LineChunks.Headers() {
            @Override
            public boolean hasHeaders() {
                return headers;
            }

            @Override
            public void header(String line) {
                seenHeaders.add(line);
            }

            @Override
            public ChunkDecoder decoder() {
                return null;
            }
        };
        for (LineChunks.Chunk chunk; (chunk = chunks.next(format)) != null; ) {
            String text = new String(chunk.bytes(), 0, chunk.length(), StandardCharsets.UTF_8);
            String[] split = text.split("\n", -1);
            int count = text.endsWith("\n") ? split.length - 1 : split.length;
            assertThat(LineChunks.lines(chunk.bytes(), chunk.length())).isEqualTo(count);
            for (int i = 0; i < count; i++) {
                lines.add((chunk.firstLine() + i) + ":" + split[i]);
            }
        }
        return lines;
    }

    @Test
    void linesKeepTheirNumbersAcrossChunksOfAnyLength() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder log = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int line = 1; line <= 20_000; line++) {
            // mostly short lines, some longer than a whole chunk
            String text = random.nextInt(5000) == 0 ? "x".repeat(LineChunks.CHUNK_BYTES * 2 + 3) : "record " + line + " " + "y".repeat(random.nextInt(200));
            log.append(text).append('\n');
            expected.add(line + ":" + text);
        }
        log.append("last line without a newline");
        expected.add("20001:last line without a newline");
        assertThat(lines(log.toString().getBytes(StandardCharsets.UTF_8), false, new ArrayList<>())).isEqualTo(expected);
    }

    @Test
    void headerLinesEndChunksAndGoToTheFormatInOrder() throws IOException {
        String log = "#separator \\x09\n#fields\ta\tb\n1\t2\n3\t4\n#fields\tc\n5\n#close\n";
        List<String> headers = new ArrayList<>();
        assertThat(lines(log.getBytes(StandardCharsets.UTF_8), true, headers)).containsExactly("3:1\t2", "4:3\t4", "6:5");
        assertThat(headers).containsExactly("#separator \\x09", "#fields\ta\tb", "#fields\tc", "#close");
    }

    @Test
    void aByteOrderMarkIsDroppedAndTheFirstLineShown() throws IOException {
        byte[] log = ("\uFEFF{\"event_type\":\"dns\"}\r\nnext").getBytes(StandardCharsets.UTF_8);
        LineChunks chunks = new LineChunks(new ByteArrayInputStream(log));
        assertThat(chunks.firstLine(1000)).isEqualTo("{\"event_type\":\"dns\"}");
        assertThat(new LineChunks(new ByteArrayInputStream(new byte[0])).firstLine(10)).isNull();
    }

    @Test
    void newlinesAreCountedEightBytesAtATimeWithoutMistakes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 2000; n++) {
            byte[] bytes = new byte[random.nextInt(100)];
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length; i++) {
                if (random.nextInt(6) == 0) {
                    bytes[i] = '\n';
                } else if (random.nextInt(6) == 0) {
                    bytes[i] = (byte) ('\n' ^ (1 << random.nextInt(8))); // one bit away from a newline
                }
            }
            long naive = 0;
            for (byte b : bytes) {
                naive += b == '\n' ? 1 : 0;
            }
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                naive++;
            }
            assertThat(LineChunks.lines(bytes, bytes.length)).isEqualTo(naive);
        }
    }
}
