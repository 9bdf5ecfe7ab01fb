package org.iago.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.iago.synth.DrugVocabulary.Drug;
import org.iago.synth.Report.Demographics;
import org.iago.synth.Report.DrugRow;
import org.iago.synth.Report.Reaction;
import org.iago.synth.Report.Therapy;
import org.iago.vocabulary.Quarter;

/**
 * Builds the report of a case's current version from its caseid and the compact state in {@link CaseRegistry}:
 * version 1 from the case's own random stream, then what each later version added, then the dates of the current
 * version. Background drugs and PTs are drawn independently of each other; CAR-T cases get their product as primary
 * suspect, the usual toxicities and any planted PT, with event_dt = infusion date + time to onset.
 */
final class ReportGenerator {

    /** Share of follow-up versions that add a reaction, and that add an outcome. */
    static final double FOLLOW_UP_ADDS_REACTION = 0.35;
    static final double FOLLOW_UP_ADDS_OUTCOME = 0.25;

    private static final PlantedSignal[] SIGNALS = PlantedSignal.values();
    private static final CarTToxicity[] TOXICITIES = CarTToxicity.values();
    private static final String UNKNOWN_INDICATION = "Product used for unknown indication";
    private static final String DEATH = "Death";
    /** mfr_sndr of reports sent to FDA directly (rept_cod DIR). */
    static final String DIRECT_SENDER = "FDA-CTU";

    private final long seed;
    private final List<Quarter> quarters;
    private final CaseRegistry cases;
    private final DrugVocabulary drugs;
    private final EventVocabulary events;
    private final NameVariants nameVariants;
    private final Drug cyclophosphamide;
    private final Drug fludarabine;
    private final Drug tocilizumab;
    private final Drug dexamethasone;
    private final Drug masker;

    /** {@code nameVariants} respells drug rows, or is null to write every drug under its usual names. */
    ReportGenerator(long seed, List<Quarter> quarters, CaseRegistry cases, DrugVocabulary drugs,
                    EventVocabulary events, NameVariants nameVariants) {
        this.seed = seed;
        this.quarters = quarters;
        this.cases = cases;
        this.drugs = drugs;
        this.events = events;
        this.nameVariants = nameVariants;
        this.cyclophosphamide = drugs.named("CYCLOPHOSPHAMIDE");
        this.fludarabine = drugs.named("FLUDARABINE");
        this.tocilizumab = drugs.named("ACTEMRA");
        this.dexamethasone = drugs.named("DEXAMETHASONE");
        this.masker = drugs.named(PlantedMasking.MASKER);
    }

    /** The report of case {@code index} at its current version, published in quarter {@code quarterIndex}. */
    Report generate(int index, int quarterIndex) {
        int caseid = cases.caseid(index);
        int version = cases.version(index);
        CarTProduct product = cases.product(index);
        Quarter first = quarters.get(cases.firstQuarter(index));
        SplittableRandom rng = Seeds.caseContent(seed, caseid);
        Draft draft = new Draft(caseid);
        if (product == null) {
            background(draft, rng, first, cases.signalMask(index));
        } else {
            cart(draft, rng, first, product, cases.signalMask(index));
        }
        for (int v = 2; v <= version; v++) {
            SplittableRandom versionRng = Seeds.versionContent(seed, caseid, v);
            addFollowUpInformation(draft, versionRng, product != null);
            if (v == version) {
                draft.receive(quarters.get(quarterIndex), versionRng);
            }
        }
        return draft.toReport(version);
    }

    private void background(Draft draft, SplittableRandom rng, Quarter first, int signalMask) {
        draft.reptCod = FaersCodes.REPT_COD.pick(rng);
        draft.receive(first, rng);
        draft.initFdaDay = draft.fdaDay;
        long eventDay = draft.awareDay() - reportingLagDays(rng);
        draft.eventDt = Dates.asReported(eventDay, rng);

        Drug suspect = drugs.draw(rng);
        draft.drugs.add(drugRow(draft, 1, "PS", suspect, rng, backgroundTherapy(draft, eventDay, rng),
                backgroundIndication(suspect, rng)));
        int others = pickCount(rng, 45, 27, 16, 12);
        List<Drug> chosen = new ArrayList<>(List.of(suspect));
        for (int i = 0; i < others; i++) {
            Drug drug = distinctDrug(chosen, rng);
            chosen.add(drug);
            draft.drugs.add(drugRow(draft, draft.drugs.size() + 1, FaersCodes.ROLE_COD_OTHER.pick(rng), drug, rng,
                    backgroundTherapy(draft, eventDay, rng), backgroundIndication(drug, rng)));
        }

        int reactions = 1 + pickCount(rng, 38, 24, 15, 9, 6, 4, 2, 2);
        for (int i = 0; i < reactions; i++) {
            addBackgroundReaction(draft, rng);
        }
        for (PlantedSignal signal : SIGNALS) {
            if ((signalMask & signal.bit()) != 0) {
                draft.addReaction(signal.pt(), rng);
            }
        }
        plantMasking(draft, PlantedMasking.background(suspect == masker, seed, draft.caseid));
        if (PlantedConfounding.planted(draft.drugs.get(0).indication(), seed, draft.caseid)
                && !draft.hasReaction(PlantedConfounding.PT)) {
            // no draw from rng: the case's other content stays as without the confounding
            draft.reactions.add(new Reaction(PlantedConfounding.PT, ""));
        }

        int age = rng.nextInt(100);
        if (age < 65) {
            draft.setAge(approximatelyNormal(rng, 58, 17, 1, 99), rng);
        } else if (age < 73) {
            draft.ageGrp = FaersCodes.AGE_GRP_WITHOUT_AGE.pick(rng);
        }
        draft.sex = FaersCodes.SEX.pick(rng);
        draft.setWeight(rng);
        draft.occpCod = FaersCodes.OCCP_COD.pick(rng);
        parties(draft, rng, "SYNPHARMA " + DrugVocabulary.zeroPadded(suspect.rank() % 60, 3), 2);

        int outcomes = pickCount(rng, 45, 35, 15, 5);
        for (int i = 0; i < outcomes; i++) {
            draft.addOutcome(FaersCodes.OUTC_COD.pick(rng));
        }
        sources(draft, rng);
    }

    private void cart(Draft draft, SplittableRandom rng, Quarter first, CarTProduct product, int signalMask) {
        draft.reptCod = FaersCodes.REPT_COD_CART.pick(rng);
        draft.receive(first, rng);
        draft.initFdaDay = draft.fdaDay;
        long eventDay = draft.awareDay() - rng.nextInt(5, 91);

        // the first planted PT, else the first usual toxicity, sets the report's onset (event_dt - start_dt)
        int onset = -1;
        for (PlantedSignal signal : SIGNALS) {
            if ((signalMask & signal.bit()) != 0) {
                draft.addReaction(signal.pt(), rng);
                if (onset < 0) {
                    onset = signal.onsetDays(rng);
                }
            }
        }
        for (CarTToxicity toxicity : TOXICITIES) {
            if (rng.nextDouble() < toxicity.rate()) {
                draft.addReaction(toxicity.pt(), rng);
                if (onset < 0) {
                    onset = toxicity.onsetDays(rng);
                }
            }
        }
        int backgroundReactions = pickCount(rng, 40, 40, 20);
        for (int i = 0; i < backgroundReactions; i++) {
            addBackgroundReaction(draft, rng);
        }
        if (draft.reactions.isEmpty()) {
            draft.addReaction(CarTToxicity.CYTOKINE_RELEASE_SYNDROME.pt(), rng);
            onset = CarTToxicity.CYTOKINE_RELEASE_SYNDROME.onsetDays(rng);
        } else if (onset < 0) {
            onset = rng.nextInt(0, 61);
        }
        long infusionDay = eventDay - onset;
        // planted reports always carry a full event_dt so that their time to onset is measurable
        draft.eventDt = signalMask != 0 ? Dates.yyyymmdd(eventDay) : Dates.asReported(eventDay, rng);

        cartDrugs(draft, rng, product, infusionDay, eventDay);
        // after the fallback reaction above, which a planted PT must not suppress
        plantMasking(draft, PlantedMasking.cart(product, seed, draft.caseid));

        if (rng.nextInt(100) < 85) {
            boolean myeloma = product.target().equals("BCMA");
            draft.setAge(myeloma ? approximatelyNormal(rng, 64, 9, 35, 88)
                    : approximatelyNormal(rng, 58, 15, 3, 85), rng);
        }
        draft.sex = FaersCodes.SEX_CART.pick(rng);
        draft.setWeight(rng);
        draft.occpCod = FaersCodes.OCCP_COD_CART.pick(rng);
        parties(draft, rng, product.sender(), 5);

        int outcomes = 1 + pickCount(rng, 50, 35, 15);
        for (int i = 0; i < outcomes; i++) {
            draft.addOutcome(FaersCodes.OUTC_COD_CART.pick(rng));
        }
        sources(draft, rng);
    }

    /** The CAR-T product as primary suspect, then up to three of lymphodepletion, tocilizumab, dexamethasone. */
    private void cartDrugs(Draft draft, SplittableRandom rng, CarTProduct product, long infusionDay,
                           long eventDay) {
        CarTProduct.DrugName name = product.reportedName(rng);
        int infusion = Dates.yyyymmdd(infusionDay);
        boolean endKnown = rng.nextInt(100) < 60;
        Therapy therapy = new Therapy(infusion, endKnown ? infusion : 0, endKnown ? 1 : -1, endKnown ? "DAY" : "");
        String indication = product.indication(rng);
        String lot = rng.nextInt(100) < 40 ? "DX" + DrugVocabulary.zeroPadded(rng.nextInt(100_000_000), 8) : "";
        draft.drugs.add(new DrugRow(1, "PS", name.drugname(), name.prodAi(), name.valVbm(), "Intravenous",
                rng.nextBoolean() ? "UNK, ONCE" : "1 DF, SINGLE", "", "", rng.nextInt(100) < 30 ? "U" : "",
                rng.nextInt(100) < 20 ? "U" : "", lot, 0, "", "", "", rng.nextInt(100) < 60 ? "SUSPENSION" : "",
                rng.nextBoolean() ? "1X" : "", therapy, indication));

        long lymphodepletionDay = infusionDay - rng.nextInt(3, 6);
        Drug[] concomitants = {cyclophosphamide, fludarabine, tocilizumab, dexamethasone};
        int[] percent = {45, 45, 30, 20};
        boolean withDexamethasone = false;
        for (int i = 0; i < concomitants.length && draft.drugs.size() < 4; i++) {
            if (rng.nextInt(100) >= percent[i]) {
                continue;
            }
            Drug drug = concomitants[i];
            boolean lymphodepletion = i < 2;
            long start = lymphodepletion ? lymphodepletionDay : eventDay;
            Therapy given = rng.nextBoolean()
                    ? new Therapy(Dates.yyyymmdd(start), Dates.yyyymmdd(start + (lymphodepletion ? 2 : 1)), -1, "")
                    : null;
            String forWhat = lymphodepletion ? indication
                    : drug == tocilizumab ? CarTToxicity.CYTOKINE_RELEASE_SYNDROME.pt() : CarTToxicity.ICANS.pt();
            draft.drugs.add(drugRow(draft, draft.drugs.size() + 1,
                    FaersCodes.ROLE_COD_CART_CONCOMITANT.pick(rng), drug, rng, given, forWhat));
            withDexamethasone |= drug == dexamethasone;
        }
        if (PlantedInteraction.planted(product, withDexamethasone, seed, draft.caseid)
                && !draft.hasReaction(PlantedInteraction.PT)) {
            // no draw from rng: the case's other content stays as without the interaction
            draft.reactions.add(new Reaction(PlantedInteraction.PT, ""));
        }
    }

    /** The masked signal's PT, without a draw from the case's stream: its other content stays as it was. */
    private static void plantMasking(Draft draft, boolean planted) {
        if (planted && !draft.hasReaction(PlantedMasking.PT)) {
            draft.reactions.add(new Reaction(PlantedMasking.PT, ""));
        }
    }

    private void addFollowUpInformation(Draft draft, SplittableRandom rng, boolean cart) {
        if (rng.nextDouble() < FOLLOW_UP_ADDS_REACTION) {
            addBackgroundReaction(draft, rng);
        }
        if (rng.nextDouble() < FOLLOW_UP_ADDS_OUTCOME) {
            draft.addOutcome((cart ? FaersCodes.OUTC_COD_CART : FaersCodes.OUTC_COD).pick(rng));
        }
    }

    /** A background PT not yet in the report (a few retries: common PTs repeat often under Zipf). */
    private void addBackgroundReaction(Draft draft, SplittableRandom rng) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String pt = events.draw(rng);
            if (!draft.hasReaction(pt)) {
                draft.addReaction(pt, rng);
                if (pt.equals(DEATH)) {
                    draft.addOutcome("DE");
                }
                return;
            }
        }
    }

    private Drug distinctDrug(List<Drug> chosen, SplittableRandom rng) {
        Drug drug = drugs.draw(rng);
        for (int attempt = 0; attempt < 5 && chosen.contains(drug); attempt++) {
            drug = drugs.draw(rng);
        }
        return drug;
    }

    private DrugRow drugRow(Draft draft, int seq, String role, Drug drug, SplittableRandom rng, Therapy therapy,
                            String indication) {
        boolean variant = !drug.variants().isEmpty() && rng.nextInt(100) < 15;
        String drugname = variant ? drug.variants().get(rng.nextInt(drug.variants().size())) : drug.drugname();
        String prodAi = rng.nextInt(100) < 97 ? drug.prodAi() : "";
        int valVbm = variant || rng.nextInt(100) < 12 ? 2 : 1;
        int r = rng.nextInt(100);
        String route = r < 85 ? drug.route() : r < 95 ? "Unknown" : "";
        boolean dosed = rng.nextInt(100) < 60;
        String doseAmt = dosed ? drug.doseAmt() : "";
        String doseUnit = dosed ? drug.doseUnit() : "";
        String doseFreq = dosed && rng.nextInt(100) < 80 ? drug.doseFreq() : "";
        String doseForm = rng.nextInt(100) < 70 ? drug.doseForm() : "";
        String doseVbm = dosed ? doseAmt + " " + doseUnit + (doseFreq.isEmpty() ? "" : ", " + doseFreq)
                : rng.nextBoolean() ? "UNK" : "";
        boolean cumulative = rng.nextInt(100) < 5;
        String cumDoseChr = cumulative ? Integer.toString(rng.nextInt(1, 5000)) : "";
        String cumDoseUnit = cumulative ? FaersCodes.DOSE_UNIT_FALLBACK.pick(rng) : "";
        String dechal = FaersCodes.DECHAL.pick(rng);
        String rechal = FaersCodes.RECHAL.pick(rng);
        String lotNum = rng.nextInt(100) < 12
                ? FaersCodes.LOT_PREFIXES[rng.nextInt(FaersCodes.LOT_PREFIXES.length)] + rng.nextInt(1000, 1_000_000)
                : "";
        int expDt = rng.nextInt(100) < 3 ? Dates.yyyymmdd(draft.fdaDay + rng.nextInt(60, 900)) / 100 : 0;
        String ndaNum = rng.nextInt(100) < 70 ? drug.ndaNum() : "";
        DrugRow row = new DrugRow(seq, role, drugname, prodAi, valVbm, route, doseVbm, cumDoseChr, cumDoseUnit,
                dechal, rechal, lotNum, expDt, ndaNum, doseAmt, doseUnit, doseForm, doseFreq, therapy, indication);
        return nameVariants == null ? row : nameVariants.respell(draft.caseid, drug, row);
    }

    /** THER row for about half of the drugs: started before the event, sometimes with an end and a duration. */
    private static Therapy backgroundTherapy(Draft draft, long eventDay, SplittableRandom rng) {
        if (rng.nextBoolean()) {
            return null;
        }
        long start = eventDay - (rng.nextInt(100) < 75 ? rng.nextInt(0, 181) : rng.nextInt(181, 731));
        int startDt = rng.nextInt(100) < 85 ? Dates.yyyymmdd(start) : Dates.yyyymmdd(start) / 100;
        if (rng.nextInt(100) >= 35) {
            return new Therapy(startDt, 0, -1, "");
        }
        long end = Math.min(start + rng.nextInt(1, 366), draft.fdaDay);
        boolean duration = rng.nextBoolean();
        return new Therapy(startDt, Dates.yyyymmdd(end), duration ? (int) (end - start + 1) : -1,
                duration ? "DAY" : "");
    }

    private static String backgroundIndication(Drug drug, SplittableRandom rng) {
        if (rng.nextInt(100) >= 65) {
            return null;
        }
        return rng.nextInt(100) < 70 ? drug.indication() : UNKNOWN_INDICATION;
    }

    /** Sender, manufacturer report number, authority number, literature and direct-report fields. */
    private static void parties(Draft draft, SplittableRandom rng, String sender, int literaturePercent) {
        draft.reporterCountry = FaersCodes.COUNTRY.pick(rng);
        draft.occrCountry = rng.nextInt(100) < 92 ? draft.reporterCountry : FaersCodes.COUNTRY.pick(rng);
        draft.eSub = FaersCodes.E_SUB.pick(rng);
        if (draft.reptCod.equals("DIR")) {
            draft.mfrSndr = DIRECT_SENDER;
            draft.toMfr = FaersCodes.TO_MFR.pick(rng);
        } else {
            draft.mfrSndr = sender;
            draft.mfrNum = draft.reporterCountry + "-" + sender + "-" + Dates.yyyymmdd(draft.initFdaDay) / 10_000
                    + DrugVocabulary.zeroPadded(rng.nextInt(1_000_000), 6);
        }
        if (!draft.reporterCountry.equals("US") && rng.nextInt(100) < 30) {
            draft.authNum = draft.reporterCountry + "-" + FaersCodes.authority(draft.reporterCountry) + "-"
                    + DrugVocabulary.zeroPadded(rng.nextInt(100_000_000), 8);
        }
        if (rng.nextInt(100) < literaturePercent) {
            int page = rng.nextInt(1, 900);
            draft.litRef = "Synthetic A, Author B. Adverse drug reaction: a case report. J Synth Pharmacovigil. "
                    + Dates.yyyymmdd(draft.initFdaDay) / 10_000 + ";" + rng.nextInt(1, 60) + ":" + page + "-"
                    + (page + rng.nextInt(2, 12)) + ".";
        }
    }

    /** RPSR rows for about 15% of reports. */
    private static void sources(Draft draft, SplittableRandom rng) {
        if (rng.nextInt(100) >= 15) {
            return;
        }
        draft.sources.add(FaersCodes.RPSR_COD.pick(rng));
        if (rng.nextInt(100) < 10) {
            String second = FaersCodes.RPSR_COD.pick(rng);
            if (!draft.sources.contains(second)) {
                draft.sources.add(second);
            }
        }
    }

    /** Days between the event and the sender's awareness: mostly weeks, some months, a few years. */
    private static int reportingLagDays(SplittableRandom rng) {
        int x = rng.nextInt(100);
        if (x < 60) {
            return rng.nextInt(0, 61);
        }
        return x < 90 ? rng.nextInt(61, 366) : rng.nextInt(366, 1826);
    }

    /** 0..weights.length-1 with the given relative weights. */
    private static int pickCount(SplittableRandom rng, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int x = rng.nextInt(total);
        int count = 0;
        while (x >= weights[count]) {
            x -= weights[count++];
        }
        return count;
    }

    /** A bell-shaped draw clamped to [min, max]; sums of uniforms avoid Gaussian sampling, whose bits may vary. */
    private static int approximatelyNormal(SplittableRandom rng, double mean, double sd, int min, int max) {
        double z = (rng.nextDouble() + rng.nextDouble() + rng.nextDouble() + rng.nextDouble() - 2) * 1.7320508;
        return (int) Math.max(min, Math.min(max, Math.round(mean + sd * z)));
    }

    /** The report under construction; dates as epoch days until rendered. */
    private static final class Draft {
        final int caseid;
        long fdaDay;
        long initFdaDay;
        long reptDay;
        long mfrDay = -1;
        int eventDt;
        String reptCod;
        String authNum = "";
        String mfrNum = "";
        String mfrSndr = "";
        String litRef = "";
        int age = -1;
        String ageCod = "";
        String ageGrp = "";
        String sex;
        String eSub;
        String wt = "";
        String wtCod = "";
        String toMfr = "";
        String occpCod;
        String reporterCountry;
        String occrCountry;
        final List<DrugRow> drugs = new ArrayList<>(4);
        final List<Reaction> reactions = new ArrayList<>(8);
        final List<String> outcomes = new ArrayList<>(4);
        final List<String> sources = new ArrayList<>(2);

        Draft(int caseid) {
            this.caseid = caseid;
        }

        /** FDA receipt of a version in the quarter, the sender's report date, and the manufacturer's receipt. */
        void receive(Quarter quarter, SplittableRandom rng) {
            boolean manufacturer = !reptCod.equals("DIR");
            fdaDay = Dates.dayIn(quarter, rng);
            reptDay = fdaDay - rng.nextInt(4);
            mfrDay = manufacturer ? reptDay - rng.nextInt(reptCod.equals("EXP") ? 15 : 60) : -1;
        }

        long awareDay() {
            return mfrDay >= 0 ? mfrDay : reptDay;
        }

        boolean hasReaction(String pt) {
            for (Reaction reaction : reactions) {
                if (reaction.pt().equals(pt)) {
                    return true;
                }
            }
            return false;
        }

        void addReaction(String pt, SplittableRandom rng) {
            reactions.add(new Reaction(pt, rng.nextInt(100) == 0 ? pt : ""));
        }

        void addOutcome(String code) {
            if (!outcomes.contains(code)) {
                outcomes.add(code);
            }
        }

        void setAge(int years, SplittableRandom rng) {
            age = years;
            ageCod = "YR";
            if (rng.nextInt(100) < 30) {
                ageGrp = years < 2 ? "I" : years < 12 ? "C" : years < 18 ? "T" : years < 65 ? "A" : "E";
            }
        }

        /** Weight for a quarter of reports; converted pounds show as two decimals. */
        void setWeight(SplittableRandom rng) {
            if (rng.nextInt(100) >= 25) {
                return;
            }
            int kg = approximatelyNormal(rng, 78, 18, 3, 180);
            wt = rng.nextInt(100) < 60 ? Integer.toString(kg)
                    : kg + "." + DrugVocabulary.zeroPadded(rng.nextInt(100), 2);
            wtCod = "KG";
        }

        Report toReport(int version) {
            Demographics demo = new Demographics(caseid, version, eventDt,
                    mfrDay >= 0 ? Dates.yyyymmdd(mfrDay) : 0, Dates.yyyymmdd(initFdaDay), Dates.yyyymmdd(fdaDay),
                    reptCod, authNum, mfrNum, mfrSndr, litRef, age, ageCod, ageGrp, sex, eSub, wt, wtCod,
                    Dates.yyyymmdd(reptDay), toMfr, occpCod, reporterCountry, occrCountry);
            return new Report(demo, drugs, reactions, outcomes, sources);
        }
    }
}
