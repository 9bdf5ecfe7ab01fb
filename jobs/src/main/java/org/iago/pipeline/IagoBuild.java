package org.iago.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** What is known of this build of iago: its version and the git commit it was run from. */
public final class IagoBuild {

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
}
