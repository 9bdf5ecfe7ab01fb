package org.iago.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "development" when run from classes). */
public final class IagoVersion implements IVersionProvider {

    public static String version() {
        String v = Iago.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"iago " + version(), "Java " + System.getProperty("java.version")};
    }
}
