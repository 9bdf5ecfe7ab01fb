package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.iago.curate.CurateJob;
import org.iago.curate.TermGroups;
import org.iago.dictionary.ProductDictionary;
import org.iago.lake.Lake;
import org.iago.synth.SynthManifest;
import org.iago.testing.Samples;
import org.iago.testing.SharedSpark;

/**
 * The lake of the end-to-end signal tests: {@code iago synth faers} writes 2024Q1..2024Q3 (3,000 reports a quarter,
 * seed 42, its planted signals recorded in the manifest) and {@code iago ingest faers} loads every quarter.
 *
 * @param manifest what the generator planted
 * @param lake     the ingested lake, {@code <work>/lake}
 */
record SyntheticFaersLake(SynthManifest manifest, Lake lake) {

    /** The shipped configuration: products, term groups and the rules file {@code iago.yaml}. */
    static final Path CONF = Samples.root().resolveSibling("conf");

    static SyntheticFaersLake ingested(Path work) throws IOException {
        Path synthetic = work.resolve("synthetic");
        assertEquals(ExitCodes.OK, Cli.run("synth", "faers", "--out", synthetic.toString(), "--quarters",
                "2024Q1..2024Q3", "--reports-per-quarter", "3000", "--seed", "42", "--zip").exitCode());
        SynthManifest manifest = SynthManifest.read(synthetic.resolve(SynthManifest.FILE_NAME));
        Lake lake = new Lake(work.resolve("lake"));
        for (SynthManifest.QuarterEntry q : manifest.quarters()) {
            Cli.run("ingest", "faers", "--input", synthetic.resolve("faers_ascii_"
                    + q.quarter().toLowerCase(Locale.ROOT) + ".zip").toString(), "--lake", lake.root().toString());
        }
        return new SyntheticFaersLake(manifest, lake);
    }

    /** Curates the lake with the shipped products and term groups, without a duplicate rule. */
    void curate() throws IOException {
        new CurateJob(SharedSpark.session(), lake, ProductDictionary.load(CONF.resolve("products.yaml")),
                TermGroups.load(CONF.resolve("term-groups.yaml"))).run();
    }

    /**
     * Runs {@code iago signals} at target level into {@code out}, with {@code options} and the shipped rules file.
     *
     * @return the run, which succeeded
     */
    Cli signals(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("signals", "--lake", lake.root().toString(), "--out",
                out.toString(), "--drug-level", "target"));
        args.addAll(List.of(options));
        args.addAll(List.of("--config", CONF.resolve("iago.yaml").toString()));
        Cli run = Cli.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        return run;
    }
}
