package org.iago.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * ASTCT consensus grade of immune effector cell-associated neurotoxicity syndrome (ICANS) in adults and children
 * aged 12 or more, from one assessment (Lee et al. 2019 [1]).
 *
 * <table>
 *   <caption>ASTCT ICANS grading for adults [1]</caption>
 *   <tr><th>domain</th><th>grade 1</th><th>grade 2</th><th>grade 3</th><th>grade 4</th></tr>
 *   <tr><td>ICE score*</td><td>7–9</td><td>3–6</td><td>0–2</td>
 *       <td>0 (patient is unarousable and unable to perform ICE)</td></tr>
 *   <tr><td>depressed level of consciousness†</td><td>awakens spontaneously</td><td>awakens to voice</td>
 *       <td>awakens only to tactile stimulus</td>
 *       <td>unarousable or requires vigorous or repetitive tactile stimuli to arouse; stupor or coma</td></tr>
 *   <tr><td>seizure</td><td>N/A</td><td>N/A</td>
 *       <td>any clinical seizure, focal or generalized, that resolves rapidly, or non-convulsive seizures on EEG
 *           that resolve with intervention</td>
 *       <td>life-threatening prolonged seizure (&gt; 5 min), or repetitive clinical or electrical seizures without
 *           return to baseline in between</td></tr>
 *   <tr><td>motor findings‡</td><td>N/A</td><td>N/A</td><td>N/A</td>
 *       <td>deep focal motor weakness such as hemiparesis or paraparesis</td></tr>
 *   <tr><td>raised ICP / cerebral oedema§</td><td>N/A</td><td>N/A</td><td>focal/local oedema on neuroimaging</td>
 *       <td>diffuse cerebral oedema on neuroimaging; decerebrate or decorticate posturing; cranial nerve VI palsy;
 *           papilloedema; or Cushing's triad</td></tr>
 * </table>
 * The grade is that of the most severe domain not attributable to any other cause; for example an ICE score of 3
 * with a generalized seizure is grade 3.
 * <br>* Immune effector cell-associated encephalopathy score, 10 points: orientation to year, month, city and
 * hospital (4); naming three objects (3); following simple commands (1); writing a standard sentence (1); counting
 * backwards from 100 by 10 (1). An ICE score of 0 is grade 3 when the patient is awake with global aphasia and
 * grade 4 when unarousable.
 * <br>† Attributable to no other cause (for example no sedating medication).
 * <br>‡ Tremor and myoclonus may be graded by CTCAE v5.0 but do not influence the ICANS grade.
 * <br>§ Intracranial haemorrhage with or without oedema is not a neurotoxicity feature and is excluded.
 *
 * <p>How this class applies the table. Each domain gets the grade of its column, a normal domain (ICE score 10,
 * consciousness not depressed, no seizure, no motor finding, no oedema) grade 0; the result is the highest. The
 * findings are taken as already attributed to ICANS. Children younger than 12 are graded with the Cornell Assessment
 * of Pediatric Delirium (CAPD) [1, 2] instead of the ICE score, which this class does not implement: they get
 * {@link CapdRequired}. Patients aged 12 or more with a baseline developmental delay are also graded with the CAPD
 * [1]; the caller must not pass them here, because the findings do not say so. Grade 5 (death due to ICANS) is not
 * part of the adult table and is not given.
 *
 * <p>Missing domains. Nothing is guessed: an unknown domain could raise the grade, so the result is
 * {@link Ungradable} unless a known domain already reaches grade 4. An ICE assessment not done for another reason
 * than the patient being unarousable (intubated, sedated, not recorded) is unknown, not grade 4.
 *
 * <p>References:
 * <ol>
 *   <li>Lee DW, Santomasso BD, Locke FL, Ghobadi A, Turtle CJ, Brudno JN, et al. ASTCT consensus grading for
 *       cytokine release syndrome and neurologic toxicity associated with immune effector cells. Biol Blood
 *       Marrow Transplant. 2019;25(4):625–638. doi:10.1016/j.bbmt.2018.12.758</li>
 *   <li>Traube C, Silver G, Kearney J, Patel A, Atkinson TM, Yoon MJ, et al. Cornell Assessment of Pediatric
 *       Delirium: a valid, rapid, observational tool for screening delirium in the PICU. Crit Care Med.
 *       2014;42(3):656–663. doi:10.1097/CCM.0b013e3182a66b76</li>
 * </ol>
 */
public final class IcansGrade {

    private static final IcansGrade DEFAULT = new IcansGrade();

    /** Youngest age graded with the ICE score; younger children are graded with the CAPD [1]. */
    private static final int ICE_MIN_AGE_YEARS = 12;

    private static final int HIGHEST_GRADE = 4;

    /** The five neurotoxicity domains of the table. */
    public enum Domain { ICE_SCORE, CONSCIOUSNESS, SEIZURE, MOTOR_FINDINGS, RAISED_ICP_OR_CEREBRAL_OEDEMA }

    /** The ICE assessment: a score, an unarousable patient, or not assessed. */
    public sealed interface Ice permits Ice.Score, Ice.Unarousable, Ice.NotAssessed {

        /**
         * An ICE score.
         *
         * @param points 0 to 10, 10 being normal
         */
        record Score(int points) implements Ice {

            /**
             * Checks the range.
             *
             * @throws IllegalArgumentException if points is outside 0–10
             */
            public Score {
                if (points < 0 || points > 10) {
                    throw new IllegalArgumentException("ICE score must be 0 to 10, was " + points);
                }
            }
        }

        /** The patient is unarousable and unable to perform the ICE assessment. */
        record Unarousable() implements Ice {
        }

        /** The ICE assessment was not done for another reason, or not recorded. */
        record NotAssessed() implements Ice {
        }

        /**
         * @param points 0 to 10
         * @return an ICE score
         */
        static Ice score(int points) {
            return new Score(points);
        }

        /** @return an unarousable patient, unable to perform ICE */
        static Ice unarousable() {
            return new Unarousable();
        }

        /** @return no ICE score recorded */
        static Ice notAssessed() {
            return new NotAssessed();
        }
    }

    /** Depressed level of consciousness, not attributable to any other cause. */
    public enum Consciousness {
        NOT_DEPRESSED, AWAKENS_SPONTANEOUSLY, AWAKENS_TO_VOICE, AWAKENS_ONLY_TO_TACTILE_STIMULUS,
        /** Unarousable or requires vigorous or repetitive tactile stimuli to arouse; stupor or coma. */
        UNAROUSABLE_STUPOR_OR_COMA,
        UNKNOWN
    }

    /** Seizures. */
    public enum Seizure {
        NONE,
        /**
         * Any clinical seizure, focal or generalized, resolving rapidly, or non-convulsive seizures on EEG resolving
         * with intervention.
         */
        RESOLVING_RAPIDLY,
        /** Life-threatening prolonged seizure (&gt; 5 min), or repetitive seizures without return to baseline. */
        PROLONGED_OR_REPETITIVE,
        UNKNOWN
    }

    /** Motor findings; tremor and myoclonus do not count. */
    public enum MotorFindings {
        NONE,
        /** Deep focal motor weakness such as hemiparesis or paraparesis. */
        DEEP_FOCAL_WEAKNESS,
        UNKNOWN
    }

    /** Raised intracranial pressure or cerebral oedema; intracranial haemorrhage does not count. */
    public enum RaisedIcp {
        NONE,
        /** Focal or local oedema on neuroimaging. */
        FOCAL_OEDEMA,
        /**
         * Diffuse cerebral oedema on neuroimaging, decerebrate or decorticate posturing, CN VI palsy, papilloedema or
         * Cushing's triad.
         */
        DIFFUSE_OEDEMA_OR_SIGNS,
        UNKNOWN
    }

    /**
     * One ICANS assessment as a registry records it; every field is required, unknown values are stated as such.
     *
     * @param ageInYears    age at the assessment, which decides between ICE and CAPD
     * @param ice           the ICE assessment
     * @param consciousness depressed level of consciousness
     * @param seizure       seizures
     * @param motor         motor findings
     * @param raisedIcp     raised intracranial pressure or cerebral oedema
     */
    public record Findings(int ageInYears, Ice ice, Consciousness consciousness, Seizure seizure, MotorFindings motor,
                           RaisedIcp raisedIcp) {

        /**
         * Checks the fields.
         *
         * @throws IllegalArgumentException if the age is negative
         * @throws NullPointerException     if a field is null: an unknown value is stated, never left out
         */
        public Findings {
            if (ageInYears < 0) {
                throw new IllegalArgumentException("negative age " + ageInYears);
            }
            Objects.requireNonNull(ice, "ice");
            Objects.requireNonNull(consciousness, "consciousness");
            Objects.requireNonNull(seizure, "seizure");
            Objects.requireNonNull(motor, "motor");
            Objects.requireNonNull(raisedIcp, "raisedIcp");
        }
    }

    /** A grade, the reason there is none, or a child who needs the CAPD. */
    public sealed interface Result permits Graded, Ungradable, CapdRequired {
    }

    /**
     * An ICANS grade.
     *
     * @param grade     0 to 4
     * @param decidedBy the domains at that grade, in {@link Domain} order; empty for grade 0
     */
    public record Graded(int grade, List<Domain> decidedBy) implements Result {

        /** Copies the domains. */
        public Graded {
            decidedBy = List.copyOf(decidedBy);
        }
    }

    /**
     * No grade: the unknown domains could change it.
     *
     * @param missing the domains not recorded, in {@link Domain} order
     * @param reason  why the known domains do not settle the grade
     */
    public record Ungradable(List<Domain> missing, String reason) implements Result {

        /** Copies the domains. */
        public Ungradable {
            missing = List.copyOf(missing);
        }
    }

    /**
     * Not graded: not for children &lt; 12 (CAPD). ASTCT grades them with the Cornell Assessment of Pediatric
     * Delirium instead of the ICE score.
     *
     * @param ageInYears the child's age
     */
    public record CapdRequired(int ageInYears) implements Result {

        /** @return the reason, for reports */
        public String reason() {
            return "not for children < 12 (CAPD): age " + ageInYears;
        }
    }

    private IcansGrade() {
    }

    /**
     * Returns the ASTCT 2019 adult grading; it has no options.
     *
     * @return the grading rule
     */
    public static IcansGrade withDefaults() {
        return DEFAULT;
    }

    /**
     * Grades one assessment.
     *
     * @param findings the recorded domains
     * @return the grade with the domains that decided it, why it cannot be given, or that the CAPD is needed
     */
    public Result grade(Findings findings) {
        if (findings.ageInYears() < ICE_MIN_AGE_YEARS) {
            return new CapdRequired(findings.ageInYears());
        }
        OptionalInt[] grades = {
                iceGrade(findings.ice()),
                consciousnessGrade(findings.consciousness()),
                seizureGrade(findings.seizure()),
                motorGrade(findings.motor()),
                raisedIcpGrade(findings.raisedIcp()),
        };
        Domain[] domains = Domain.values();
        int highest = 0;
        List<Domain> missing = new ArrayList<>();
        for (int i = 0; i < domains.length; i++) {
            if (grades[i].isEmpty()) {
                missing.add(domains[i]);
            } else {
                highest = Math.max(highest, grades[i].getAsInt());
            }
        }
        // An unknown domain can only raise the grade; nothing is above 4.
        if (!missing.isEmpty() && highest < HIGHEST_GRADE) {
            return new Ungradable(missing, "not recorded: " + missing + "; the recorded domains reach grade "
                    + highest + " only");
        }
        List<Domain> decidedBy = new ArrayList<>();
        for (int i = 0; i < domains.length; i++) {
            if (highest > 0 && grades[i].isPresent() && grades[i].getAsInt() == highest) {
                decidedBy.add(domains[i]);
            }
        }
        return new Graded(highest, decidedBy);
    }

    private static OptionalInt iceGrade(Ice ice) {
        if (ice instanceof Ice.Score score) {
            int points = score.points();
            if (points == 10) {
                return OptionalInt.of(0);
            }
            if (points >= 7) {
                return OptionalInt.of(1);
            }
            return OptionalInt.of(points >= 3 ? 2 : 3);
        }
        return ice instanceof Ice.Unarousable ? OptionalInt.of(4) : OptionalInt.empty();
    }

    private static OptionalInt consciousnessGrade(Consciousness consciousness) {
        return switch (consciousness) {
            case NOT_DEPRESSED -> OptionalInt.of(0);
            case AWAKENS_SPONTANEOUSLY -> OptionalInt.of(1);
            case AWAKENS_TO_VOICE -> OptionalInt.of(2);
            case AWAKENS_ONLY_TO_TACTILE_STIMULUS -> OptionalInt.of(3);
            case UNAROUSABLE_STUPOR_OR_COMA -> OptionalInt.of(4);
            case UNKNOWN -> OptionalInt.empty();
        };
    }

    private static OptionalInt seizureGrade(Seizure seizure) {
        return switch (seizure) {
            case NONE -> OptionalInt.of(0);
            case RESOLVING_RAPIDLY -> OptionalInt.of(3);
            case PROLONGED_OR_REPETITIVE -> OptionalInt.of(4);
            case UNKNOWN -> OptionalInt.empty();
        };
    }

    private static OptionalInt motorGrade(MotorFindings motor) {
        return switch (motor) {
            case NONE -> OptionalInt.of(0);
            case DEEP_FOCAL_WEAKNESS -> OptionalInt.of(4);
            case UNKNOWN -> OptionalInt.empty();
        };
    }

    private static OptionalInt raisedIcpGrade(RaisedIcp raisedIcp) {
        return switch (raisedIcp) {
            case NONE -> OptionalInt.of(0);
            case FOCAL_OEDEMA -> OptionalInt.of(3);
            case DIFFUSE_OEDEMA_OR_SIGNS -> OptionalInt.of(4);
            case UNKNOWN -> OptionalInt.empty();
        };
    }
}
