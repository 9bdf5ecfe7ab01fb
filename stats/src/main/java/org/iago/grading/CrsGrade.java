package org.iago.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * ASTCT consensus grade of cytokine release syndrome (CRS) of one assessment, from the parameters a registry
 * records (Lee et al. 2019 [1]).
 *
 * <table>
 *   <caption>ASTCT CRS grading [1]</caption>
 *   <tr><th>parameter</th><th>grade 1</th><th>grade 2</th><th>grade 3</th><th>grade 4</th></tr>
 *   <tr><td>fever*</td><td>≥ 38 °C</td><td>≥ 38 °C</td><td>≥ 38 °C</td><td>≥ 38 °C</td></tr>
 *   <tr><td colspan="5">with</td></tr>
 *   <tr><td>hypotension</td><td>none</td><td>not requiring vasopressors</td>
 *       <td>requiring a vasopressor with or without vasopressin</td>
 *       <td>requiring multiple vasopressors (excluding vasopressin)</td></tr>
 *   <tr><td colspan="5">and/or†</td></tr>
 *   <tr><td>hypoxia</td><td>none</td><td>requiring low-flow nasal cannula‡ or blow-by</td>
 *       <td>requiring high-flow nasal cannula‡, facemask, non-rebreather mask or Venturi mask</td>
 *       <td>requiring positive pressure (CPAP, BiPAP, intubation and mechanical ventilation)</td></tr>
 * </table>
 * Grade 5 is death due to CRS in which another cause is not the principal factor.
 * <br>* Temperature ≥ 38 °C not attributable to any other cause. In patients who have CRS and then receive
 * antipyretic or anti-cytokine therapy such as tocilizumab or steroids, fever is no longer required to grade
 * subsequent CRS severity; grading is then driven by hypotension and/or hypoxia.
 * <br>† The grade is that of the more severe of hypotension and hypoxia not attributable to any other cause.
 * <br>‡ Low-flow nasal cannula delivers ≤ 6 L/min, high-flow nasal cannula &gt; 6 L/min.
 * <br>Organ toxicities may be graded by CTCAE v5.0 but do not influence the CRS grade.
 *
 * <p>How this class applies the table. The findings are taken as already attributed to CRS (ruling out sepsis or
 * bleeding is the clinician's call, not the registry's). Each of hypotension and hypoxia gets the row's grade,
 * "none" counting as 1; the result is the worse of the two once the fever criterion holds:
 * <ul>
 *   <li>death due to CRS: grade 5, whatever else is recorded;</li>
 *   <li>no fever and no antipyretic or anti-cytokine therapy: grade 0, not CRS, whatever the hypotension and
 *       hypoxia (they are then attributed to another cause);</li>
 *   <li>fever, or fever masked by such therapy: grade max(1, hypotension, hypoxia). A masked fever with neither
 *       hypotension nor hypoxia is grade 1: the footnote presumes CRS and the rest of the table stays at "none".</li>
 * </ul>
 *
 * <p>Missing parameters. Nothing is guessed. The result is {@link Ungradable}, listing the unknown domains, when
 * death due to CRS is unknown (any grade could be 5), when whether the fever criterion holds is unknown (fever
 * unknown, or fever absent and therapy unknown: the grade could be 0), or when hypotension or hypoxia is unknown,
 * including a nasal cannula whose flow is not recorded. The one exception: an unknown hypotension or hypoxia can
 * only raise the grade, so a known other domain already at grade 4 gives grade 4.
 *
 * <p>References:
 * <ol>
 *   <li>Lee DW, Santomasso BD, Locke FL, Ghobadi A, Turtle CJ, Brudno JN, et al. ASTCT consensus grading for
 *       cytokine release syndrome and neurologic toxicity associated with immune effector cells. Biol Blood
 *       Marrow Transplant. 2019;25(4):625–638. doi:10.1016/j.bbmt.2018.12.758</li>
 * </ol>
 */
public final class CrsGrade {

    private static final CrsGrade DEFAULT = new CrsGrade();

    /** Highest nasal cannula flow that is still low-flow [1]. */
    private static final double LOW_FLOW_MAX_LITRES_PER_MINUTE = 6;

    private static final int HIGHEST_ORGAN_GRADE = 4;

    /** Whether fever, or fever masked by therapy, makes the assessment CRS at all. */
    private enum FeverCriterion { MET, NOT_MET, UNKNOWN }

    /** The parameters a CRS grade can rest on. */
    public enum Domain { FEVER, HYPOTENSION, HYPOXIA, DEATH }

    /** Temperature ≥ 38 °C not attributable to any other cause. */
    public enum Fever { PRESENT, ABSENT, UNKNOWN }

    /** Antipyretic or anti-cytokine therapy (tocilizumab, corticosteroids) given for CRS, which masks fever. */
    public enum FeverMaskingTherapy { GIVEN, NOT_GIVEN, UNKNOWN }

    /** Death due to CRS, no other cause being the principal factor. */
    public enum DeathDueToCrs { YES, NO, UNKNOWN }

    /**
     * How hypotension was managed. Vasopressin is counted apart because the table excludes it when counting
     * "multiple vasopressors".
     *
     * @param management                       none, fluids only, vasopressors, or unknown
     * @param vasopressorsExcludingVasopressin number of vasopressors other than vasopressin; 0 unless on vasopressors
     * @param vasopressin                      whether vasopressin was given; false unless on vasopressors
     */
    public record Hypotension(Management management, int vasopressorsExcludingVasopressin, boolean vasopressin) {

        /** Management of hypotension as recorded. */
        public enum Management { NONE, FLUIDS_ONLY, VASOPRESSORS, UNKNOWN }

        /**
         * Checks the combination.
         *
         * @throws IllegalArgumentException if vasopressors are recorded without any agent, or agents without
         *                                  vasopressors, or the count is negative
         */
        public Hypotension {
            Objects.requireNonNull(management, "management");
            if (vasopressorsExcludingVasopressin < 0) {
                throw new IllegalArgumentException(
                        "negative number of vasopressors: " + vasopressorsExcludingVasopressin);
            }
            boolean anyAgent = vasopressorsExcludingVasopressin > 0 || vasopressin;
            if ((management == Management.VASOPRESSORS) != anyAgent) {
                throw new IllegalArgumentException(management + " with " + vasopressorsExcludingVasopressin
                        + " vasopressors excluding vasopressin and vasopressin " + vasopressin);
            }
        }

        /** @return no hypotension */
        public static Hypotension none() {
            return new Hypotension(Management.NONE, 0, false);
        }

        /** @return hypotension not requiring vasopressors */
        public static Hypotension fluidsOnly() {
            return new Hypotension(Management.FLUIDS_ONLY, 0, false);
        }

        /**
         * @param excludingVasopressin number of vasopressors other than vasopressin
         * @param vasopressin          whether vasopressin was given as well
         * @return hypotension requiring vasopressors
         */
        public static Hypotension onVasopressors(int excludingVasopressin, boolean vasopressin) {
            return new Hypotension(Management.VASOPRESSORS, excludingVasopressin, vasopressin);
        }

        /** @return hypotension management not recorded */
        public static Hypotension unknown() {
            return new Hypotension(Management.UNKNOWN, 0, false);
        }
    }

    /**
     * Oxygen support for hypoxia. Only a nasal cannula needs its flow: it is low-flow up to 6 L/min and high-flow
     * above.
     *
     * @param device         the delivery device
     * @param litresPerMinute flow of a nasal cannula; empty when not recorded, always empty for other devices
     */
    public record OxygenSupport(Device device, OptionalDouble litresPerMinute) {

        /** Oxygen delivery as recorded. */
        public enum Device {
            NONE, BLOW_BY, NASAL_CANNULA, FACEMASK, NON_REBREATHER_MASK, VENTURI_MASK, CPAP, BIPAP,
            MECHANICAL_VENTILATION, UNKNOWN
        }

        /**
         * Checks the combination.
         *
         * @throws IllegalArgumentException if a flow is given for another device than a nasal cannula, or is
         *                                  negative or not finite
         */
        public OxygenSupport {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(litresPerMinute, "litresPerMinute");
            if (litresPerMinute.isPresent()) {
                double flow = litresPerMinute.getAsDouble();
                if (device != Device.NASAL_CANNULA) {
                    throw new IllegalArgumentException("a flow is graded only for a nasal cannula, not " + device);
                }
                if (!(flow >= 0) || Double.isInfinite(flow)) {
                    throw new IllegalArgumentException("invalid flow " + flow + " L/min");
                }
            }
        }

        /** @return no oxygen */
        public static OxygenSupport none() {
            return new OxygenSupport(Device.NONE, OptionalDouble.empty());
        }

        /**
         * @param litresPerMinute the flow
         * @return a nasal cannula at this flow
         */
        public static OxygenSupport nasalCannula(double litresPerMinute) {
            return new OxygenSupport(Device.NASAL_CANNULA, OptionalDouble.of(litresPerMinute));
        }

        /** @return a nasal cannula whose flow is not recorded */
        public static OxygenSupport nasalCannulaFlowUnknown() {
            return new OxygenSupport(Device.NASAL_CANNULA, OptionalDouble.empty());
        }

        /**
         * @param device any device whose grade does not depend on flow (not a nasal cannula)
         * @return oxygen by this device
         * @throws IllegalArgumentException for a nasal cannula: use {@link #nasalCannula(double)}
         */
        public static OxygenSupport by(Device device) {
            if (device == Device.NASAL_CANNULA) {
                throw new IllegalArgumentException("a nasal cannula is graded by its flow: use nasalCannula(flow)");
            }
            return new OxygenSupport(device, OptionalDouble.empty());
        }

        /** @return oxygen support not recorded */
        public static OxygenSupport unknown() {
            return new OxygenSupport(Device.UNKNOWN, OptionalDouble.empty());
        }
    }

    /**
     * The parameters of one CRS assessment as a registry records them; every one is required, unknown values are
     * stated as such.
     *
     * @param fever               temperature ≥ 38 °C
     * @param feverMaskingTherapy antipyretic or anti-cytokine therapy given
     * @param hypotension         management of hypotension
     * @param oxygen              oxygen support for hypoxia
     * @param deathDueToCrs       death due to CRS
     */
    public record Findings(Fever fever, FeverMaskingTherapy feverMaskingTherapy, Hypotension hypotension,
                           OxygenSupport oxygen, DeathDueToCrs deathDueToCrs) {

        /** Rejects null parameters: an unknown value is stated, never left out. */
        public Findings {
            Objects.requireNonNull(fever, "fever");
            Objects.requireNonNull(feverMaskingTherapy, "feverMaskingTherapy");
            Objects.requireNonNull(hypotension, "hypotension");
            Objects.requireNonNull(oxygen, "oxygen");
            Objects.requireNonNull(deathDueToCrs, "deathDueToCrs");
        }
    }

    /** A grade or the reason there is none. */
    public sealed interface Result permits Graded, Ungradable {
    }

    /**
     * A CRS grade.
     *
     * @param grade     0 (no CRS) to 5
     * @param decidedBy the domains that gave the grade, in {@link Domain} order: FEVER for grades 0 and 1, DEATH
     *                  for 5, otherwise HYPOTENSION and/or HYPOXIA (both when they tie)
     */
    public record Graded(int grade, List<Domain> decidedBy) implements Result {

        /** Copies the domains. */
        public Graded {
            decidedBy = List.copyOf(decidedBy);
        }
    }

    /**
     * No grade: the unknown parameters could change it.
     *
     * @param missing the domains not recorded, in {@link Domain} order
     * @param reason  why the known parameters do not settle the grade
     */
    public record Ungradable(List<Domain> missing, String reason) implements Result {

        /** Copies the domains. */
        public Ungradable {
            missing = List.copyOf(missing);
        }
    }

    private CrsGrade() {
    }

    /**
     * Returns the ASTCT 2019 grading; it has no options.
     *
     * @return the grading rule
     */
    public static CrsGrade withDefaults() {
        return DEFAULT;
    }

    /**
     * Grades one assessment.
     *
     * @param findings the recorded parameters
     * @return the grade with the domains that decided it, or why it cannot be given
     */
    public Result grade(Findings findings) {
        if (findings.deathDueToCrs() == DeathDueToCrs.YES) {
            return new Graded(5, List.of(Domain.DEATH));
        }
        OptionalInt hypotension = hypotensionGrade(findings.hypotension());
        OptionalInt hypoxia = hypoxiaGrade(findings.oxygen());
        FeverCriterion feverCriterion = feverCriterion(findings.fever(), findings.feverMaskingTherapy());

        List<Domain> missing = new ArrayList<>();
        if (feverCriterion == FeverCriterion.UNKNOWN) {
            missing.add(Domain.FEVER);
        }
        if (hypotension.isEmpty()) {
            missing.add(Domain.HYPOTENSION);
        }
        if (hypoxia.isEmpty()) {
            missing.add(Domain.HYPOXIA);
        }
        if (findings.deathDueToCrs() == DeathDueToCrs.UNKNOWN) {
            missing.add(Domain.DEATH);
            return new Ungradable(missing, "death due to CRS not recorded: any grade could be 5");
        }
        if (feverCriterion == FeverCriterion.NOT_MET) {
            return new Graded(0, List.of(Domain.FEVER));
        }
        if (feverCriterion == FeverCriterion.UNKNOWN) {
            return new Ungradable(missing, "fever " + findings.fever() + " with antipyretic or anti-cytokine therapy "
                    + findings.feverMaskingTherapy() + ": without fever or masking therapy there is no CRS");
        }
        if (hypotension.isPresent() && hypoxia.isPresent()) {
            return worse(hypotension.getAsInt(), hypoxia.getAsInt());
        }
        // An unknown domain can only raise the grade, and nothing is above 4 short of death.
        OptionalInt known = hypotension.isPresent() ? hypotension : hypoxia;
        if (known.isPresent() && known.getAsInt() == HIGHEST_ORGAN_GRADE) {
            Domain decidedBy = hypotension.isPresent() ? Domain.HYPOTENSION : Domain.HYPOXIA;
            return new Graded(HIGHEST_ORGAN_GRADE, List.of(decidedBy));
        }
        return new Ungradable(missing, "not recorded: " + missing
                + (known.isPresent() ? "; the recorded domain reaches grade " + known.getAsInt() + " only" : ""));
    }

    private static FeverCriterion feverCriterion(Fever fever, FeverMaskingTherapy therapy) {
        if (fever == Fever.PRESENT || therapy == FeverMaskingTherapy.GIVEN) {
            return FeverCriterion.MET;
        }
        if (fever == Fever.ABSENT && therapy == FeverMaskingTherapy.NOT_GIVEN) {
            return FeverCriterion.NOT_MET;
        }
        return FeverCriterion.UNKNOWN;
    }

    private static OptionalInt hypotensionGrade(Hypotension hypotension) {
        return switch (hypotension.management()) {
            case NONE -> OptionalInt.of(1);
            case FLUIDS_ONLY -> OptionalInt.of(2);
            // Vasopressin never makes "multiple": one vasopressor with or without vasopressin is grade 3.
            case VASOPRESSORS -> OptionalInt.of(hypotension.vasopressorsExcludingVasopressin() >= 2 ? 4 : 3);
            case UNKNOWN -> OptionalInt.empty();
        };
    }

    private static OptionalInt hypoxiaGrade(OxygenSupport oxygen) {
        return switch (oxygen.device()) {
            case NONE -> OptionalInt.of(1);
            case BLOW_BY -> OptionalInt.of(2);
            case NASAL_CANNULA -> oxygen.litresPerMinute().isPresent()
                    ? OptionalInt.of(oxygen.litresPerMinute().getAsDouble() <= LOW_FLOW_MAX_LITRES_PER_MINUTE ? 2 : 3)
                    : OptionalInt.empty();
            case FACEMASK, NON_REBREATHER_MASK, VENTURI_MASK -> OptionalInt.of(3);
            case CPAP, BIPAP, MECHANICAL_VENTILATION -> OptionalInt.of(4);
            case UNKNOWN -> OptionalInt.empty();
        };
    }

    private static Graded worse(int hypotension, int hypoxia) {
        int grade = Math.max(hypotension, hypoxia);
        if (grade == 1) {
            return new Graded(1, List.of(Domain.FEVER));
        }
        List<Domain> decidedBy = new ArrayList<>();
        if (hypotension == grade) {
            decidedBy.add(Domain.HYPOTENSION);
        }
        if (hypoxia == grade) {
            decidedBy.add(Domain.HYPOXIA);
        }
        return new Graded(grade, decidedBy);
    }
}
