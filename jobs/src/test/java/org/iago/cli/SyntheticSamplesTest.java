package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.synth.SynthManifest;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed synthetic quarters (data-samples/faers/synthetic): the ingestion rejects exactly the lines the
 * generator's manifest lists as defects, and writes exactly its valid lines.
 */
class SyntheticSamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void rejectsAreExactlyThePlantedDefects() throws Exception {
        Path folder = Samples.root().resolve("faers/synthetic");
        SynthManifest manifest = SynthManifest.read(folder.resolve(SynthManifest.FILE_NAME));
        Lake lake = new Lake(work.resolve("lake"));
        try (DuckLake duck = new DuckLake()) {
            for (SynthManifest.QuarterEntry entry : manifest.quarters()) {
                Quarter q = Quarter.parse(entry.quarter());
                Path zip = folder.resolve("faers_ascii_" + entry.quarter().toLowerCase(Locale.ROOT) + ".zip");
                Cli run = Cli.run("ingest", "faers", "--input", zip.toString(), "--lake", lake.root().toString());
                assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, run.exitCode(), run::toString);

                Set<String> planted = new TreeSet<>();
                for (SynthManifest.DefectEntry d : manifest.defects()) {
                    if (d.quarter().equals(entry.quarter())) {
                        planted.add(baseName(d.file()) + ":" + d.line());
                    }
                }
                assertEquals(planted, rejected(lake.faersRejects(q)), entry.quarter() + " rejects");

                for (SynthManifest.FileEntry file : entry.files()) {
                    FaersTable table = tableOf(baseName(file.name()));
                    assertEquals(file.validLines(), duck.count(lake.faersPartition(table, q)),
                            entry.quarter() + " " + file.name());
                }
            }
        }
    }

    private static Set<String> rejected(Path folder) throws Exception {
        Set<String> lines = new TreeSet<>();
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(folder)) {
            list.forEach(files::add);
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                JsonNode reject = JSON.readTree(line);
                lines.add(reject.get("file").asText() + ":" + reject.get("line").asLong());
            }
        }
        return lines;
    }

    /** The manifest names a file by its path in the extract ({@code ASCII/DEMO24Q1.txt}), rejects by its name. */
    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static FaersTable tableOf(String fileName) {
        String upper = fileName.toUpperCase(Locale.ROOT);
        for (FaersTable t : FaersTable.values()) {
            if (upper.startsWith(t.filePrefix())) {
                return t;
            }
        }
        throw new IllegalArgumentException(fileName);
    }
}
