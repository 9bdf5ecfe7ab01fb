package org.iago.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.iago.lake.Lake;
import org.iago.report.ReportWriter;
import org.iago.vocabulary.Quarter;

/** What is known of this build of iago: its version, the git commit it was run from, and a digest of its code. */
public final class IagoBuild {

    /** Computed once: the code does not change while it runs. */
    private static volatile String code;

    private IagoBuild() {
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    public static String version() {
        String v = IagoBuild.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** {@code IAGO_GIT_COMMIT} (bin/iago sets it), else what git says of the working folder, else "unknown". */
    public static String gitCommit() {
        String set = System.getenv("IAGO_GIT_COMMIT");
        if (set != null && !set.isBlank()) {
            return set.strip();
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /**
     * The SHA-256 of iago's own code as this process runs it: the bytes of the jobs, report, spark and stats jars, or of
     * every file of their class folders (a build from uncommitted sources has no commit of its own). Dependencies are
     * known by their jar names ({@link #classpath}); the generators (iago-synth) make inputs, not results.
     */
    public static String code() {
        String known = code;
        if (known == null) {
            MessageDigest digest = sha256();
            try {
                // each location once: one jar may hold several modules (a shaded jar)
                Set<Path> locations = new LinkedHashSet<>();
                for (Class<?> module : List.of(IagoBuild.class, ReportWriter.class, Lake.class, Quarter.class)) {
                    locations.add(Path.of(module.getProtectionDomain().getCodeSource().getLocation().toURI()));
                }
                for (Path location : locations) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(location)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path f : files) {
                        // the name, then a NUL, keeps "a"+"bc" apart from "ab"+"c"
                        digest.update(location.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                        try (InputStream in = Files.newInputStream(f)) {
                            digest.update(in.readAllBytes());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            known = HexFormat.of().formatHex(digest.digest());
            code = known;
        }
        return known;
    }

    /** The file names of the class path, sorted: the versions of the libraries iago runs with. */
    public static List<String> classpath() {
        return Stream.of(System.getProperty("java.class.path", "").split(java.io.File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> {
                    Path name = Path.of(e).getFileName();
                    return name == null ? e : name.toString();
                }).sorted().toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
