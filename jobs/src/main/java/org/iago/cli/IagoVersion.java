package org.iago.cli;

import org.iago.pipeline.IagoBuild;
import picocli.CommandLine.IVersionProvider;

/** The version picocli prints. */
public final class IagoVersion implements IVersionProvider {

    public static String version() {
        return IagoBuild.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"iago " + version(), "Java " + System.getProperty("java.version")};
    }
}
