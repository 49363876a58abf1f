package org.sightline.ingest.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportReport;

/** The demo data set that ships inside Sightline: the Stone Panda / APT10 case, written from public facts. */
public final class DemoData {
    /** Bundles in load order. */
    public static final List<String> BUNDLES = List.of("stone-panda-foundation.json", "stone-panda-claims.json");

    private DemoData() {
    }

    /** Loads every demo bundle; loading it again changes nothing. */
    public static ImportReport load(BundleImporter importer) {
        // The claims and sources use Sightline's extensions: their definitions come first.
        ImportReport total = importer.importStream(extensionDefinitions(), "sightline-extensions", ImportOptions.strict());
        for (String name : BUNDLES) {
            try (InputStream in = DemoData.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the demo bundle " + name + " is missing from the Sightline jar");
                }
                ImportReport report = importer.importStream(in, "demo/" + name, ImportOptions.strict());
                if (report.anyRejected()) {
                    throw new IllegalStateException("the demo bundle " + name + " is invalid: " + report.rejections());
                }
                total = total.plus(report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    private static InputStream extensionDefinitions() {
        com.fasterxml.jackson.databind.node.ObjectNode bundle = org.sightline.stix.json.StixJson.newObject();
        bundle.put("type", "bundle");
        bundle.put("id", org.sightline.stix.StixId.deterministic("bundle", "sightline-extension-definitions"));
        org.sightline.stix.extensions.SightlineExtensions.definitions().forEach(bundle.putArray("objects")::add);
        return new java.io.ByteArrayInputStream(org.sightline.stix.json.StixJson.write(bundle)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
