package org.iago.grading.harmonize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.OptionalInt;

import org.iago.grading.IcansGrade;
import org.iago.grading.IcansGrade.Consciousness;
import org.iago.grading.IcansGrade.Ice;
import org.iago.grading.IcansGrade.MotorFindings;
import org.iago.grading.IcansGrade.RaisedIcp;
import org.iago.grading.IcansGrade.Seizure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ICANS rows of the registry re-graded by ASTCT (adults), worked by hand from the ASTCT table (Lee et al. 2019): the
 * most severe of ICE score (7–9 → 1, 3–6 → 2, 0–2 → 3, unarousable → 4), consciousness, seizure, motor findings and
 * raised ICP. Unless a case says otherwise the other domains are normal: ICE 10, NORMAL, NONE, N, NONE, age 54.
 */
class HarmonizationIcansTest {

    private static final LocalDate ONSET = LocalDate.of(2024, 3, 9);
    private static final int ADULT = 54;

    private final RegistryGrading grading = RegistryGrading.withDefaults();

    private static RegistryToxicity icans(Integer ice, String consciousness, String seizure, String motor,
                                          String oedema) {
        return new RegistryToxicity("ICANS", ONSET, null, 2, "ASTCT", null, null, null, ice, consciousness, seizure,
                motor, oedema);
    }

    @ParameterizedTest(name = "ICE {0} -> {1}")
    @CsvSource({"10, 0", "9, 1", "7, 1", "6, 2", "3, 2", "2, 3", "0, 3"})
    void iceScoreBoundaries(int ice, int grade) {
        DerivedGrade derived = grading.icans(icans(ice, "NORMAL", "NONE", "N", "NONE"), ADULT).derived();
        assertEquals(new DerivedGrade.Graded(grade, grade == 0 ? "ALL_DOMAINS_NORMAL" : "ICE_SCORE"), derived);
    }

    @ParameterizedTest(name = "ICE {0}, consciousness {1}, seizure {2}, motor {3}, oedema {4} -> {5} {6}")
    @CsvSource({
            // each consciousness level
            "10, AWAKENS_SPONTANEOUSLY, NONE, N, NONE, 1, CONSCIOUSNESS",
            "10, TO_VOICE, NONE, N, NONE, 2, CONSCIOUSNESS",
            "10, TO_TOUCH, NONE, N, NONE, 3, CONSCIOUSNESS",
            // unarousable without an ICE score: ASTCT's "0, unarousable and unable to perform ICE", grade 4
            ", UNAROUSABLE, NONE, N, NONE, 4, ICE_SCORE+CONSCIOUSNESS",
            // unarousable with a recorded ICE 0 (grade 3 on its own)
            "0, UNAROUSABLE, NONE, N, NONE, 4, CONSCIOUSNESS",
            // seizures
            "10, NORMAL, RESOLVING, N, NONE, 3, SEIZURE",
            "10, NORMAL, PROLONGED, N, NONE, 4, SEIZURE",
            // motor weakness
            "10, NORMAL, NONE, Y, NONE, 4, MOTOR_FINDINGS",
            // cerebral oedema
            "10, NORMAL, NONE, N, FOCAL, 3, RAISED_ICP_OR_CEREBRAL_OEDEMA",
            "10, NORMAL, NONE, N, DIFFUSE, 4, RAISED_ICP_OR_CEREBRAL_OEDEMA",
            // the most severe domain wins; ASTCT's example: ICE 3 with a seizure is grade 3
            "3, NORMAL, RESOLVING, N, NONE, 3, SEIZURE",
            "8, TO_VOICE, NONE, N, NONE, 2, CONSCIOUSNESS",
            "5, TO_VOICE, NONE, N, NONE, 2, ICE_SCORE+CONSCIOUSNESS",
            "2, TO_TOUCH, RESOLVING, N, FOCAL, 3, ICE_SCORE+CONSCIOUSNESS+SEIZURE+RAISED_ICP_OR_CEREBRAL_OEDEMA",
            // an unknown domain can only raise the grade: a known grade 4 stands
            ", NORMAL, PROLONGED, N, NONE, 4, SEIZURE",
            "9, , NONE, Y, , 4, MOTOR_FINDINGS",
    })
    void gradesTheAstctTable(Integer ice, String consciousness, String seizure, String motor, String oedema,
                             int grade, String basis) {
        DerivedGrade derived = grading.icans(icans(ice, consciousness, seizure, motor, oedema), ADULT).derived();
        assertEquals(new DerivedGrade.Graded(grade, basis), derived);
    }

    @ParameterizedTest(name = "ICE {0}, consciousness {1}, seizure {2}, motor {3}, oedema {4}: missing {5}")
    @CsvSource({
            // no ICE score and not unarousable: not done or not recorded, so unknown, not 0
            ", NORMAL, NONE, N, NONE, ICE_SCORE",
            ", TO_TOUCH, NONE, N, NONE, ICE_SCORE",
            "10, , NONE, N, NONE, CONSCIOUSNESS",
            "10, NORMAL, , N, NONE, SEIZURE",
            "10, NORMAL, NONE, , NONE, MOTOR_FINDINGS",
            "10, NORMAL, NONE, N, , RAISED_ICP_OR_CEREBRAL_OEDEMA",
            "2, TO_TOUCH, RESOLVING, , , MOTOR_FINDINGS+RAISED_ICP_OR_CEREBRAL_OEDEMA",
            ", , , , , ICE_SCORE+CONSCIOUSNESS+SEIZURE+MOTOR_FINDINGS+RAISED_ICP_OR_CEREBRAL_OEDEMA",
    })
    void unknownsBelowGradeFourLeaveItUngradable(Integer ice, String consciousness, String seizure, String motor,
                                                 String oedema, String missing) {
        RegistryToxicity row = icans(ice, consciousness, seizure, motor, oedema);
        IcansGrade.Ungradable direct = assertInstanceOf(IcansGrade.Ungradable.class,
                IcansGrade.withDefaults().grade(RegistryGrading.icansFindings(row, ADULT)));
        assertEquals(missing, String.join("+", direct.missing().stream().map(Enum::name).toList()));
        assertEquals(new DerivedGrade.Ungradable(direct.reason()), grading.icans(row, ADULT).derived());
    }

    @Test
    void mapsEveryCodeOntoTheFindings() {
        assertEquals(new IcansGrade.Findings(ADULT, Ice.score(7), Consciousness.NOT_DEPRESSED, Seizure.NONE,
                        MotorFindings.NONE, RaisedIcp.NONE),
                RegistryGrading.icansFindings(icans(7, "NORMAL", "NONE", "N", "NONE"), ADULT));
        assertEquals(new IcansGrade.Findings(ADULT, Ice.score(4), Consciousness.AWAKENS_SPONTANEOUSLY,
                        Seizure.RESOLVING_RAPIDLY, MotorFindings.DEEP_FOCAL_WEAKNESS, RaisedIcp.FOCAL_OEDEMA),
                RegistryGrading.icansFindings(icans(4, "AWAKENS_SPONTANEOUSLY", "RESOLVING", "Y", "FOCAL"), ADULT));
        assertEquals(new IcansGrade.Findings(ADULT, Ice.notAssessed(), Consciousness.AWAKENS_TO_VOICE,
                        Seizure.PROLONGED_OR_REPETITIVE, MotorFindings.UNKNOWN, RaisedIcp.DIFFUSE_OEDEMA_OR_SIGNS),
                RegistryGrading.icansFindings(icans(null, "TO_VOICE", "PROLONGED", null, "DIFFUSE"), ADULT));
        assertEquals(new IcansGrade.Findings(ADULT, Ice.notAssessed(), Consciousness.AWAKENS_ONLY_TO_TACTILE_STIMULUS,
                        Seizure.UNKNOWN, MotorFindings.NONE, RaisedIcp.UNKNOWN),
                RegistryGrading.icansFindings(icans(null, "TO_TOUCH", null, "N", null), ADULT));
        assertEquals(new IcansGrade.Findings(ADULT, Ice.unarousable(), Consciousness.UNAROUSABLE_STUPOR_OR_COMA,
                        Seizure.NONE, MotorFindings.NONE, RaisedIcp.NONE),
                RegistryGrading.icansFindings(icans(null, "UNAROUSABLE", "NONE", "N", "NONE"), ADULT));
        assertEquals(new IcansGrade.Findings(ADULT, Ice.notAssessed(), Consciousness.UNKNOWN, Seizure.NONE,
                        MotorFindings.NONE, RaisedIcp.NONE),
                RegistryGrading.icansFindings(icans(null, null, "NONE", "N", "NONE"), ADULT));
    }

    @Test
    void childrenUnderTwelveNeedTheCapdAndAnUnknownAgeDecidesNothing() {
        RegistryToxicity row = icans(8, "NORMAL", "NONE", "N", "NONE");
        assertEquals(new DerivedGrade.Ungradable("not for children < 12 (CAPD): age 11"),
                grading.icans(row, 11).derived());
        assertEquals(new DerivedGrade.Graded(1, "ICE_SCORE"), grading.icans(row, 12).derived());
        DerivedGrade unknownAge = grading.icans(row, null).derived();
        assertTrue(((DerivedGrade.Ungradable) unknownAge).reason().startsWith("age not recorded"));
        // the recorded grade is kept either way
        assertEquals(OptionalInt.of(2), grading.icans(row, null).recordedGrade());
    }

    @Test
    void rejectsOtherCategoriesAndUnknownCodes() {
        RegistryToxicity crs = new RegistryToxicity("CRS", ONSET, null, 1, "ASTCT", 38.2, "NONE", "NONE", null, null,
                null, null, null);
        assertThrows(IllegalArgumentException.class, () -> grading.icans(crs, ADULT));
        assertThrows(IllegalArgumentException.class,
                () -> grading.icans(icans(10, "DROWSY", "NONE", "N", "NONE"), ADULT));
        assertThrows(IllegalArgumentException.class,
                () -> grading.icans(icans(10, "NORMAL", "FOCAL", "N", "NONE"), ADULT));
        assertThrows(IllegalArgumentException.class,
                () -> grading.icans(icans(10, "NORMAL", "NONE", "U", "NONE"), ADULT));
        assertThrows(IllegalArgumentException.class,
                () -> grading.icans(icans(10, "NORMAL", "NONE", "N", "GLOBAL"), ADULT));
        assertThrows(IllegalArgumentException.class,
                () -> grading.icans(icans(11, "NORMAL", "NONE", "N", "NONE"), ADULT));
    }
}
