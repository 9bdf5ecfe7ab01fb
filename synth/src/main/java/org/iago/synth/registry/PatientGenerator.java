package org.iago.synth.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.iago.synth.registry.PatientRecord.Episode;
import org.iago.synth.registry.PatientRecord.Infection;
import org.iago.synth.registry.PatientRecord.Lab;
import org.iago.synth.registry.PatientRecord.Neoplasm;
import org.iago.synth.registry.PatientRecord.Outcome;
import org.iago.synth.registry.PatientRecord.Treatment;

/**
 * Draws one patient from a random stream of its own (keyed by seed and patient number), so patients are
 * independent and an extract of n patients is the first n patients of any larger one. The order is the clinical
 * one: infusion, early toxicities, latent relapse, neoplasms and deaths, then follow-up end, then only what was
 * observed by then: counts, ICAHT, treatments and infections.
 */
final class PatientGenerator {

    static final LocalDate INFUSION_FROM = LocalDate.of(2018, 1, 1);
    static final LocalDate INFUSION_TO = LocalDate.of(2025, 6, 30);
    static final LocalDate CUT_OFF = LocalDate.of(2025, 12, 31);
    /** Infusions per day grow linearly, ending at 1 + this times the rate at the start. */
    static final double INFUSION_GROWTH = 3;
    static final int[] CENTRE_WEIGHTS = {60, 40, 30, 24, 20, 17, 15, 13, 12, 11, 10, 9};

    private static final String[] CENTRES =
            {"C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11", "C12"};
    private static final long PATIENT_STREAM = 11;

    private final long seed;
    private final int idWidth;

    PatientGenerator(long seed, int patients) {
        this.seed = seed;
        this.idWidth = Math.max(6, Integer.toString(patients + RegistryDefects.EXTRA_IDS).length());
    }

    /** Pseudonymous id of the patient numbered {@code number} (1-based): {@code P000042}. */
    String id(int number) {
        String digits = Integer.toString(number);
        return "P" + "0".repeat(Math.max(0, idWidth - digits.length())) + digits;
    }

    PatientRecord generate(int index) {
        SplittableRandom rng = Draw.stream(seed, PATIENT_STREAM, index);
        long infusion = infusionDay(rng);
        Product product = Product.pick(infusion, rng);
        String productName = product.recordedName(rng);
        String disease = product.disease(rng);
        int age = age(disease, rng);
        int sexDraw = rng.nextInt(100);
        String sex = sexDraw < 60 ? "M" : sexDraw < 99 ? "F" : "U";
        int priorLines = priorLines(disease, rng);
        String centre = CENTRES[Draw.weighted(CENTRE_WEIGHTS, rng)];

        int adminEnd = (int) (CUT_OFF.toEpochDay() - infusion);
        int censor = Draw.chance(OutcomeModel.LOST_SHARE, rng)
                ? Math.min(adminEnd, Draw.between(OutcomeModel.LOST_FROM_DAY, OutcomeModel.LOST_TO_DAY, rng))
                : adminEnd;

        List<Episode> episodes = new ArrayList<>();
        Death death = toxicities(product, LocalDate.ofEpochDay(infusion).getYear(), episodes, rng);
        boolean toxicityDeath = death.cause() != null;
        List<Neoplasm> neoplasms = new ArrayList<>();
        for (NeoplasmHazard n : NeoplasmHazard.ALL) {
            if (Draw.chance(n.incidence(), rng)) {
                int day = n.onset().draw(rng);
                neoplasms.add(new Neoplasm(day, n.type(), n.transgene(rng)));
                if (n.canBeFatal() && Draw.chance(OutcomeModel.SPM_DEATH_SHARE, rng) && !toxicityDeath) {
                    death = death.orEarlier(day + Draw.between(60, 540, rng), "SPM");
                }
            }
        }
        double relapse = OutcomeModel.relapseDay(product, rng);
        double nextTherapy = Draw.chance(OutcomeModel.NEXT_THERAPY_SHARE, rng)
                ? relapse + Draw.between(OutcomeModel.NEXT_THERAPY_MIN_DELAY, OutcomeModel.NEXT_THERAPY_MAX_DELAY, rng)
                : Double.POSITIVE_INFINITY;
        if (!toxicityDeath) {
            death = death.orEarlier(OutcomeModel.relapseDeathDay(product, relapse, rng), "RELAPSE")
                    .orEarlier(OutcomeModel.earlyInfectionDeathDay(product, rng), "INFECTION")
                    .orEarlier(OutcomeModel.lateDeathDay(OutcomeModel.LATE_INFECTION_DEATH_PER_YEAR, rng), "INFECTION")
                    .orEarlier(OutcomeModel.lateDeathDay(OutcomeModel.CARDIOVASCULAR_DEATH_PER_YEAR, rng),
                            "CARDIOVASCULAR")
                    .orEarlier(OutcomeModel.lateDeathDay(OutcomeModel.OTHER_DEATH_PER_YEAR, rng), "OTHER");
        }

        boolean dead = death.day() <= censor;
        int end = dead ? (int) death.day() : censor;
        int deathDay = dead ? end : PatientRecord.NONE;
        int relapseDay = relapse <= end ? (int) relapse : PatientRecord.NONE;
        int nextTherapyDay = relapseDay != PatientRecord.NONE && nextTherapy <= end ? (int) nextTherapy
                : PatientRecord.NONE;
        int lastFollowUp = dead ? Math.max(0,
                end - Draw.between(0, OutcomeModel.LAST_FOLLOW_UP_MAX_DAYS_BEFORE_DEATH, rng)) : censor;
        Outcome outcome = new Outcome(relapseDay, nextTherapyDay, deathDay, dead ? death.cause() : null, lastFollowUp,
                !dead && censor < adminEnd);

        List<Episode> observed = new ArrayList<>();
        for (Episode e : episodes) {
            if (e.onsetDay() <= end) {
                observed.add(e.resolutionDay() <= end ? e : e.unresolved());
            }
        }
        NeutrophilCourse course = new NeutrophilCourse(product, rng);
        List<Lab> labs = course.labs(end, rng);
        int windowEnd = Math.min(end, Math.min(relapseDay == PatientRecord.NONE ? end : relapseDay,
                nextTherapyDay == PatientRecord.NONE ? end : nextTherapyDay));
        observed.addAll(NeutrophilCourse.icaht(labs, windowEnd));
        observed.sort(Comparator.comparingInt(Episode::onsetDay).thenComparing(Episode::category));

        List<Treatment> treatments = ManagementModel.plan(observed, end, rng);
        int ivigStart = treatments.stream().filter(t -> t.treatment().equals("IVIG")).mapToInt(Treatment::startDay)
                .findFirst().orElse(PatientRecord.NONE);
        int fatalInfection = dead && death.cause().equals("INFECTION")
                ? end - Draw.between(0, Math.min(OutcomeModel.FATAL_INFECTION_MAX_DAYS, end), rng) : PatientRecord.NONE;
        List<Infection> infections = InfectionModel.draw(end, treatments, ivigStart, fatalInfection, rng);

        List<Neoplasm> observedNeoplasms = new ArrayList<>(neoplasms.stream().filter(n -> n.day() <= end).toList());
        observedNeoplasms.sort(Comparator.comparingInt(Neoplasm::day).thenComparing(Neoplasm::type));
        return new PatientRecord(id(index + 1), product, productName, infusion, age, sex, disease, priorLines, centre,
                outcome, observed, infections, labs, treatments, observedNeoplasms);
    }

    /**
     * Draws the toxicity episodes (days not yet cut at follow-up end) into {@code episodes}; at most one is fatal,
     * and its death is returned.
     */
    private static Death toxicities(Product product, int infusionYear, List<Episode> episodes, SplittableRandom rng) {
        Death death = Death.NONE;
        boolean legacy = Draw.chance(ToxicityHazard.legacyShare(infusionYear), rng);
        for (ToxicityHazard h : ToxicityHazard.ALL) {
            if (!Draw.chance(h.incidence(product), rng)) {
                continue;
            }
            int onset = h.onset().draw(rng);
            int grade = h.grade(product, rng);
            int resolution = Draw.chance(h.resolvedShare(), rng)
                    ? onset + Draw.between(h.minDuration(), h.maxDuration(), rng) : PatientRecord.NONE;
            if (grade == 4 && death == Death.NONE && Draw.chance(h.fatalShareOfGrade4(), rng)) {
                grade = 5;
                resolution = PatientRecord.NONE;
                death = new Death(onset + Draw.between(OutcomeModel.TOXICITY_DEATH_DAYS[0],
                        OutcomeModel.TOXICITY_DEATH_DAYS[1], rng), h.category());
            }
            String system = legacy && h.legacySystem() != null && grade <= 4 ? h.legacySystem() : h.system();
            String[] raw = h.astct() ? AstctParameters.draw(h, grade, rng) : AstctParameters.unknown();
            episodes.add(new Episode(h.category(), onset, resolution, grade, system, raw));
        }
        return death;
    }

    /** A latent death: the earliest of the causes drawn so far wins. */
    private record Death(double day, String cause) {

        static final Death NONE = new Death(Double.POSITIVE_INFINITY, null);

        Death orEarlier(double otherDay, String otherCause) {
            return otherDay < day ? new Death(otherDay, otherCause) : this;
        }
    }

    /** A day of the infusion period, with linearly growing density. */
    private static long infusionDay(SplittableRandom rng) {
        double u = rng.nextDouble();
        double t = Draw.chance(1 / (1 + INFUSION_GROWTH / 2), rng) ? u : StrictMath.sqrt(u);
        long first = INFUSION_FROM.toEpochDay();
        long span = INFUSION_TO.toEpochDay() - first;
        return first + Math.min(span, (long) (t * (span + 1)));
    }

    private static int age(String disease, SplittableRandom rng) {
        double mean = switch (disease) {
            case "ALL" -> 42;
            case "MM" -> 64;
            case "MCL" -> 66;
            case "FL" -> 60;
            default -> 62;
        };
        double sd = disease.equals("ALL") ? 15 : 10;
        return (int) Math.max(18, Math.min(85, Math.round(mean + sd * Draw.gaussian(rng))));
    }

    private static int priorLines(String disease, SplittableRandom rng) {
        return switch (disease) {
            case "MM" -> Draw.chance(0.1, rng) ? Draw.between(1, 2, rng) : Draw.between(3, 9, rng);
            case "DLBCL" -> Draw.between(1, 2, rng) + Draw.between(0, 3, rng) / 2;
            case "ALL" -> Draw.between(1, 4, rng);
            default -> Draw.between(2, 5, rng);
        };
    }
}
