package org.sightline.stix.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.sightline.stix.StixId;
import org.sightline.stix.StixObject;

/** Writes a STIX 2.1 bundle object by object, so an export of any size streams. Closing it leaves the stream open. */
public final class StixWriter implements AutoCloseable {
    private final JsonGenerator generator;
    private long written;

    public StixWriter(OutputStream out, boolean pretty) {
        try {
            generator = StixJson.factory().createGenerator(out, JsonEncoding.UTF8);
            generator.setCodec(StixJson.mapper());
            // The caller owns the stream (it may be stdout): flush it at the end, never close it.
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                generator.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            generator.writeStartObject();
            generator.writeStringField("type", "bundle");
            generator.writeStringField("id", StixId.random("bundle"));
            generator.writeArrayFieldStart("objects");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(StixObject object) {
        try {
            generator.writeTree(object.json());
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long written() {
        return written;
    }

    @Override
    public void close() {
        try {
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeRaw('\n');
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
