package org.iago.grading;

import static org.iago.grading.CrsGrade.Domain.DEATH;
import static org.iago.grading.CrsGrade.Domain.FEVER;
import static org.iago.grading.CrsGrade.Domain.HYPOTENSION;
import static org.iago.grading.CrsGrade.Domain.HYPOXIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.iago.grading.CrsGrade.DeathDueToCrs;
import org.iago.grading.CrsGrade.Fever;
import org.iago.grading.CrsGrade.FeverMaskingTherapy;
import org.iago.grading.CrsGrade.Findings;
import org.iago.grading.CrsGrade.Graded;
import org.iago.grading.CrsGrade.Hypotension;
import org.iago.grading.CrsGrade.OxygenSupport;
import org.iago.grading.CrsGrade.OxygenSupport.Device;
import org.iago.grading.CrsGrade.Result;
import org.iago.grading.CrsGrade.Ungradable;
import org.junit.jupiter.api.Test;

/** Hand-worked cases against the ASTCT CRS table of Lee et al. 2019 (doi:10.1016/j.bbmt.2018.12.758). */
class CrsGradeTest {

    private final CrsGrade crs = CrsGrade.withDefaults();

    private Result febrile(Hypotension hypotension, OxygenSupport oxygen) {
        return crs.grade(new Findings(Fever.PRESENT, FeverMaskingTherapy.NOT_GIVEN, hypotension, oxygen,
                DeathDueToCrs.NO));
    }

    private static Graded graded(int grade, CrsGrade.Domain... decidedBy) {
        return new Graded(grade, List.of(decidedBy));
    }

    @Test
    void feverAloneIsGrade1() {
        // G1 row: fever, no hypotension, no hypoxia
        assertEquals(graded(1, FEVER), febrile(Hypotension.none(), OxygenSupport.none()));
    }

    @Test
    void hypotensionBoundaries() {
        // hypotension not requiring vasopressors is the G2 column
        assertEquals(graded(2, HYPOTENSION), febrile(Hypotension.fluidsOnly(), OxygenSupport.none()));
        // one vasopressor is G3
        assertEquals(graded(3, HYPOTENSION), febrile(Hypotension.onVasopressors(1, false), OxygenSupport.none()));
        // vasopressin alone is one vasopressor: G3
        assertEquals(graded(3, HYPOTENSION), febrile(Hypotension.onVasopressors(0, true), OxygenSupport.none()));
        // one vasopressor "with or without vasopressin" stays G3: vasopressin does not make it multiple
        assertEquals(graded(3, HYPOTENSION), febrile(Hypotension.onVasopressors(1, true), OxygenSupport.none()));
        // two vasopressors other than vasopressin are "multiple": G4
        assertEquals(graded(4, HYPOTENSION), febrile(Hypotension.onVasopressors(2, false), OxygenSupport.none()));
        // multiple plus vasopressin is still G4
        assertEquals(graded(4, HYPOTENSION), febrile(Hypotension.onVasopressors(2, true), OxygenSupport.none()));
    }

    @Test
    void hypoxiaBoundaries() {
        // blow-by is low-flow: G2
        assertEquals(graded(2, HYPOXIA), febrile(Hypotension.none(), OxygenSupport.by(Device.BLOW_BY)));
        // 6 L/min is the top of low-flow (≤ 6): G2
        assertEquals(graded(2, HYPOXIA), febrile(Hypotension.none(), OxygenSupport.nasalCannula(6)));
        // 6.5 L/min is already > 6, high-flow: G3
        assertEquals(graded(3, HYPOXIA), febrile(Hypotension.none(), OxygenSupport.nasalCannula(6.5)));
        // 7 L/min is high-flow: G3
        assertEquals(graded(3, HYPOXIA), febrile(Hypotension.none(), OxygenSupport.nasalCannula(7)));
        // facemask, non-rebreather and Venturi are G3 whatever the flow
        for (Device device : List.of(Device.FACEMASK, Device.NON_REBREATHER_MASK, Device.VENTURI_MASK)) {
            assertEquals(graded(3, HYPOXIA), febrile(Hypotension.none(), OxygenSupport.by(device)), device.name());
        }
        // positive pressure (CPAP, BiPAP, intubation) is G4
        for (Device device : List.of(Device.CPAP, Device.BIPAP, Device.MECHANICAL_VENTILATION)) {
            assertEquals(graded(4, HYPOXIA), febrile(Hypotension.none(), OxygenSupport.by(device)), device.name());
        }
    }

    @Test
    void theWorseOfHypotensionAndHypoxiaDecides() {
        // fluids (G2) with a non-rebreather (G3): the worse, G3, from hypoxia
        assertEquals(graded(3, HYPOXIA), febrile(Hypotension.fluidsOnly(), OxygenSupport.by(Device.NON_REBREATHER_MASK)));
        // two vasopressors (G4) with low-flow oxygen (G2): G4 from hypotension
        assertEquals(graded(4, HYPOTENSION), febrile(Hypotension.onVasopressors(2, false), OxygenSupport.nasalCannula(2)));
        // both at G2: both domains decided it
        assertEquals(graded(2, HYPOTENSION, HYPOXIA), febrile(Hypotension.fluidsOnly(), OxygenSupport.nasalCannula(4)));
    }

    @Test
    void withoutFeverOrMaskingTherapyThereIsNoCrs() {
        // fever is required for every grade; with no antipyretic or anti-cytokine therapy it cannot be waived
        assertEquals(graded(0, FEVER), crs.grade(new Findings(Fever.ABSENT, FeverMaskingTherapy.NOT_GIVEN,
                Hypotension.onVasopressors(1, false), OxygenSupport.by(Device.CPAP), DeathDueToCrs.NO)));
    }

    @Test
    void maskedFeverIsGradedByHypotensionAndHypoxia() {
        // after tocilizumab or steroids fever is no longer required: one vasopressor gives G3
        assertEquals(graded(3, HYPOTENSION), crs.grade(new Findings(Fever.ABSENT, FeverMaskingTherapy.GIVEN,
                Hypotension.onVasopressors(1, false), OxygenSupport.none(), DeathDueToCrs.NO)));
        // fever not recorded but masked: still graded, here by a facemask (G3)
        assertEquals(graded(3, HYPOXIA), crs.grade(new Findings(Fever.UNKNOWN, FeverMaskingTherapy.GIVEN,
                Hypotension.none(), OxygenSupport.by(Device.FACEMASK), DeathDueToCrs.NO)));
        // masked, neither hypotension nor hypoxia: the lowest CRS grade, 1
        assertEquals(graded(1, FEVER), crs.grade(new Findings(Fever.ABSENT, FeverMaskingTherapy.GIVEN,
                Hypotension.none(), OxygenSupport.none(), DeathDueToCrs.NO)));
    }

    @Test
    void deathDueToCrsIsGrade5WhateverElseIsKnown() {
        // G5 is death due to CRS; the other parameters cannot change it, known or not
        assertEquals(graded(5, DEATH), crs.grade(new Findings(Fever.UNKNOWN, FeverMaskingTherapy.UNKNOWN,
                Hypotension.unknown(), OxygenSupport.unknown(), DeathDueToCrs.YES)));
    }

    @Test
    void unknownDeathIsUngradable() {
        // any grade could be 5
        Result result = crs.grade(new Findings(Fever.PRESENT, FeverMaskingTherapy.NOT_GIVEN,
                Hypotension.onVasopressors(3, false), OxygenSupport.none(), DeathDueToCrs.UNKNOWN));
        assertEquals(List.of(DEATH), ((Ungradable) result).missing());
    }

    @Test
    void unknownFeverCriterionIsUngradable() {
        // fever not recorded, no masking therapy: it could be no CRS (G0) or G2
        Result unknownFever = crs.grade(new Findings(Fever.UNKNOWN, FeverMaskingTherapy.NOT_GIVEN,
                Hypotension.fluidsOnly(), OxygenSupport.none(), DeathDueToCrs.NO));
        assertEquals(List.of(FEVER), ((Ungradable) unknownFever).missing());
        // no fever but therapy not recorded: G0 if none was given, G4 if it was
        Result unknownTherapy = crs.grade(new Findings(Fever.ABSENT, FeverMaskingTherapy.UNKNOWN,
                Hypotension.none(), OxygenSupport.by(Device.BIPAP), DeathDueToCrs.NO));
        assertEquals(List.of(FEVER), ((Ungradable) unknownTherapy).missing());
    }

    @Test
    void anUnknownDomainIsUngradableUnlessTheOtherIsAlreadyGrade4() {
        // hypotension unknown, low-flow oxygen: the grade is 2, 3 or 4
        Result lowFlow = febrile(Hypotension.unknown(), OxygenSupport.nasalCannula(3));
        assertEquals(List.of(HYPOTENSION), ((Ungradable) lowFlow).missing());
        assertTrue(((Ungradable) lowFlow).reason().contains("grade 2 only"), ((Ungradable) lowFlow).reason());
        // hypotension unknown, intubated: G4 whatever the hypotension
        assertEquals(graded(4, HYPOXIA), febrile(Hypotension.unknown(), OxygenSupport.by(Device.MECHANICAL_VENTILATION)));
        // nasal cannula without a flow: low- or high-flow cannot be told
        Result noFlow = febrile(Hypotension.fluidsOnly(), OxygenSupport.nasalCannulaFlowUnknown());
        assertEquals(List.of(HYPOXIA), ((Ungradable) noFlow).missing());
        // ... unless two vasopressors already give G4
        assertEquals(graded(4, HYPOTENSION), febrile(Hypotension.onVasopressors(2, false),
                OxygenSupport.nasalCannulaFlowUnknown()));
        // both unknown: both listed
        Result both = febrile(Hypotension.unknown(), OxygenSupport.unknown());
        assertEquals(List.of(HYPOTENSION, HYPOXIA), ((Ungradable) both).missing());
    }

    @Test
    void inconsistentParametersAreRejected() {
        // "vasopressors" with no agent, agents without vasopressors, a flow on a facemask, a negative flow
        assertThrows(IllegalArgumentException.class, () -> Hypotension.onVasopressors(0, false));
        assertThrows(IllegalArgumentException.class,
                () -> new Hypotension(Hypotension.Management.FLUIDS_ONLY, 1, false));
        assertThrows(IllegalArgumentException.class,
                () -> new OxygenSupport(Device.FACEMASK, OptionalDouble.of(10)));
        assertThrows(IllegalArgumentException.class, () -> OxygenSupport.nasalCannula(-1));
        assertThrows(IllegalArgumentException.class, () -> OxygenSupport.by(Device.NASAL_CANNULA));
        assertThrows(NullPointerException.class, () -> new Findings(null, FeverMaskingTherapy.NOT_GIVEN,
                Hypotension.none(), OxygenSupport.none(), DeathDueToCrs.NO));
    }
}
