package org.iago.grading.harmonize;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.iago.grading.CrsGrade;
import org.iago.grading.CrsGrade.DeathDueToCrs;
import org.iago.grading.CrsGrade.Fever;
import org.iago.grading.CrsGrade.FeverMaskingTherapy;
import org.iago.grading.CrsGrade.Hypotension;
import org.iago.grading.CrsGrade.OxygenSupport;
import org.iago.grading.IcahtGrade;
import org.iago.grading.IcahtGrade.AncMeasurement;
import org.iago.grading.IcansGrade;
import org.iago.grading.IcansGrade.Consciousness;
import org.iago.grading.IcansGrade.Ice;
import org.iago.grading.IcansGrade.MotorFindings;
import org.iago.grading.IcansGrade.RaisedIcp;
import org.iago.grading.IcansGrade.Seizure;

/**
 * Re-grades registry toxicity episodes from their raw parameters with the consensus rules of
 * {@link org.iago.grading}, whatever system the registry graded them by, so that grades from different centres and
 * systems can be compared: CRS and ICANS by ASTCT ({@link CrsGrade}, {@link IcansGrade}) from the episode's row of
 * {@code toxicities}, early and late ICAHT by EHA/EBMT ({@link IcahtGrade}) from the patient's {@code labs}.
 *
 * <p>The registry codes map onto the grading rules' findings as follows; an empty field (null) is always the rule's
 * "unknown", never a normal value, and a code outside the lists of {@code docs/registry-format.md} is rejected
 * (ingestion validates codes, so one here is a bug).
 *
 * <table>
 *   <caption>CRS ({@link #crsFindings})</caption>
 *   <tr><th>registry</th><th>{@link CrsGrade.Findings}</th><th>why</th></tr>
 *   <tr><td>max_temp_c ≥ 38.0</td><td>fever PRESENT</td><td>ASTCT: temperature ≥ 38 °C; the episode maximum
 *       reaches it at least once</td></tr>
 *   <tr><td>max_temp_c &lt; 38.0 (37.9)</td><td>fever ABSENT</td><td>the maximum never reached 38 °C</td></tr>
 *   <tr><td>max_temp_c empty</td><td>fever UNKNOWN</td><td></td></tr>
 *   <tr><td>(not in the row)</td><td>fever-masking therapy GIVEN if tocilizumab or steroids started by the onset,
 *       else UNKNOWN</td><td>the caller's flag, see {@link #crs}. "Not given" is never concluded: antipyretics are
 *       not recorded and a missing management row is not evidence of no treatment. So an afebrile episode is
 *       ungradable (ASTCT's grade 0, "not CRS", cannot be told from masked fever) unless tocilizumab or steroids
 *       preceded it; a febrile one is unaffected</td></tr>
 *   <tr><td>hypotension NONE</td><td>{@link Hypotension#none()}</td><td>grade 1 domain</td></tr>
 *   <tr><td>FLUIDS</td><td>{@link Hypotension#fluidsOnly()}</td><td>not requiring vasopressors: grade 2</td></tr>
 *   <tr><td>ONE_VASOPRESSOR</td><td>{@code onVasopressors(1, false)}</td><td>one vasopressor with or without
 *       vasopressin is grade 3 either way</td></tr>
 *   <tr><td>MULTIPLE_VASOPRESSORS</td><td>{@code onVasopressors(2, false)}</td><td>grade 4; the code is taken to
 *       count vasopressors as ASTCT does, vasopressin excluded (the row cannot say otherwise)</td></tr>
 *   <tr><td>hypotension empty</td><td>{@link Hypotension#unknown()}</td><td></td></tr>
 *   <tr><td>oxygen NONE</td><td>{@link OxygenSupport#none()}</td><td>grade 1 domain</td></tr>
 *   <tr><td>LOW_FLOW</td><td>BLOW_BY</td><td>the code is low-flow nasal cannula (≤ 6 L/min) or blow-by, both
 *       grade 2; blow-by stands for the class because no flow is recorded to put on a cannula</td></tr>
 *   <tr><td>HIGH_FLOW</td><td>FACEMASK</td><td>high-flow cannula (&gt; 6 L/min), facemask, non-rebreather or
 *       Venturi mask, all grade 3; the facemask stands for the class</td></tr>
 *   <tr><td>POSITIVE_PRESSURE</td><td>CPAP</td><td>CPAP, BiPAP or mechanical ventilation, all grade 4</td></tr>
 *   <tr><td>oxygen empty</td><td>{@link OxygenSupport#unknown()}</td><td></td></tr>
 *   <tr><td>(outcomes row)</td><td>death due to CRS: UNKNOWN without an outcome row; NO when alive at last
 *       follow-up or when the episode resolved before the death; else YES if death_cause is CRS, NO for another
 *       cause, UNKNOWN when the cause is empty</td><td>grade 5 is death due to CRS; a death after the episode
 *       resolved belongs to another episode or cause</td></tr>
 * </table>
 *
 * <table>
 *   <caption>ICANS ({@link #icansFindings})</caption>
 *   <tr><th>registry</th><th>{@link IcansGrade.Findings}</th><th>why</th></tr>
 *   <tr><td>ice_score 0–10</td><td>{@code Ice.score(n)}</td><td>10 normal, 7–9 grade 1, 3–6 grade 2, 0–2 grade
 *       3</td></tr>
 *   <tr><td>ice_score empty, consciousness UNAROUSABLE</td><td>{@link Ice#unarousable()}</td><td>ASTCT's
 *       "0, patient unarousable and unable to perform ICE", grade 4</td></tr>
 *   <tr><td>ice_score empty otherwise</td><td>{@link Ice#notAssessed()}</td><td>not done for another reason or not
 *       recorded: unknown, not 0</td></tr>
 *   <tr><td>consciousness NORMAL / AWAKENS_SPONTANEOUSLY / TO_VOICE / TO_TOUCH / UNAROUSABLE / empty</td>
 *       <td>NOT_DEPRESSED / AWAKENS_SPONTANEOUSLY / AWAKENS_TO_VOICE / AWAKENS_ONLY_TO_TACTILE_STIMULUS /
 *       UNAROUSABLE_STUPOR_OR_COMA / UNKNOWN</td><td>grades 0 / 1 / 2 / 3 / 4</td></tr>
 *   <tr><td>seizure NONE / RESOLVING / PROLONGED / empty</td><td>NONE / RESOLVING_RAPIDLY /
 *       PROLONGED_OR_REPETITIVE / UNKNOWN</td><td>grades 0 / 3 / 4</td></tr>
 *   <tr><td>motor_weakness N / Y / empty</td><td>NONE / DEEP_FOCAL_WEAKNESS / UNKNOWN</td><td>Y is taken as ASTCT's
 *       deep focal weakness (hemiparesis, paraparesis), grade 4; tremor and myoclonus are not motor findings</td></tr>
 *   <tr><td>cerebral_oedema NONE / FOCAL / DIFFUSE / empty</td><td>NONE / FOCAL_OEDEMA / DIFFUSE_OEDEMA_OR_SIGNS /
 *       UNKNOWN</td><td>grades 0 / 3 / 4</td></tr>
 *   <tr><td>patients.age_years</td><td>age</td><td>age at infusion stands for age at the assessment (ICANS comes
 *       within weeks); under 12 the CAPD is needed and the episode is ungradable, as it is when the age is
 *       empty</td></tr>
 * </table>
 * ASTCT ICANS grade 5 (death) is not derived: {@link IcansGrade} grades the adult table, which stops at 4, so an
 * episode a registry recorded as grade 5 can at most agree on 4.
 *
 * <p>ICAHT ({@link #icaht(List, int)}): the patient's ANC counts (labs rows with an {@code anc_per_ul}) up to the
 * end of follow-up, which is the earliest of death, last follow-up, relapse or progression, and the next line of
 * therapy. Early ICAHT uses the counts up to that day, so that the last of them is Rejeski's "last laboratory
 * value"; late ICAHT uses days 31 to the earliest of that day and day 100. An ICAHT_EARLY or ICAHT_LATE row of
 * {@code toxicities} is then compared with the matching derived grade ({@link #icaht(RegistryToxicity, IcahtGrades)}).
 *
 * <p>Ungradable episodes carry the grading rule's reason. Immutable and thread-safe.
 */
public final class RegistryGrading {

    private static final RegistryGrading DEFAULT = new RegistryGrading();

    /** ASTCT fever threshold, °C. */
    private static final double FEVER_CELSIUS = 38.0;

    private static final int LATE_ICAHT_LAST_DAY = 100;

    private final CrsGrade crsGrade = CrsGrade.withDefaults();
    private final IcansGrade icansGrade = IcansGrade.withDefaults();
    private final IcahtGrade icahtGrade = IcahtGrade.withDefaults();

    /**
     * A patient's early and late ICAHT grades derived from the ANC series.
     *
     * @param early days 0–30
     * @param late  day 31 to the end of the late window
     */
    public record IcahtGrades(DerivedGrade early, DerivedGrade late) {
    }

    private RegistryGrading() {
    }

    /**
     * Returns the harmonization with the consensus rules; it has no options.
     *
     * @return the harmonization
     */
    public static RegistryGrading withDefaults() {
        return DEFAULT;
    }

    /**
     * Re-grades a CRS episode by ASTCT.
     *
     * @param toxicity                      the episode, category CRS
     * @param outcome                       the patient's outcome row; null when there is none
     * @param tocilizumabOrSteroidsByOnset  whether the patient's {@code management} rows have a TOCILIZUMAB or
     *                                      STEROIDS period starting on or before the episode's onset date
     *                                      (prophylaxis or treatment of an earlier episode), which may mask fever
     * @return the recorded and derived grades
     * @throws IllegalArgumentException if the category is not CRS or a code is not a registry code
     */
    public HarmonizedEpisode crs(RegistryToxicity toxicity, RegistryOutcome outcome,
                                 boolean tocilizumabOrSteroidsByOnset) {
        requireCategory(toxicity, GradedToxicity.CRS);
        CrsGrade.Result result = crsGrade.grade(crsFindings(toxicity, outcome, tocilizumabOrSteroidsByOnset));
        DerivedGrade derived = result instanceof CrsGrade.Graded g
                ? new DerivedGrade.Graded(g.grade(), join(g.decidedBy()))
                : new DerivedGrade.Ungradable(((CrsGrade.Ungradable) result).reason());
        return episode(toxicity, GradedToxicity.CRS, derived);
    }

    /**
     * Re-grades an ICANS episode by ASTCT (adult table).
     *
     * @param toxicity the episode, category ICANS
     * @param ageYears the patient's {@code age_years} at infusion; null when not recorded
     * @return the recorded and derived grades
     * @throws IllegalArgumentException if the category is not ICANS, a code is not a registry code or the ICE score
     *                                  is outside 0–10
     */
    public HarmonizedEpisode icans(RegistryToxicity toxicity, Integer ageYears) {
        requireCategory(toxicity, GradedToxicity.ICANS);
        if (ageYears == null) {
            return episode(toxicity, GradedToxicity.ICANS, new DerivedGrade.Ungradable(
                    "age not recorded: the ICE score (age 12 or more) or the CAPD (under 12) cannot be chosen"));
        }
        IcansGrade.Result result = icansGrade.grade(icansFindings(toxicity, ageYears));
        DerivedGrade derived;
        if (result instanceof IcansGrade.Graded g) {
            derived = new DerivedGrade.Graded(g.grade(),
                    g.decidedBy().isEmpty() ? "ALL_DOMAINS_NORMAL" : join(g.decidedBy()));
        } else if (result instanceof IcansGrade.Ungradable u) {
            derived = new DerivedGrade.Ungradable(u.reason());
        } else {
            derived = new DerivedGrade.Ungradable(((IcansGrade.CapdRequired) result).reason());
        }
        return episode(toxicity, GradedToxicity.ICANS, derived);
    }

    /**
     * Grades a patient's early and late ICAHT by EHA/EBMT.
     *
     * @param anc            the patient's counts, in any order
     * @param followUpEndDay day after infusion of the earliest of death, last follow-up, relapse or progression, and
     *                       next line of therapy
     * @return both grades
     * @throws IllegalArgumentException if followUpEndDay is negative
     */
    public IcahtGrades icaht(List<AncMeasurement> anc, int followUpEndDay) {
        if (followUpEndDay < 0) {
            throw new IllegalArgumentException("follow-up cannot end before the infusion: day " + followUpEndDay);
        }
        List<AncMeasurement> followed = anc.stream().filter(m -> m.day() <= followUpEndDay).toList();
        IcahtGrade.EarlyResult earlyResult = icahtGrade.early(followed);
        DerivedGrade early = earlyResult instanceof IcahtGrade.EarlyGraded g
                ? new DerivedGrade.Graded(g.grade(), g.decidedBy().name())
                : new DerivedGrade.Ungradable(((IcahtGrade.Ungradable) earlyResult).reason());
        IcahtGrade.LateResult lateResult = icahtGrade.late(followed, Math.min(followUpEndDay, LATE_ICAHT_LAST_DAY));
        DerivedGrade late = lateResult instanceof IcahtGrade.LateGraded g
                ? new DerivedGrade.Graded(g.grade(), "SECOND_LOWEST_ANC")
                : new DerivedGrade.Ungradable(((IcahtGrade.Ungradable) lateResult).reason());
        return new IcahtGrades(early, late);
    }

    /**
     * Pairs a recorded ICAHT grade with the patient's derived one.
     *
     * @param toxicity the episode, category ICAHT_EARLY or ICAHT_LATE
     * @param derived  the patient's grades from {@link #icaht(List, int)}
     * @return the recorded grade with the derived grade of the same window
     * @throws IllegalArgumentException if the category is neither ICAHT_EARLY nor ICAHT_LATE
     */
    public HarmonizedEpisode icaht(RegistryToxicity toxicity, IcahtGrades derived) {
        GradedToxicity toxicityCategory = GradedToxicity.of(toxicity.category())
                .filter(t -> t == GradedToxicity.ICAHT_EARLY || t == GradedToxicity.ICAHT_LATE)
                .orElseThrow(() -> new IllegalArgumentException(
                        "expected category ICAHT_EARLY or ICAHT_LATE, not " + toxicity.category()));
        return episode(toxicity, toxicityCategory,
                toxicityCategory == GradedToxicity.ICAHT_EARLY ? derived.early() : derived.late());
    }

    /**
     * Maps a CRS row onto the ASTCT findings (see the class table).
     *
     * @param toxicity                     the episode
     * @param outcome                      the patient's outcome row; null when there is none
     * @param tocilizumabOrSteroidsByOnset see {@link #crs}
     * @return the findings
     * @throws IllegalArgumentException if a code is not a registry code
     */
    public static CrsGrade.Findings crsFindings(RegistryToxicity toxicity, RegistryOutcome outcome,
                                                boolean tocilizumabOrSteroidsByOnset) {
        Double temperature = toxicity.maxTempC();
        Fever fever = temperature == null ? Fever.UNKNOWN
                : temperature >= FEVER_CELSIUS ? Fever.PRESENT : Fever.ABSENT;
        FeverMaskingTherapy therapy = tocilizumabOrSteroidsByOnset
                ? FeverMaskingTherapy.GIVEN : FeverMaskingTherapy.UNKNOWN;
        Hypotension hypotension = toxicity.hypotension() == null ? Hypotension.unknown()
                : switch (toxicity.hypotension()) {
                    case "NONE" -> Hypotension.none();
                    case "FLUIDS" -> Hypotension.fluidsOnly();
                    case "ONE_VASOPRESSOR" -> Hypotension.onVasopressors(1, false);
                    case "MULTIPLE_VASOPRESSORS" -> Hypotension.onVasopressors(2, false);
                    default -> throw unknownCode("hypotension", toxicity.hypotension());
                };
        OxygenSupport oxygen = toxicity.oxygen() == null ? OxygenSupport.unknown()
                : switch (toxicity.oxygen()) {
                    case "NONE" -> OxygenSupport.none();
                    case "LOW_FLOW" -> OxygenSupport.by(OxygenSupport.Device.BLOW_BY);
                    case "HIGH_FLOW" -> OxygenSupport.by(OxygenSupport.Device.FACEMASK);
                    case "POSITIVE_PRESSURE" -> OxygenSupport.by(OxygenSupport.Device.CPAP);
                    default -> throw unknownCode("oxygen", toxicity.oxygen());
                };
        return new CrsGrade.Findings(fever, therapy, hypotension, oxygen, deathDueToCrs(toxicity, outcome));
    }

    /**
     * Maps an ICANS row onto the ASTCT findings (see the class table).
     *
     * @param toxicity the episode
     * @param ageYears the patient's age at infusion
     * @return the findings
     * @throws IllegalArgumentException if a code is not a registry code, the ICE score is outside 0–10 or the age
     *                                  is negative
     */
    public static IcansGrade.Findings icansFindings(RegistryToxicity toxicity, int ageYears) {
        Ice ice = toxicity.iceScore() != null ? Ice.score(toxicity.iceScore())
                : "UNAROUSABLE".equals(toxicity.consciousness()) ? Ice.unarousable() : Ice.notAssessed();
        Consciousness consciousness = toxicity.consciousness() == null ? Consciousness.UNKNOWN
                : switch (toxicity.consciousness()) {
                    case "NORMAL" -> Consciousness.NOT_DEPRESSED;
                    case "AWAKENS_SPONTANEOUSLY" -> Consciousness.AWAKENS_SPONTANEOUSLY;
                    case "TO_VOICE" -> Consciousness.AWAKENS_TO_VOICE;
                    case "TO_TOUCH" -> Consciousness.AWAKENS_ONLY_TO_TACTILE_STIMULUS;
                    case "UNAROUSABLE" -> Consciousness.UNAROUSABLE_STUPOR_OR_COMA;
                    default -> throw unknownCode("consciousness", toxicity.consciousness());
                };
        Seizure seizure = toxicity.seizure() == null ? Seizure.UNKNOWN
                : switch (toxicity.seizure()) {
                    case "NONE" -> Seizure.NONE;
                    case "RESOLVING" -> Seizure.RESOLVING_RAPIDLY;
                    case "PROLONGED" -> Seizure.PROLONGED_OR_REPETITIVE;
                    default -> throw unknownCode("seizure", toxicity.seizure());
                };
        MotorFindings motor = toxicity.motorWeakness() == null ? MotorFindings.UNKNOWN
                : switch (toxicity.motorWeakness()) {
                    case "N" -> MotorFindings.NONE;
                    case "Y" -> MotorFindings.DEEP_FOCAL_WEAKNESS;
                    default -> throw unknownCode("motor_weakness", toxicity.motorWeakness());
                };
        RaisedIcp raisedIcp = toxicity.cerebralOedema() == null ? RaisedIcp.UNKNOWN
                : switch (toxicity.cerebralOedema()) {
                    case "NONE" -> RaisedIcp.NONE;
                    case "FOCAL" -> RaisedIcp.FOCAL_OEDEMA;
                    case "DIFFUSE" -> RaisedIcp.DIFFUSE_OEDEMA_OR_SIGNS;
                    default -> throw unknownCode("cerebral_oedema", toxicity.cerebralOedema());
                };
        return new IcansGrade.Findings(ageYears, ice, consciousness, seizure, motor, raisedIcp);
    }

    private static DeathDueToCrs deathDueToCrs(RegistryToxicity toxicity, RegistryOutcome outcome) {
        if (outcome == null) {
            return DeathDueToCrs.UNKNOWN;
        }
        if (outcome.deathDate() == null) {
            return DeathDueToCrs.NO;
        }
        if (toxicity.resolutionDate() != null && outcome.deathDate().isAfter(toxicity.resolutionDate())) {
            return DeathDueToCrs.NO;
        }
        if (outcome.deathCause() == null) {
            return DeathDueToCrs.UNKNOWN;
        }
        return "CRS".equals(outcome.deathCause()) ? DeathDueToCrs.YES : DeathDueToCrs.NO;
    }

    private static HarmonizedEpisode episode(RegistryToxicity toxicity, GradedToxicity category,
                                             DerivedGrade derived) {
        OptionalInt recorded = toxicity.grade() == null ? OptionalInt.empty() : OptionalInt.of(toxicity.grade());
        return new HarmonizedEpisode(category, recorded, Optional.ofNullable(toxicity.gradingSystem()), derived);
    }

    private static void requireCategory(RegistryToxicity toxicity, GradedToxicity expected) {
        if (!expected.name().equals(toxicity.category())) {
            throw new IllegalArgumentException("expected category " + expected + ", not " + toxicity.category());
        }
    }

    private static String join(List<? extends Enum<?>> domains) {
        return domains.stream().map(Enum::name).collect(Collectors.joining("+"));
    }

    private static IllegalArgumentException unknownCode(String column, String code) {
        return new IllegalArgumentException(column + ": not a registry code: '" + code + "'");
    }
}
