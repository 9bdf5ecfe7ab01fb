package org.iago.lake;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Folder arguments of the Spark applications ({@code spark-submit ... <lake> <out>}). A lake or output folder is a
 * {@link #location location} on any file system Hadoop reaches: a plain path or a {@code file:}
 * URI on the driver's disk (on a multi-host cluster a shared POSIX mount at the same path everywhere), or a URI such
 * as {@code hdfs://namenode:8020/iago/lake}. Whether iago can publish tables there is {@link Publisher}'s to say.
 * Configuration files (the YAML rules, a MedDRA folder) are read by the driver alone, from a {@link #local local}
 * path.
 */
public final class LakePaths {

    private LakePaths() {
    }

    /**
     * @param argument a path (relative to the working directory, or absolute) or an absolute URI
     * @return the Hadoop location, absolute and normalised; a path or {@code file:} URI becomes {@code file:/…}
     * @throws IllegalArgumentException for a URI without an absolute path
     */
    public static org.apache.hadoop.fs.Path location(String argument) {
        String scheme = scheme(argument);
        if (scheme == null || scheme.equals("file")) {
            return location(local(argument));
        }
        URI uri = URI.create(argument);
        if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
            throw new IllegalArgumentException("'" + argument + "': a " + scheme + ":// location needs an absolute "
                    + "path, such as " + scheme + "://host/iago/lake");
        }
        return new org.apache.hadoop.fs.Path(scheme, uri.getAuthority(), uri.getPath());
    }

    /** Whether a location is on the local file system: a {@code file:} URI, or a path without a scheme. */
    public static boolean isLocal(org.apache.hadoop.fs.Path location) {
        String scheme = location.toUri().getScheme();
        return scheme == null || scheme.equalsIgnoreCase("file");
    }

    /** The {@code file:} location of a local folder. */
    public static org.apache.hadoop.fs.Path location(Path local) {
        return new org.apache.hadoop.fs.Path("file", null, local.toAbsolutePath().normalize().toString());
    }

    /**
     * @param argument a path, or a {@code file:} URI
     * @return the path, absolute and normalised
     * @throws IllegalArgumentException for a URI of any other scheme
     */
    public static Path local(String argument) {
        String scheme = scheme(argument);
        if (scheme == null) {
            return Path.of(argument).toAbsolutePath().normalize();
        }
        if (scheme.equals("file")) {
            return Path.of(URI.create(argument)).toAbsolutePath().normalize();
        }
        throw new IllegalArgumentException("'" + argument + "': configuration files and folders are read by the "
                + "driver from its own disk, so they must be local paths (or file: URIs), not " + scheme + "://");
    }

    /** The lower-case scheme of a URI argument, or null for a plain path (a colon after a slash is a folder name's). */
    private static String scheme(String argument) {
        int colon = argument.indexOf(':');
        int slash = argument.indexOf('/');
        boolean hasScheme = colon > 1 && (slash < 0 || colon < slash)
                && argument.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
        return hasScheme ? argument.substring(0, colon).toLowerCase(Locale.ROOT) : null;
    }
}
