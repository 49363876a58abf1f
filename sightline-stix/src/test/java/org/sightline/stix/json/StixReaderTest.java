package org.sightline.stix.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.sightline.error.InvalidInputException;

class StixReaderTest {

    private static List<String> ids(String json) {
        List<String> ids = new ArrayList<>();
        StixReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json",
                (object, index, line) -> ids.add(object.path("id").asText()));
        return ids;
    }

    @Test
    void readsBundlesWhateverTheKeyOrder() {
        assertThat(ids("{\"objects\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"type\":\"bundle\",\"id\":\"bundle--x\"}"))
                .containsExactly("a", "b");
    }

    @Test
    void readsASingleObjectAndAnArrayOfObjects() {
        assertThat(ids("{\"type\":\"malware\",\"id\":\"m\"}")).containsExactly("m");
        assertThat(ids("[{\"id\":\"a\"},{\"id\":\"b\"}]")).containsExactly("a", "b");
    }

    @Test
    void anEmptyBundleHasNoObjects() {
        assertThat(ids("{\"type\":\"bundle\",\"id\":\"bundle--x\"}")).isEmpty();
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        assertThatThrownBy(() -> ids("{\"type\":\"bundle\",\n\"objects\":[{\"id\":\"a\",}]}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("test.json: not valid JSON at line 2");
    }

    @Test
    void anObjectsArrayOutsideABundleIsRefused() {
        assertThatThrownBy(() -> ids("{\"type\":\"grouping\",\"objects\":[{\"id\":\"a\"}]}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("belongs to a bundle");
    }

    @Test
    void gzipIsRecognisedByItsContentNotItsName() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("[{\"id\":\"z\"}]".getBytes(StandardCharsets.UTF_8));
        }
        List<String> ids = new ArrayList<>();
        StixReader.read(StixReader.gunzipIfCompressed(new ByteArrayInputStream(zipped.toByteArray())), "x.json",
                (object, index, line) -> ids.add(object.path("id").asText()));
        assertThat(ids).containsExactly("z");
    }

    @Test
    void numbersKeepTheirExactForm() {
        List<String> written = new ArrayList<>();
        StixReader.read(new ByteArrayInputStream("[{\"x\":1.50,\"y\":12345678901234567890.123}]".getBytes(StandardCharsets.UTF_8)),
                "n", (object, index, line) -> written.add(StixJson.write(object)));
        assertThat(written).containsExactly("{\"x\":1.50,\"y\":12345678901234567890.123}");
    }
}
