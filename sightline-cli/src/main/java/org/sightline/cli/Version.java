package org.sightline.cli;

import picocli.CommandLine.IVersionProvider;

/** The version the jar was built as (from its manifest), and the Java it runs on. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Sightline.class.getPackage().getImplementationVersion();
        return new String[] {
            "sightline " + (version == null ? "development build" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
