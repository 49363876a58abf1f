package org.sightline.ingest.sightings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.events.logs.LogFormat;
import org.sightline.events.sightings.SightingRecorder;
import org.sightline.pattern.stream.Indicator;
import org.sightline.pattern.stream.IndicatorIndex;
import org.sightline.stix.testdata.SharedData;

/** A run on many threads finds what a run on one finds, in the same order, from the real sample logs. */
class LogMatchingThreadsTest {
    @TempDir
    Path temp;

    @Test
    void manyThreadsGiveTheSightingsAndProblemsOfOne() throws IOException {
        Path dns = SharedData.require("logs/zeek-wrccdc-2018/dns.json.gz");
        Path ssl = SharedData.require("logs/zeek-wrccdc-2018/ssl.log.gz");
        Path eve = SharedData.require("logs/suricata-surevego/eve.json");
        Path broken = temp.resolve("broken.json");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            lines.add(i % 97 == 50 ? "{\"ts\":\"2018-03-24T17:15:20Z\",\"query\":" // cut short
                    : "{\"_path\":\"dns\",\"ts\":\"2018-03-24T17:15:" + String.format("%02d", i % 60) + ".5Z\",\"uid\":\"C" + i
                    + "\",\"id.orig_h\":\"10.47.1." + (i % 200) + "\",\"id.resp_h\":\"10.0.0.100\",\"query\":\"ise.wrccdc.org\"}");
        }
        Files.write(broken, lines);
        Instant from = Instant.parse("2018-01-01T00:00:00Z");
        IndicatorIndex index = IndicatorIndex.compile(List.of(
                new Indicator("indicator--00000000-0000-4000-8000-000000000001", "[domain-name:value = 'ise.wrccdc.org']", from, null),
                new Indicator("indicator--00000000-0000-4000-8000-000000000002", "[ipv4-addr:value = '10.47.1.100']", from, null),
                new Indicator("indicator--00000000-0000-4000-8000-000000000003", "[network-traffic:dst_port = 53]", from, null),
                new Indicator("indicator--00000000-0000-4000-8000-000000000004", "[domain-name:value LIKE '%.wrccdc.org']", from, null),
                new Indicator("indicator--00000000-0000-4000-8000-000000000005",
                        "[ipv4-addr:value = '10.47.1.7'] FOLLOWEDBY [ipv4-addr:value = '10.47.1.8'] WITHIN 600 SECONDS", from, null),
                new Indicator("indicator--00000000-0000-4000-8000-000000000006", "[ipv4-addr:value ISSUBSET '10.0.0.0/8'] REPEATS 3 TIMES", from, null)));
        List<Path> files = List.of(dns, ssl, eve, broken);

        SightingRecorder one = new SightingRecorder(null);
        LogMatching.Run single = LogMatching.run(index, files, LogFormat.AUTO, null, one, 1);
        SightingRecorder four = new SightingRecorder(null);
        LogMatching.Run parallel = LogMatching.run(index, files, LogFormat.AUTO, null, four, 4);

        assertThat(single.sightings()).isEqualTo(6);
        assertThat(single.malformed()).isEqualTo(31);
        assertThat(parallel.events()).isEqualTo(single.events());
        assertThat(parallel.matchedEvents()).isEqualTo(single.matchedEvents());
        assertThat(parallel.problems()).isEqualTo(single.problems());
        assertThat(comparable(four.stixObjects())).isEqualTo(comparable(one.stixObjects()));
    }

    /** The objects without what differs by design between two runs: the sightings' random ids and the creation times. */
    private static List<String> comparable(List<ObjectNode> objects) {
        List<String> texts = new ArrayList<>();
        for (ObjectNode object : objects) {
            ObjectNode copy = object.deepCopy();
            copy.remove(List.of("created", "modified"));
            if ("sighting".equals(copy.path("type").asText())) {
                copy.remove("id");
            }
            texts.add(copy.toString());
        }
        return texts;
    }
}
