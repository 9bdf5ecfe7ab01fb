package org.iago.grading;

import static org.iago.grading.IcansGrade.Domain.CONSCIOUSNESS;
import static org.iago.grading.IcansGrade.Domain.ICE_SCORE;
import static org.iago.grading.IcansGrade.Domain.MOTOR_FINDINGS;
import static org.iago.grading.IcansGrade.Domain.RAISED_ICP_OR_CEREBRAL_OEDEMA;
import static org.iago.grading.IcansGrade.Domain.SEIZURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.iago.grading.IcansGrade.CapdRequired;
import org.iago.grading.IcansGrade.Consciousness;
import org.iago.grading.IcansGrade.Findings;
import org.iago.grading.IcansGrade.Graded;
import org.iago.grading.IcansGrade.Ice;
import org.iago.grading.IcansGrade.MotorFindings;
import org.iago.grading.IcansGrade.RaisedIcp;
import org.iago.grading.IcansGrade.Result;
import org.iago.grading.IcansGrade.Seizure;
import org.iago.grading.IcansGrade.Ungradable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-worked cases against the ASTCT adult ICANS table of Lee et al. 2019 (doi:10.1016/j.bbmt.2018.12.758). */
class IcansGradeTest {

    private static final int ADULT = 58;

    private final IcansGrade icans = IcansGrade.withDefaults();

    /** An adult with every domain normal except those the test changes. */
    private static Findings normal(Ice ice) {
        return new Findings(ADULT, ice, Consciousness.NOT_DEPRESSED, Seizure.NONE, MotorFindings.NONE, RaisedIcp.NONE);
    }

    private static Findings normalIceWith(Consciousness consciousness, Seizure seizure, MotorFindings motor,
                                          RaisedIcp raisedIcp) {
        return new Findings(ADULT, Ice.score(10), consciousness, seizure, motor, raisedIcp);
    }

    private static Graded graded(int grade, IcansGrade.Domain... decidedBy) {
        return new Graded(grade, List.of(decidedBy));
    }

    @ParameterizedTest(name = "ICE {0} -> grade {1}")
    @CsvSource({
            // 10 is a normal ICE score: no ICANS
            "10, 0",
            // 9 is the top of 7–9: G1
            "9, 1",
            // 7 is the bottom of 7–9: G1
            "7, 1",
            // 6 is the top of 3–6: G2
            "6, 2",
            // 3 is the bottom of 3–6: G2
            "3, 2",
            // 2 is the top of 0–2: G3
            "2, 3",
            // 0 in an awake patient (global aphasia) is still G3; only unarousable is G4
            "0, 3",
    })
    void iceScoreBoundaries(int points, int grade) {
        Graded expected = grade == 0 ? graded(0) : graded(grade, ICE_SCORE);
        assertEquals(expected, icans.grade(normal(Ice.score(points))));
    }

    @Test
    void unarousableForIceIsGrade4() {
        // ICE column G4: "0 (patient is unarousable and unable to perform ICE)"
        assertEquals(graded(4, ICE_SCORE), icans.grade(normal(Ice.unarousable())));
    }

    @Test
    void consciousnessBoundaries() {
        // not depressed: nothing to grade
        assertEquals(graded(0), icans.grade(normalIceWith(Consciousness.NOT_DEPRESSED, Seizure.NONE,
                MotorFindings.NONE, RaisedIcp.NONE)));
        // awakens spontaneously is G1
        assertEquals(graded(1, CONSCIOUSNESS), icans.grade(normalIceWith(Consciousness.AWAKENS_SPONTANEOUSLY,
                Seizure.NONE, MotorFindings.NONE, RaisedIcp.NONE)));
        // awakens to voice is G2
        assertEquals(graded(2, CONSCIOUSNESS), icans.grade(normalIceWith(Consciousness.AWAKENS_TO_VOICE,
                Seizure.NONE, MotorFindings.NONE, RaisedIcp.NONE)));
        // awakens only to tactile stimulus is G3
        assertEquals(graded(3, CONSCIOUSNESS), icans.grade(normalIceWith(
                Consciousness.AWAKENS_ONLY_TO_TACTILE_STIMULUS, Seizure.NONE, MotorFindings.NONE, RaisedIcp.NONE)));
        // unarousable, stupor or coma is G4
        assertEquals(graded(4, CONSCIOUSNESS), icans.grade(normalIceWith(Consciousness.UNAROUSABLE_STUPOR_OR_COMA,
                Seizure.NONE, MotorFindings.NONE, RaisedIcp.NONE)));
    }

    @Test
    void seizureMotorAndOedemaBoundaries() {
        // a seizure resolving rapidly has no G1/G2 column: G3
        assertEquals(graded(3, SEIZURE), icans.grade(normalIceWith(Consciousness.NOT_DEPRESSED,
                Seizure.RESOLVING_RAPIDLY, MotorFindings.NONE, RaisedIcp.NONE)));
        // prolonged (> 5 min) or repetitive without return to baseline: G4
        assertEquals(graded(4, SEIZURE), icans.grade(normalIceWith(Consciousness.NOT_DEPRESSED,
                Seizure.PROLONGED_OR_REPETITIVE, MotorFindings.NONE, RaisedIcp.NONE)));
        // deep focal motor weakness exists only at G4
        assertEquals(graded(4, MOTOR_FINDINGS), icans.grade(normalIceWith(Consciousness.NOT_DEPRESSED,
                Seizure.NONE, MotorFindings.DEEP_FOCAL_WEAKNESS, RaisedIcp.NONE)));
        // focal/local oedema on imaging: G3
        assertEquals(graded(3, RAISED_ICP_OR_CEREBRAL_OEDEMA), icans.grade(normalIceWith(Consciousness.NOT_DEPRESSED,
                Seizure.NONE, MotorFindings.NONE, RaisedIcp.FOCAL_OEDEMA)));
        // diffuse oedema, posturing, CN VI palsy, papilloedema or Cushing's triad: G4
        assertEquals(graded(4, RAISED_ICP_OR_CEREBRAL_OEDEMA), icans.grade(normalIceWith(
                Consciousness.NOT_DEPRESSED, Seizure.NONE, MotorFindings.NONE, RaisedIcp.DIFFUSE_OEDEMA_OR_SIGNS)));
    }

    @Test
    void theMostSevereDomainDecides() {
        // the paper's own example: ICE 3 (G2) with a generalized seizure (G3) is G3
        assertEquals(graded(3, SEIZURE), icans.grade(new Findings(ADULT, Ice.score(3), Consciousness.NOT_DEPRESSED,
                Seizure.RESOLVING_RAPIDLY, MotorFindings.NONE, RaisedIcp.NONE)));
        // ICE 2 (G3) and awakening only to touch (G3) tie: both reported
        assertEquals(graded(3, ICE_SCORE, CONSCIOUSNESS), icans.grade(new Findings(ADULT, Ice.score(2),
                Consciousness.AWAKENS_ONLY_TO_TACTILE_STIMULUS, Seizure.NONE, MotorFindings.NONE, RaisedIcp.NONE)));
        // ICE 8 (G1) with hemiparesis (G4): G4
        assertEquals(graded(4, MOTOR_FINDINGS), icans.grade(new Findings(ADULT, Ice.score(8),
                Consciousness.AWAKENS_SPONTANEOUSLY, Seizure.NONE, MotorFindings.DEEP_FOCAL_WEAKNESS, RaisedIcp.NONE)));
    }

    @Test
    void childrenUnder12NeedTheCapd() {
        // 11 years: ICE does not apply, CAPD does
        Result child = icans.grade(new Findings(11, Ice.score(5), Consciousness.NOT_DEPRESSED, Seizure.NONE,
                MotorFindings.NONE, RaisedIcp.NONE));
        assertEquals(new CapdRequired(11), child);
        assertTrue(((CapdRequired) child).reason().startsWith("not for children < 12 (CAPD)"));
        // 12 years: the ICE table applies; ICE 5 is G2
        assertEquals(graded(2, ICE_SCORE), icans.grade(new Findings(12, Ice.score(5), Consciousness.NOT_DEPRESSED,
                Seizure.NONE, MotorFindings.NONE, RaisedIcp.NONE)));
    }

    @Test
    void anUnknownDomainIsUngradableUnlessAKnownOneIsGrade4() {
        // ICE not done, everything else normal: grade 0 to 3 possible
        Result noIce = icans.grade(normal(Ice.notAssessed()));
        assertEquals(List.of(ICE_SCORE), ((Ungradable) noIce).missing());
        // seizure and motor unknown with ICE 4 (G2): the grade could still be 4
        Result partial = icans.grade(new Findings(ADULT, Ice.score(4), Consciousness.AWAKENS_TO_VOICE,
                Seizure.UNKNOWN, MotorFindings.UNKNOWN, RaisedIcp.NONE));
        assertEquals(List.of(SEIZURE, MOTOR_FINDINGS), ((Ungradable) partial).missing());
        assertTrue(((Ungradable) partial).reason().contains("grade 2 only"), ((Ungradable) partial).reason());
        // seizure unknown but coma: nothing is above G4
        assertEquals(graded(4, CONSCIOUSNESS), icans.grade(new Findings(ADULT, Ice.notAssessed(),
                Consciousness.UNAROUSABLE_STUPOR_OR_COMA, Seizure.UNKNOWN, MotorFindings.NONE, RaisedIcp.UNKNOWN)));
    }

    @Test
    void invalidFindingsAreRejected() {
        // ICE has 10 points; ages are not negative; unknown is stated, not null
        assertThrows(IllegalArgumentException.class, () -> Ice.score(11));
        assertThrows(IllegalArgumentException.class, () -> Ice.score(-1));
        assertThrows(IllegalArgumentException.class, () -> new Findings(-1, Ice.score(10),
                Consciousness.NOT_DEPRESSED, Seizure.NONE, MotorFindings.NONE, RaisedIcp.NONE));
        assertThrows(NullPointerException.class, () -> new Findings(ADULT, Ice.score(10), null, Seizure.NONE,
                MotorFindings.NONE, RaisedIcp.NONE));
    }
}
