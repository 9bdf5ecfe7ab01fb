package org.iago;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import java.util.regex.Pattern;
import org.iago.cli.Iago;
import org.iago.lake.Lake;
import org.iago.report.ReportWriter;
import org.iago.review.SignalReviews;
import org.iago.synth.FaersSynthesizer;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of {@code iago-synth}, {@code iago-report} and {@code iago-jobs}, checked on their compiled main
 * classes (those of {@code iago-stats} and {@code iago-spark} are checked by iago-spark's ArchitectureTest): each
 * package imports only the packages before it on the data's path (docs/architecture.md, "Packages"), only {@code cli}
 * is imported by none, and no two packages import each other. The rules take the root package as a parameter so that
 * {@link #theRulesFailOnAWrongImport} can run them on the deliberately wrong classes of {@code org.iago.archfixture}.
 */
class ArchitectureTest {

    /**
     * The main classes of synth, report and jobs: the folders they are compiled to or their jars (a build of one
     * module reads the others from the local repository), not test classes nor the modules below.
     */
    private static final Pattern ABOVE_SPARK = Pattern.compile(
            ".*(/(synth|report|jobs)/target/classes/|/iago-(synth|report|jobs)-[^/]*(?<!-tests)\\.jar).*");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(location -> location.matches(ABOVE_SPARK)).importPackages("org.iago");

    /**
     * Each layer with what it may import, in the order the data flows; a class of this module outside every layer
     * fails too. The layers of iago-stats and iago-spark are optional here: they are targets, not imported.
     */
    static LayeredArchitecture layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .optionalLayer("vocabulary").definedBy(root + ".vocabulary..")
                .optionalLayer("dictionary").definedBy(root + ".dictionary..")
                .optionalLayer("csv").definedBy(root + ".csv..")
                .optionalLayer("lake").definedBy(root + ".lake..")
                .optionalLayer("stats").definedBy(root + ".stats..")
                .optionalLayer("grading").definedBy(root + ".grading..")
                .optionalLayer("spark").definedBy(root + ".spark..")
                .optionalLayer("curate").definedBy(root + ".curate..")
                .optionalLayer("disproportionality").definedBy(root + ".disproportionality..")
                .optionalLayer("tte").definedBy(root + ".tte..")
                .layer("batch").definedBy(root + ".batch..")
                .layer("ingest").definedBy(root + ".ingest..")
                .layer("synth").definedBy(root + ".synth..")
                .layer("review").definedBy(root + ".review..")
                .layer("report").definedBy(root + ".report..")
                .layer("pipeline").definedBy(root + ".pipeline..")
                .layer("cli").definedBy(root + ".cli..")
                .whereLayer("batch").mayNotAccessAnyLayer()
                .whereLayer("ingest").mayOnlyAccessLayers("vocabulary", "dictionary", "csv", "lake", "batch")
                // synthetic inputs for the tests and the demo (iago-synth): they may speak the grading's terms
                .whereLayer("synth").mayOnlyAccessLayers("vocabulary", "dictionary", "csv", "grading")
                .whereLayer("review").mayOnlyAccessLayers("vocabulary", "csv")
                // the report (iago-report) reads a run folder and the review decisions; it computes and runs nothing
                .whereLayer("report").mayOnlyAccessLayers("vocabulary", "dictionary", "csv", "review")
                .whereLayer("pipeline").mayOnlyAccessLayers("vocabulary", "dictionary", "csv", "lake", "stats",
                        "grading", "spark", "curate", "disproportionality", "tte", "batch", "ingest", "review", "report")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitecture();
    }

    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /** The rules above see every module above iago-spark, and none below it. */
    @Test
    void checksTheClassesOfSynthReportAndJobs() {
        for (Class<?> above : List.of(FaersSynthesizer.class, ReportWriter.class, SignalReviews.class, Iago.class)) {
            assertTrue(MAIN.contain(above), above::getName);
        }
        assertFalse(MAIN.contain(Lake.class));
        assertFalse(MAIN.contain(Quarter.class));
    }

    @Test
    void dependenciesFollowTheData() {
        layers("org.iago").check(MAIN);
    }

    @Test
    void packagesFormNoCycle() {
        noCycles("org.iago").check(MAIN);
    }

    @Test
    void theRulesFailOnAWrongImport() {
        JavaClasses wrong = new ClassFileImporter().importPackages("org.iago.archfixture");
        AssertionError back = assertThrows(AssertionError.class,
                () -> layers("org.iago.archfixture").withOptionalLayers(true).check(wrong));
        assertTrue(back.getMessage().contains("archfixture.ingest.IngestReadsCurate"), back::getMessage);
        assertTrue(back.getMessage().contains("archfixture.report.ReportRunsPipeline"), back::getMessage);
        AssertionError cycle = assertThrows(AssertionError.class, () -> noCycles("org.iago.archfixture").check(wrong));
        assertTrue(cycle.getMessage().contains("Cycle detected"), cycle::getMessage);
    }
}
