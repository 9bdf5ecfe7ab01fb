package org.iago;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of {@code iago-stats} and {@code iago-spark}, checked on their compiled main classes: the
 * statistics, grading and the shared words import no Spark or Hadoop (iago-stats has neither on its class path, so
 * the compiler stops such an import first), and each package imports only the packages before it on the data's path
 * (docs/architecture.md, "Packages"). {@code jobs}' ArchitectureTest checks the packages of the modules above. The
 * rules take the root package as a parameter so that {@link #theRulesFailOnAWrongImport} can run them on the
 * deliberately wrong classes of {@code org.iago.archfixture} (test classes, left out of the main check).
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.iago");

    /** Packages that run without Spark on the classpath (the report, the tests of the statistics, other tools). */
    static ArchRule noSpark(String root) {
        return noClasses().that().resideInAnyPackage(root + ".stats..", root + ".grading..", root + ".vocabulary..",
                        root + ".dictionary..", root + ".csv..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..",
                        "scala..");
    }

    /** Each layer with what it may import, in the order the data flows; a class outside every layer fails too. */
    static LayeredArchitecture layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("vocabulary").definedBy(root + ".vocabulary..")
                .layer("dictionary").definedBy(root + ".dictionary..")
                .layer("csv").definedBy(root + ".csv..")
                .layer("lake").definedBy(root + ".lake..")
                .layer("stats").definedBy(root + ".stats..")
                .layer("grading").definedBy(root + ".grading..")
                .layer("spark").definedBy(root + ".spark..")
                .layer("curate").definedBy(root + ".curate..")
                .layer("disproportionality").definedBy(root + ".disproportionality..")
                .layer("tte").definedBy(root + ".tte..")
                .whereLayer("vocabulary").mayNotAccessAnyLayer()
                .whereLayer("dictionary").mayOnlyAccessLayers("vocabulary")
                .whereLayer("csv").mayNotAccessAnyLayer()
                .whereLayer("lake").mayOnlyAccessLayers("vocabulary")
                .whereLayer("stats").mayNotAccessAnyLayer()
                .whereLayer("grading").mayOnlyAccessLayers("vocabulary", "stats")
                .whereLayer("spark").mayOnlyAccessLayers("vocabulary", "csv", "lake")
                .whereLayer("curate").mayOnlyAccessLayers("vocabulary", "dictionary", "csv", "lake", "spark")
                .whereLayer("disproportionality").mayOnlyAccessLayers("vocabulary", "dictionary", "csv", "lake", "spark",
                        "stats")
                .whereLayer("tte").mayOnlyAccessLayers("vocabulary", "dictionary", "csv", "lake", "spark", "stats",
                        "grading")
                .ensureAllClassesAreContainedInArchitecture();
    }

    /** No two packages import each other. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    @Test
    void statisticsGradingAndSharedWordsImportNoSpark() {
        noSpark("org.iago").check(MAIN);
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
        AssertionError spark = assertThrows(AssertionError.class, () -> noSpark("org.iago.archfixture").check(wrong));
        assertTrue(spark.getMessage().contains("archfixture.stats.SparkInStats"), spark::getMessage);
        AssertionError back = assertThrows(AssertionError.class,
                () -> layers("org.iago.archfixture").withOptionalLayers(true).check(wrong));
        assertTrue(back.getMessage().contains("archfixture.lake.LakeReadsCurate"), back::getMessage);
        AssertionError cycle = assertThrows(AssertionError.class, () -> noCycles("org.iago.archfixture").check(wrong));
        assertTrue(cycle.getMessage().contains("Cycle detected"), cycle::getMessage);
    }
}
