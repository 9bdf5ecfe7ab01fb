package org.iago.grading.harmonize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

import org.iago.grading.CrsGrade;
import org.iago.grading.CrsGrade.DeathDueToCrs;
import org.iago.grading.CrsGrade.Fever;
import org.iago.grading.CrsGrade.FeverMaskingTherapy;
import org.iago.grading.CrsGrade.Hypotension;
import org.iago.grading.CrsGrade.OxygenSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CRS rows of the registry re-graded by ASTCT, worked by hand from the ASTCT table (Lee et al. 2019): fever ≥ 38 °C
 * required unless masked by tocilizumab or steroids, then the worse of hypotension (none 1, fluids 2, one
 * vasopressor 3, several 4) and oxygen (none 1, low flow 2, high flow 3, positive pressure 4); death due to CRS 5.
 */
class HarmonizationCrsTest {

    private static final LocalDate ONSET = LocalDate.of(2024, 3, 4);
    private static final LocalDate RESOLVED = LocalDate.of(2024, 3, 11);
    private static final RegistryOutcome ALIVE = new RegistryOutcome(null, null);

    private final RegistryGrading grading = RegistryGrading.withDefaults();

    private static RegistryToxicity crs(Double maxTempC, String hypotension, String oxygen) {
        return new RegistryToxicity("CRS", ONSET, RESOLVED, 2, "ASTCT", maxTempC, hypotension, oxygen, null, null,
                null, null, null);
    }

    @ParameterizedTest(name = "{0} °C, hypotension {1}, oxygen {2}, tocilizumab/steroids by onset {3} -> {4} {5}")
    @CsvSource({
            // the fever threshold, nothing else
            "38.0, NONE, NONE, false, 1, FEVER",
            "37.9, NONE, NONE, true, 1, FEVER",
            // each hypotension level with fever
            "38.0, FLUIDS, NONE, false, 2, HYPOTENSION",
            "38.0, ONE_VASOPRESSOR, NONE, false, 3, HYPOTENSION",
            "38.0, MULTIPLE_VASOPRESSORS, NONE, false, 4, HYPOTENSION",
            // each oxygen level with fever
            "38.0, NONE, LOW_FLOW, false, 2, HYPOXIA",
            "38.0, NONE, HIGH_FLOW, false, 3, HYPOXIA",
            "38.0, NONE, POSITIVE_PRESSURE, false, 4, HYPOXIA",
            // the worse of the two, both named on a tie
            "39.4, FLUIDS, LOW_FLOW, false, 2, HYPOTENSION+HYPOXIA",
            "39.4, ONE_VASOPRESSOR, LOW_FLOW, false, 3, HYPOTENSION",
            "40.1, FLUIDS, HIGH_FLOW, false, 3, HYPOXIA",
            "40.1, MULTIPLE_VASOPRESSORS, POSITIVE_PRESSURE, false, 4, HYPOTENSION+HYPOXIA",
            // fever masked by tocilizumab or steroids: not required, the organ domains grade
            "37.9, FLUIDS, NONE, true, 2, HYPOTENSION",
            "36.5, NONE, HIGH_FLOW, true, 3, HYPOXIA",
            ", ONE_VASOPRESSOR, NONE, true, 3, HYPOTENSION",
            // an unknown domain can only raise the grade: a known grade 4 stands
            "38.0, , POSITIVE_PRESSURE, false, 4, HYPOXIA",
            "38.0, MULTIPLE_VASOPRESSORS, , false, 4, HYPOTENSION",
    })
    void gradesTheAstctTable(Double maxTempC, String hypotension, String oxygen, boolean masked, int grade,
                             String basis) {
        HarmonizedEpisode episode = grading.crs(crs(maxTempC, hypotension, oxygen), ALIVE, masked);
        assertEquals(new DerivedGrade.Graded(grade, basis), episode.derived());
    }

    @ParameterizedTest(name = "{0} °C, hypotension {1}, oxygen {2}, tocilizumab/steroids by onset {3}: ungradable")
    @CsvSource({
            // afebrile, masking therapy not known: ASTCT grade 0 (not CRS) or masked fever cannot be told apart
            "37.9, NONE, NONE, false, FEVER",
            "37.9, ONE_VASOPRESSOR, HIGH_FLOW, false, FEVER",
            // temperature not recorded
            ", NONE, NONE, false, FEVER",
            // fever, but an organ domain unknown below grade 4
            "38.0, , NONE, false, HYPOTENSION",
            "38.0, FLUIDS, , false, HYPOXIA",
            "38.0, , , false, HYPOTENSION+HYPOXIA",
            ", , , false, FEVER+HYPOTENSION+HYPOXIA",
    })
    void unknownsThatCouldChangeTheGradeLeaveItUngradable(Double maxTempC, String hypotension, String oxygen,
                                                          boolean masked, String missing) {
        HarmonizedEpisode episode = grading.crs(crs(maxTempC, hypotension, oxygen), ALIVE, masked);
        CrsGrade.Ungradable direct = assertInstanceOf(CrsGrade.Ungradable.class, CrsGrade.withDefaults().grade(
                RegistryGrading.crsFindings(crs(maxTempC, hypotension, oxygen), ALIVE, masked)));
        assertEquals(missing, String.join("+", direct.missing().stream().map(Enum::name).toList()));
        assertEquals(new DerivedGrade.Ungradable(direct.reason()), episode.derived());
        assertEquals(OptionalInt.empty(), episode.derived().optionalGrade());
    }

    @Test
    void mapsEveryCodeOntoTheFindings() {
        assertEquals(new CrsGrade.Findings(Fever.PRESENT, FeverMaskingTherapy.UNKNOWN, Hypotension.none(),
                        OxygenSupport.none(), DeathDueToCrs.NO),
                RegistryGrading.crsFindings(crs(38.0, "NONE", "NONE"), ALIVE, false));
        assertEquals(new CrsGrade.Findings(Fever.ABSENT, FeverMaskingTherapy.GIVEN, Hypotension.fluidsOnly(),
                        OxygenSupport.by(OxygenSupport.Device.BLOW_BY), DeathDueToCrs.NO),
                RegistryGrading.crsFindings(crs(37.9, "FLUIDS", "LOW_FLOW"), ALIVE, true));
        assertEquals(new CrsGrade.Findings(Fever.UNKNOWN, FeverMaskingTherapy.UNKNOWN,
                        Hypotension.onVasopressors(1, false), OxygenSupport.by(OxygenSupport.Device.FACEMASK),
                        DeathDueToCrs.NO),
                RegistryGrading.crsFindings(crs(null, "ONE_VASOPRESSOR", "HIGH_FLOW"), ALIVE, false));
        assertEquals(new CrsGrade.Findings(Fever.PRESENT, FeverMaskingTherapy.UNKNOWN,
                        Hypotension.onVasopressors(2, false), OxygenSupport.by(OxygenSupport.Device.CPAP),
                        DeathDueToCrs.NO),
                RegistryGrading.crsFindings(crs(41.0, "MULTIPLE_VASOPRESSORS", "POSITIVE_PRESSURE"), ALIVE, false));
        assertEquals(new CrsGrade.Findings(Fever.PRESENT, FeverMaskingTherapy.UNKNOWN, Hypotension.unknown(),
                        OxygenSupport.unknown(), DeathDueToCrs.NO),
                RegistryGrading.crsFindings(crs(38.0, null, null), ALIVE, false));
    }

    @Test
    void deathDueToCrsDuringTheEpisodeIsGradeFive() {
        RegistryToxicity unresolved = new RegistryToxicity("CRS", ONSET, null, 5, "ASTCT", 39.0, "FLUIDS", "NONE",
                null, null, null, null, null);
        RegistryOutcome diedOfCrs = new RegistryOutcome(ONSET.plusDays(6), "CRS");
        assertEquals(new DerivedGrade.Graded(5, "DEATH"), grading.crs(unresolved, diedOfCrs, false).derived());
        // a death on the resolution day still belongs to the episode
        assertEquals(new DerivedGrade.Graded(5, "DEATH"),
                grading.crs(crs(39.0, "FLUIDS", "NONE"), new RegistryOutcome(RESOLVED, "CRS"), false).derived());
        // even with the organ domains unknown
        assertEquals(new DerivedGrade.Graded(5, "DEATH"),
                grading.crs(crs(null, null, null), diedOfCrs, false).derived());
    }

    @Test
    void otherDeathsDoNotMakeGradeFive() {
        RegistryToxicity episode = crs(39.0, "FLUIDS", "NONE");
        DerivedGrade two = new DerivedGrade.Graded(2, "HYPOTENSION");
        // the episode had resolved: the death, even of CRS, belongs to another episode
        assertEquals(two, grading.crs(episode, new RegistryOutcome(RESOLVED.plusDays(1), "CRS"), false).derived());
        // another cause
        assertEquals(two, grading.crs(episode, new RegistryOutcome(RESOLVED, "INFECTION"), false).derived());
        assertEquals(two, grading.crs(episode, ALIVE, false).derived());
    }

    @Test
    void anUnknownDeathLeavesEveryGradeOpen() {
        RegistryToxicity episode = crs(39.0, "FLUIDS", "NONE");
        for (RegistryOutcome outcome : new RegistryOutcome[] {null, new RegistryOutcome(RESOLVED, null)}) {
            DerivedGrade derived = grading.crs(episode, outcome, false).derived();
            assertEquals(new DerivedGrade.Ungradable("death due to CRS not recorded: any grade could be 5"), derived);
        }
    }

    @Test
    void recordsTheRecordedGradeAndWhetherItIsComparable() {
        HarmonizedEpisode astct = grading.crs(crs(38.5, "ONE_VASOPRESSOR", "NONE"), ALIVE, false);
        assertEquals(GradedToxicity.CRS, astct.toxicity());
        assertEquals(OptionalInt.of(2), astct.recordedGrade());
        assertEquals(Optional.of("ASTCT"), astct.recordedSystem());
        assertTrue(astct.comparable());

        // Lee 2014 grade 3 for the same parameters: re-graded all the same, but not comparable
        for (String system : new String[] {"LEE2014", "CARTOX", "CTCAE5"}) {
            HarmonizedEpisode other = grading.crs(new RegistryToxicity("CRS", ONSET, RESOLVED, 3, system, 38.5,
                    "ONE_VASOPRESSOR", "NONE", null, null, null, null, null), ALIVE, false);
            assertEquals(new DerivedGrade.Graded(3, "HYPOTENSION"), other.derived());
            assertFalse(other.comparable(), system);
        }
        HarmonizedEpisode unrecorded = grading.crs(new RegistryToxicity("CRS", ONSET, RESOLVED, null, null, 38.5,
                "NONE", "NONE", null, null, null, null, null), ALIVE, false);
        assertEquals(OptionalInt.empty(), unrecorded.recordedGrade());
        assertEquals(Optional.empty(), unrecorded.recordedSystem());
        assertFalse(unrecorded.comparable());
        assertEquals(new DerivedGrade.Graded(1, "FEVER"), unrecorded.derived());
    }

    @Test
    void rejectsOtherCategoriesAndUnknownCodes() {
        RegistryToxicity icans = new RegistryToxicity("ICANS", ONSET, RESOLVED, 1, "ASTCT", null, null, null, 8,
                "NORMAL", "NONE", "N", "NONE");
        assertThrows(IllegalArgumentException.class, () -> grading.crs(icans, ALIVE, false));
        assertThrows(IllegalArgumentException.class, () -> grading.crs(crs(38.0, "PRESSORS", "NONE"), ALIVE, false));
        assertThrows(IllegalArgumentException.class, () -> grading.crs(crs(38.0, "NONE", "low_flow"), ALIVE, false));
        assertThrows(NullPointerException.class, () -> new RegistryToxicity(null, ONSET, null, null, null, null, null,
                null, null, null, null, null, null));
    }
}
