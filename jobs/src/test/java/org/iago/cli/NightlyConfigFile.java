package org.iago.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.iago.testing.Samples;

/** A nightly configuration for tests: the shipped conf/ folder, the given inbox folders, BCMA focus signals. */
final class NightlyConfigFile {

    private NightlyConfigFile() {
    }

    static Path write(Path file, Path lake, Path out, List<Path> faers, List<Path> registry) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                lake: %s
                out: %s
                inbox:
                  faers: [%s]
                  registry: [%s]
                conf: %s
                signals: {eventLevel: group}
                report:
                  title: "nightly test"
                  focus:
                    - {drug: BCMA, event: "Guillain-Barre syndrome/neuropathy"}
                    - {drug: BCMA, event: "Cranial nerve palsy", aliases: [CRANIAL_NERVE_PALSY]}
                """.formatted(lake, out, list(faers), list(registry), Samples.root().resolveSibling("conf")));
        return file;
    }

    private static String list(List<Path> paths) {
        return paths.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
    }
}
