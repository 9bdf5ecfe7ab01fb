package org.iago.synth.registry;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.Separators.Spacing;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a synthetic registry extract contains, written as {@code manifest.json} next to it: the arguments, the row
 * counts of every file, every hazard parameter the data were drawn with, the realised counts an analysis should
 * reproduce, and every planted invalid line. No timestamps: the same arguments give the same bytes.
 *
 * @param generator             {@code "iago synth registry"}
 * @param generatorVersion      version of the generator's model; bumped when the same arguments give other data
 * @param registryFormatVersion version of {@code docs/registry-format.md} the files follow
 * @param seed                  the seed
 * @param patients              valid patients (rows of patients.csv without the planted ones)
 * @param defectsPlanted        whether invalid lines were planted
 * @param infusionFrom          first possible infusion date
 * @param infusionTo            last possible infusion date
 * @param cutOff                data cut-off: no date of a valid row is later
 * @param tables                the seven files with their data line counts
 * @param hazards               the model's parameters, by topic
 * @param realised              counts in the written extract
 * @param discordantGrades      CRS and ICANS episodes whose raw parameters imply another ASTCT grade
 * @param defects               the planted invalid lines
 */
public record RegistryManifest(String generator, int generatorVersion, int registryFormatVersion, long seed,
                               int patients, boolean defectsPlanted, String infusionFrom, String infusionTo,
                               String cutOff, List<TableEntry> tables, Map<String, Object> hazards, Realised realised,
                               int discordantGrades, List<DefectEntry> defects) {

    public static final String GENERATOR = "iago synth registry";
    public static final int GENERATOR_VERSION = 1;
    public static final int REGISTRY_FORMAT_VERSION = 1;
    public static final String FILE_NAME = "manifest.json";

    /**
     * One file.
     *
     * @param file      e.g. {@code patients.csv}
     * @param rows      data lines (header excluded)
     * @param validRows data lines that are not planted defects
     */
    public record TableEntry(String file, long rows, long validRows) {
    }

    /**
     * A planted invalid line: the ingest must reject exactly these lines, and no other.
     *
     * @param file      e.g. {@code toxicities.csv}
     * @param line      1-based physical line number; the header is line 1
     * @param kind      e.g. {@code onset-before-infusion}
     * @param patientId the patient_id on the line (for a field-count line, its first field)
     */
    public record DefectEntry(String file, long line, String kind, String patientId) {
    }

    /**
     * Counts in the written extract (planted lines excluded).
     *
     * @param patientsByProduct  patients by brand
     * @param episodesByCategory toxicity episodes by category, ICAHT included
     * @param deathsByCause      deaths by death_cause
     * @param relapses           patients with a relapse_date
     * @param nextTherapies      patients with a next_therapy_date
     * @param lostToFollowUp     patients alive whose last follow-up is before the cut-off
     * @param infectionDensity   infections and patient-days at risk (follow-up end minus window start, within the
     *                           window) per window
     * @param neoplasmsByType    subsequent neoplasms by type
     * @param rawParameterGrading CRS and ICANS episodes, those with raw parameters, and the discordant ones
     */
    public record Realised(Map<String, Integer> patientsByProduct, Map<String, Integer> episodesByCategory,
                           Map<String, Integer> deathsByCause, int relapses, int nextTherapies, int lostToFollowUp,
                           List<InfectionWindow> infectionDensity, Map<String, Integer> neoplasmsByType,
                           List<GradingEntry> rawParameterGrading) {
    }

    /**
     * Infections with onset in days {@code fromDay}..{@code toDay} (open-ended when toDay is null).
     *
     * @param fromDay     first day
     * @param toDay       last day, or null
     * @param infections  infection rows
     * @param patientDays days at risk in the window, summed over patients
     */
    public record InfectionWindow(int fromDay, Integer toDay, long infections, long patientDays) {
    }

    /**
     * Re-grading of one category from its raw parameters.
     *
     * @param category          CRS or ICANS
     * @param episodes          episodes written
     * @param withRawParameters episodes with raw parameters
     * @param discordant        episodes whose parameters imply another grade than the recorded one (grade 5
     *                          counting as 4)
     */
    public record GradingEntry(String category, int episodes, int withRawParameters, int discordant) {
    }

    /** Writes the manifest as pretty-printed JSON with {@code \n} line ends, whatever the platform. */
    void write(Path file) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        byte[] json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build()
                .writer(printer).writeValueAsBytes(this);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(json);
            out.write('\n');
        }
    }
}
