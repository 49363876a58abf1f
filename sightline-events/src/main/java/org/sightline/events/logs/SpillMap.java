package org.sightline.events.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.sightline.stix.json.StixJson;

/**
 * STIX objects by key, in memory while there are few, on disk once there are many: a STIX 2.1
 * bundle's observed-data refer to observables by id anywhere in the document, so a reader must keep
 * every observable until the end; past {@link #IN_MEMORY} objects they move to a temporary
 * MVStore file (H2's storage engine, already on the class path) with a small cache, and a bundle of
 * any size is read in a bounded heap. The file is owner-only and deleted on close.
 */
final class SpillMap implements AutoCloseable {
    static final int IN_MEMORY = 20_000;
    private static final int CACHE_MB = 8;

    private final int limit;
    private final Map<String, ObjectNode> memory = new HashMap<>();
    private Path file;
    private MVStore disk;
    private MVMap<String, String> spilled;

    SpillMap() {
        this(IN_MEMORY);
    }

    SpillMap(int limit) {
        this.limit = limit;
    }

    void put(String key, ObjectNode object) {
        if (spilled != null) {
            spilled.put(key, StixJson.write(object));
            return;
        }
        memory.put(key, object);
        if (memory.size() > limit) {
            spill();
        }
    }

    ObjectNode get(String key) {
        if (spilled == null) {
            return memory.get(key);
        }
        String json = spilled.get(key);
        return json == null ? null : StixJson.parseObject(json, "spilled object " + key);
    }

    boolean containsKey(String key) {
        return spilled == null ? memory.containsKey(key) : spilled.containsKey(key);
    }

    ObjectNode remove(String key) {
        ObjectNode object = get(key);
        if (spilled == null) {
            memory.remove(key);
        } else {
            spilled.remove(key);
        }
        return object;
    }

    /** Whether the objects are on disk now (for tests and the reader's report). */
    boolean spilled() {
        return spilled != null;
    }

    /** A read-only view for code that looks objects up in a Map (only get and containsKey work). */
    Map<String, ObjectNode> lookup() {
        return new AbstractMap<>() {
            @Override
            public ObjectNode get(Object key) {
                return key instanceof String id ? SpillMap.this.get(id) : null;
            }

            @Override
            public boolean containsKey(Object key) {
                return key instanceof String id && SpillMap.this.containsKey(id);
            }

            @Override
            public Set<Entry<String, ObjectNode>> entrySet() {
                throw new UnsupportedOperationException("a spill map is looked up, not walked");
            }
        };
    }

    private void spill() {
        try {
            file = Files.createTempFile("sightline-spill-", ".mv.db"); // 0600: the objects may be TLP-marked
            disk = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).autoCommitDisabled().open();
            spilled = disk.openMap("objects");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary file for a large STIX document's objects: " + e.getMessage(), e);
        }
        memory.forEach((key, object) -> spilled.put(key, StixJson.write(object)));
        memory.clear();
    }

    @Override
    public void close() {
        if (disk != null) {
            disk.closeImmediately();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
