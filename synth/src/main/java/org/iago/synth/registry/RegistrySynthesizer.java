package org.iago.synth.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates a deterministic synthetic cellular-therapy registry extract ({@code docs/registry-format.md}) with known
 * hazards: per-product toxicity incidences and onset profiles, raw ASTCT parameters with a known share of discordant
 * grades, ICAHT graded from the generated counts, infections with planted prophylaxis and IVIG effects, competing
 * relapse and death, and on request one invalid line of every kind. Patients are generated and written one at a
 * time, so memory does not grow with the extract. The same {@link RegistrySynthSpec} gives byte-identical files and
 * {@code manifest.json}.
 */
public final class RegistrySynthesizer {

    private final RegistrySynthSpec spec;

    public RegistrySynthesizer(RegistrySynthSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** Writes the seven files and {@code <out>/manifest.json}, and returns the manifest. */
    public RegistryManifest write() throws IOException {
        Files.createDirectories(spec.out());
        PatientGenerator generator = new PatientGenerator(spec.seed(), spec.patients());
        RegistryDefects defects = spec.defects() ? new RegistryDefects(spec.seed(), generator, spec.patients()) : null;
        ExtractTally tally = new ExtractTally();
        List<RegistryManifest.TableEntry> tables = new ArrayList<>();
        try (ExtractWriter writer = new ExtractWriter(spec.out())) {
            for (int i = 0; i < spec.patients(); i++) {
                PatientRecord patient = generator.generate(i);
                writer.write(patient);
                tally.count(patient);
                if (defects != null) {
                    defects.afterPatient(i, patient, writer);
                }
            }
            for (RegistryFile file : RegistryFile.values()) {
                CsvTable table = writer.table(file);
                tables.add(new RegistryManifest.TableEntry(file.fileName(), table.tally().lines(),
                        table.tally().validLines()));
            }
        }
        RegistryManifest manifest = new RegistryManifest(RegistryManifest.GENERATOR,
                RegistryManifest.GENERATOR_VERSION, RegistryManifest.REGISTRY_FORMAT_VERSION, spec.seed(),
                spec.patients(), spec.defects(), PatientGenerator.INFUSION_FROM.toString(),
                PatientGenerator.INFUSION_TO.toString(), PatientGenerator.CUT_OFF.toString(), tables,
                Hazards.describe(), tally.realised(), tally.discordantGrades(),
                defects != null ? defects.planted() : List.of());
        manifest.write(spec.out().resolve(RegistryManifest.FILE_NAME));
        return manifest;
    }
}
