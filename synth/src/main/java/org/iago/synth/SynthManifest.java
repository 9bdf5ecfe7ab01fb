package org.iago.synth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.Separators.Spacing;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a synthetic FAERS extract contains, written as {@code manifest.json} next to it: the spec, the model constants,
 * per quarter the report and case counts and the line counts of every file, the planted signals with their exact
 * report counts, every inserted defect line, and, when planted, the duplicates and near-misses and the drug-name
 * variants. Tests and benchmarks check generated and ingested data against it. The optional parts are left out of the
 * JSON when not planted, so an extract without them has the manifest it had before they existed.
 *
 * @param generator      {@code "iago synth faers"}
 * @param formatVersion  version of this manifest's schema
 * @param spec           the spec the extract was generated from (without the output folder)
 * @param model          the generator's distribution constants
 * @param quarters       one entry per generated quarter, in order
 * @param plantedSignals the planted product × PT pairs
 * @param defects        every deliberately malformed line, by quarter and file
 * @param duplicates     the planted cross-caseid duplicates and near-misses, or null
 * @param nameVariants   the variant drug-name spellings written, or null
 * @param plantedInteraction the planted drug–drug interaction; null in manifests written before it was planted
 * @param plantedMasking the planted masked signal; null in manifests written before it was planted
 * @param plantedConfounding the planted confounding by indication; null in manifests written before it was planted
 */
public record SynthManifest(String generator, int formatVersion, Spec spec, Model model, List<QuarterEntry> quarters,
                            List<PlantedSignalEntry> plantedSignals, List<DefectEntry> defects,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Duplicates duplicates,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<NameVariantEntry> nameVariants,
                            @JsonInclude(JsonInclude.Include.NON_NULL) PlantedInteractionEntry plantedInteraction,
                            @JsonInclude(JsonInclude.Include.NON_NULL) PlantedMaskingEntry plantedMasking,
                            @JsonInclude(JsonInclude.Include.NON_NULL) PlantedConfoundingEntry plantedConfounding) {

    public static final String GENERATOR = "iago synth faers";
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "manifest.json";

    public SynthManifest {
        quarters = List.copyOf(quarters);
        plantedSignals = List.copyOf(plantedSignals);
        defects = List.copyOf(defects);
        nameVariants = nameVariants == null ? null : List.copyOf(nameVariants);
    }

    /** The spec, with quarters as {@code 2023Q1}; duplicatesPerQuarter and nameVariants are left out when off. */
    public record Spec(List<String> quarters, int reportsPerQuarter, long seed, boolean defects, boolean zip,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) int duplicatesPerQuarter,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean nameVariants) {
    }

    /** Vocabulary sizes, Zipf exponents and case-level shares the extract was drawn with. */
    public record Model(int drugVocabulary, BigDecimal drugZipfExponent, int eventVocabulary,
                        BigDecimal eventZipfExponent, BigDecimal cartShare, BigDecimal followUpShare,
                        BigDecimal deleteShare) {
    }

    /**
     * One quarter.
     *
     * @param quarter          e.g. {@code 2023Q1}
     * @param location         folder ({@code faers_ascii_2023Q1}) or zip ({@code faers_ascii_2023q1.zip}) under out
     * @param reports          DEMO rows (valid ones): new cases plus follow-up versions
     * @param newCases         cases first published in this quarter (caseversion 1)
     * @param followUpVersions reports that are a later version of a case published in an earlier quarter
     * @param deletedIds       caseids in the DELETE file
     * @param cartReports      reports with a CAR-T product as primary suspect
     * @param files            every file written, in FDA order, with its line counts
     */
    public record QuarterEntry(String quarter, String location, int reports, int newCases, int followUpVersions,
                               int deletedIds, int cartReports, List<FileEntry> files) {
    }

    /**
     * One file of a quarter.
     *
     * @param name       path inside the quarter folder or zip, e.g. {@code ASCII/DRUG23Q1.txt}
     * @param lines      physical data lines, header excluded
     * @param validLines lines that are well-formed records (all lines but the defect lines)
     */
    public record FileEntry(String name, long lines, long validLines) {
    }

    /**
     * A planted product × PT pair.
     *
     * @param id             stable identifier, e.g. {@code bcma-parkinsonism}
     * @param products       brands whose reports carry the PT
     * @param target         CAR antigen of the products
     * @param pt             the MedDRA PT as in REAC.pt
     * @param kind           {@code established} (planted from the first quarter) or {@code emerging} (from a later one)
     * @param category       toxicity group of the PT
     * @param firstQuarter   first quarter with planted reports, or null if the extract ends before it
     * @param rate           share of the products' new reports that carry the PT from the first quarter on
     * @param backgroundRate share of non-CAR-T new reports that carry the PT
     * @param onsetDays      days from THER.start_dt (infusion) to DEMO.event_dt in the planted reports
     * @param perQuarter     exact counts by quarter
     */
    public record PlantedSignalEntry(String id, List<String> products, String target, String pt, String kind,
                                     String category, String firstQuarter, BigDecimal rate, BigDecimal backgroundRate,
                                     OnsetDays onsetDays, List<PlantedCount> perQuarter) {
    }

    /**
     * The planted drug–drug interaction: new cases of a CAR-T target that name a concomitant drug carry a PT at
     * {@code rate}, over the PT's background in every report.
     *
     * @param id          e.g. {@code cd19-dexamethasone-blood-glucose-increased}
     * @param target      the CAR-T target whose cases carry it
     * @param concomitant the concomitant drug's ingredient
     * @param pt          the PT it raises
     * @param rate        share of the target's new cases naming the concomitant that carry the PT through it
     */
    public record PlantedInteractionEntry(String id, String target, String concomitant, String pt, BigDecimal rate) {
    }

    /**
     * The planted masked signal: a PT reported on {@code maskerRate} of the background reports with the masker as
     * primary suspect, on {@code backgroundRate} of the other background reports and on {@code cartRate} of the
     * target's CAR-T cases, so that the masker hides the target's excess.
     *
     * @param id     e.g. {@code cd19-pml-masked-by-adalimumab}
     * @param target the CAR-T target whose cases carry it
     * @param pt     the PT
     * @param masker the masker's ingredient, as curate names it
     */
    public record PlantedMaskingEntry(String id, String target, String pt, String masker, BigDecimal maskerRate,
            BigDecimal backgroundRate, BigDecimal cartRate) {
    }

    /**
     * The planted confounding by indication: a background case whose primary suspect is reported for one of
     * {@code indications} carries {@code pt} with probability {@code rate}, so a CAR-T drug's ROR for it is lower
     * against the indication-matched comparator than against all drugs.
     *
     * @param id          {@code onco-haematological-hypogammaglobulinaemia}
     * @param indications the primary suspect's INDI PTs that carry it
     * @param pt          the PT
     * @param rate        share of those background cases that carry it
     */
    public record PlantedConfoundingEntry(String id, List<String> indications, String pt, BigDecimal rate) {
    }

    /** Time to onset: {@code distribution} over whole days from {@code min} to {@code max} inclusive. */
    public record OnsetDays(String distribution, int min, int max) {
    }

    /**
     * Reports of a quarter carrying a planted PT.
     *
     * @param quarter           e.g. {@code 2023Q2}
     * @param reports           reports (primaryids, follow-up versions included) of the products with the PT
     * @param backgroundReports non-CAR-T reports with the PT
     */
    public record PlantedCount(String quarter, int reports, int backgroundReports) {
    }

    /**
     * A deliberately malformed line.
     *
     * @param quarter e.g. {@code 2023Q1}
     * @param file    path inside the quarter folder or zip, e.g. {@code ASCII/DRUG23Q1.txt}
     * @param line    1-based physical line number; the header is line 1
     * @param kind    field-count, bad-key-date, invalid-utf8, empty-key or collapsed-line
     */
    public record DefectEntry(String quarter, String file, long line, String kind) {
    }

    /**
     * The planted duplicates of issue 19's default rule (same sex, age in years, reporter country, full event date,
     * PT set and suspect-ingredient set across two caseids).
     *
     * @param rule       {@code demographic-clinical}
     * @param exactPairs copies the rule must merge with their original, in the order written
     * @param nearMisses copies the rule must not merge, in the order written
     */
    public record Duplicates(String rule, List<ExactPair> exactPairs, List<NearMiss> nearMisses) {

        public Duplicates {
            exactPairs = List.copyOf(exactPairs);
            nearMisses = List.copyOf(nearMisses);
        }
    }

    /**
     * A report and its copy under another caseid that the rule must merge. Both are the latest versions of their
     * caseids and on no DELETE list.
     *
     * @param originalQuarter   quarter that published the original, e.g. {@code 2023Q1}
     * @param originalCaseid    the original's caseid
     * @param originalPrimaryid the original's primaryid (it may be a follow-up version)
     * @param copyQuarter       quarter of the copy: the original's or the next
     * @param copyCaseid        the copy's caseid (version 1)
     * @param copyPrimaryid     the copy's primaryid
     * @param keptCaseid        the report the rule keeps: latest fda_dt, then highest caseid
     * @param droppedCaseid     the other one
     * @param variations        how the copy is written differently without changing what the rule compares:
     *                          {@code age-in-mon|wk|dy|dec}, {@code suspect-spelling}, {@code pt-order},
     *                          {@code concomitant-dropped|added}, {@code fda-dt-earlier|same|later},
     *                          {@code next-quarter}
     */
    public record ExactPair(String originalQuarter, int originalCaseid, long originalPrimaryid, String copyQuarter,
                            int copyCaseid, long copyPrimaryid, int keptCaseid, int droppedCaseid,
                            List<String> variations) {

        public ExactPair {
            variations = List.copyOf(variations);
        }
    }

    /**
     * A copy that differs from its original in exactly one field of the rule, or lacks it; the rule must merge it with
     * nothing.
     *
     * @param kind          e.g. {@code sex-differs}, {@code event-dt-partial} ({@code NearMissKind})
     * @param field         the rule's field: sex, age_years, reporter_country, event_dt, pts or suspect_ingredients
     * @param originalValue the field in the original (the replaced PT or drug; empty for an added PT)
     * @param copyValue     the field in the copy (empty when missing)
     */
    public record NearMiss(String kind, String field, String originalQuarter, int originalCaseid,
                           long originalPrimaryid, String copyQuarter, int copyCaseid, long copyPrimaryid,
                           String originalValue, String copyValue) {
    }

    /**
     * A variant spelling of a known product, written in DRUG.drugname.
     *
     * @param spelling          the drugname as written, e.g. {@code ELIQUIS 5 MG TABLETS}
     * @param drugname          the product's usual drugname, e.g. {@code ELIQUIS}
     * @param ingredient        the ingredient it must map to: the product's prod_ai, upper-case
     * @param resolution        how a row of this spelling without prod_ai gets its ingredient: {@code cleaning} (the
     *                          cleaned spelling is the ingredient) or {@code learned-dictionary} (rows of the spelling,
     *                          and of the brand it cleans to, carry the ingredient as prod_ai)
     * @param rows              DRUG rows with this spelling, every version of every quarter
     * @param rowsWithoutProdAi those of them with an empty prod_ai
     */
    public record NameVariantEntry(String spelling, String drugname, String ingredient, String resolution, long rows,
                                   long rowsWithoutProdAi) {
    }

    /** Writes the manifest as pretty-printed JSON with {@code \n} line ends, whatever the platform. */
    public void write(Path file) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        ObjectWriter writer = JsonMapper.builder()
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN) // 0.0008, not 8E-4
                .build()
                .writer(printer);
        byte[] json = writer.writeValueAsBytes(this);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(json);
            out.write('\n');
        }
    }

    /** A rate or exponent as written: the shortest decimal of the double, without exponent notation. */
    static BigDecimal decimal(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }

    public static SynthManifest read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), SynthManifest.class);
    }
}
