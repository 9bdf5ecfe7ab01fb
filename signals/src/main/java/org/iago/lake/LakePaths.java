package org.iago.lake;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Folder arguments of the Spark applications ({@code spark-submit ... <lake> <out>}). The jobs reach the lake through
 * {@code java.nio.file} as well as through Spark: they publish tables by atomic renames ({@link PartitionPublisher}),
 * write the CSV outputs and JSON summaries on the driver, and read the YAML rules there. So a lake or output folder
 * is a path of the driver's file system, which on a multi-host cluster must be a shared POSIX mount (NFS, for example)
 * at the same path on the driver and on every executor. A plain path or a {@code file:} URI is accepted; any other
 * scheme ({@code hdfs://}, {@code s3a://}, {@code gs://}, {@code abfs://}) is refused here rather than taken for a
 * relative folder named {@code hdfs:} in the working directory.
 */
public final class LakePaths {

    private LakePaths() {
    }

    /**
     * @param argument a path, or a {@code file:} URI
     * @return the path, absolute and normalised
     * @throws IllegalArgumentException for a URI of any other scheme
     */
    public static Path local(String argument) {
        int colon = argument.indexOf(':');
        int slash = argument.indexOf('/');
        boolean hasScheme = colon > 1 && (slash < 0 || colon < slash)
                && argument.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
        if (!hasScheme) {
            return Path.of(argument).toAbsolutePath().normalize();
        }
        String scheme = argument.substring(0, colon).toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return Path.of(URI.create(argument)).toAbsolutePath().normalize();
        }
        throw new IllegalArgumentException("'" + argument + "': the lake and output folders must be local paths (or "
                + "file: URIs) that the driver and every executor see at the same place, such as a shared NFS mount; "
                + scheme + ":// is not supported, because iago publishes tables by renaming folders with java.nio "
                + "(see docs/cluster.md)");
    }
}
