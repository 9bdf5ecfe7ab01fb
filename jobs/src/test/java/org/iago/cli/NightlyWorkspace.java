package org.iago.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iago.synth.FaersSynthSpec;
import org.iago.synth.FaersSynthesizer;
import org.iago.vocabulary.Quarter;

/**
 * The folders of the nightly tests under one work folder: two synthetic FAERS quarters (2024Q1, 2024Q2, seed 5) in
 * {@code synth/} to copy into the inbox as a test goes, an empty {@code inbox/}, the lake, {@code out/} and a
 * {@code nightly.yaml} over them.
 *
 * @param config the nightly configuration file
 * @param inbox  the inbox the nightly run ingests from
 * @param out    the folder of the runs and {@code latest}
 */
record NightlyWorkspace(Path config, Path inbox, Path out) {

    static NightlyWorkspace synthesise(Path work, int reportsPerQuarter) throws IOException {
        new FaersSynthesizer(new FaersSynthSpec(work.resolve("synth"), Quarter.parseRange("2024Q1..2024Q2"),
                reportsPerQuarter, 5, false, true)).write();
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path out = work.resolve("out");
        return new NightlyWorkspace(NightlyConfigFile.write(work.resolve("nightly.yaml"), work.resolve("lake"), out,
                List.of(inbox), List.of()), inbox, out);
    }
}
