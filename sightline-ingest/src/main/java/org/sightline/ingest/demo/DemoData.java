package org.sightline.ingest.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.ingest.sanctions.FollowTheMoney;

/** The demo data set that ships inside Sightline: the Stone Panda / APT10 case, written from public facts. */
public final class DemoData {
    /** Bundles in load order. */
    public static final List<String> BUNDLES = List.of("stone-panda-foundation.json", "stone-panda-claims.json",
            "stone-panda-targeting.json");

    /** The demo organisation and its suppliers: an MSP, a software vendor, a telecom, a caterer, and the MSP's host. */
    public static final String SUPPLIERS = "demo-suppliers.csv";
    /** The 2017 Boyusec and 2018 APT10 indictments, as a list in FollowTheMoney's shape. */
    public static final String INDICTMENTS = "us-doj-indictments.ftm.json";
    public static final String ORGANISATION = "Northwind Engineering";

    private DemoData() {
    }

    /** Loads every demo bundle; loading it again changes nothing. */
    public static ImportReport load(BundleImporter importer) {
        // The claims and sources use Sightline's extensions: their definitions come first.
        ImportReport total = importer.importObjects(org.sightline.stix.extensions.SightlineExtensions.definitions(), "sightline-extensions",
                ImportOptions.strict());
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
        try (InputStream in = DemoData.class.getResourceAsStream(INDICTMENTS)) {
            ImportReport report = importer.importSanctionsList(FollowTheMoney.read(in, "demo/" + INDICTMENTS, java.time.Instant.EPOCH),
                    "demo/" + INDICTMENTS, ImportOptions.strict());
            if (report.anyRejected()) {
                throw new IllegalStateException("the demo list " + INDICTMENTS + " is invalid: " + report.files().get(0).message());
            }
            total = total.plus(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = DemoData.class.getResourceAsStream(SUPPLIERS)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            new org.sightline.ingest.suppliers.SupplierImport(importer.intake())
                    .importRows(org.sightline.ingest.suppliers.SupplierFile.parse("demo/" + SUPPLIERS, text, false, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }
}
