package org.iago.synth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.iago.synth.DrugVocabulary.Drug;
import org.iago.synth.Report.Demographics;
import org.iago.synth.Report.DrugRow;
import org.iago.synth.Report.Reaction;
import org.iago.vocabulary.Quarter;

/**
 * Plants cross-caseid duplicates ({@code --duplicates n}) for issue 19's default rule, "demographic-clinical": two
 * latest, not deleted reports of different caseids are the same report when they agree on sex (M/F), age in years,
 * reporter country, event date to the day, the set of PTs and the set of suspect (PS, SS) ingredients. Per quarter it
 * takes 2n originals and writes, under a new caseid and primaryid, n exact copies (as a second reporter would send
 * the case) and n near-misses (one rule field different or missing, {@link NearMissKind}); the manifest lists each
 * with the rule's decision.
 * <p>
 * Originals are complete reports (every rule field present) of background cases without planted PTs whose next
 * version is not planned, taken spread over the first half of the quarter, and pinned so that no DELETE file removes
 * them: both reports of a pair stay the latest versions in the lake. A copy takes one of the last new-case slots of
 * its quarter (every third one that of the next quarter), so every quarter keeps exactly reportsPerQuarter reports;
 * it is version 1 of its caseid and is never followed up nor deleted. An exact copy may state the age in another unit
 * (months, weeks, days or decades giving the same years), spell a suspect drug another way (its prod_ai kept), list
 * the PTs in another order, have one concomitant drug more or less, another fda_dt (earlier, the same day or later)
 * and another reporter (rept_cod, mfr_sndr, mfr_num, occp_cod, e_sub; no auth_num or lit_ref). The kept report is the
 * one with the latest fda_dt, then the highest caseid.
 * <p>
 * All draws come from one stream in publication order; nothing is drawn when no duplicates are planted.
 */
final class PlantedDuplicates {

    static final String RULE = "demographic-clinical";
    /** Every third original is copied in the next quarter, when there is one. */
    private static final int NEXT_QUARTER_EVERY = 3;
    /** Units of a copy's age: mostly years as the original, sometimes another unit; most round ages in decades. */
    private static final String[] AGE_UNITS = {"YR", "YR", "YR", "YR", "MON", "MON", "WK", "DY"};
    /** Days between the event and an earlier copy's fda_dt, at least: room for its report and receipt dates. */
    private static final int MIN_EVENT_TO_FDA_DAYS = 16;
    private static final NearMissKind[] NEAR_MISS_KINDS = NearMissKind.values();

    private final SplittableRandom rng;
    private final List<Quarter> quarters;
    private final int perQuarter;
    private final DrugVocabulary drugs;
    private final EventVocabulary events;
    private final boolean respellings;
    private final List<SynthManifest.ExactPair> exactPairs = new ArrayList<>();
    private final List<SynthManifest.NearMiss> nearMisses = new ArrayList<>();
    /** Originals taken so far and near-misses planned so far, in all quarters. */
    private int originals;
    private int nearMissesPlanned;

    /** The quarter being written. */
    private int quarterIndex;
    private int taken;
    private int stride;
    private int collectionEnd;
    private int copyStart;
    /** Originals whose copy is due in this quarter, in the order they were taken; then those of the next. */
    private final ArrayDeque<Original> pending = new ArrayDeque<>();
    private final List<Original> nextQuarter = new ArrayList<>();

    /** A report taken as an original, the quarter that published it, and what to make of it (null: an exact copy). */
    private record Original(Report report, Quarter quarter, NearMissKind nearMiss) {
    }

    /**
     * @param respellings whether a copy may use the {@code --name-variants} respellings of a suspect drug, besides the
     *                    variants every extract uses
     */
    PlantedDuplicates(long seed, List<Quarter> quarters, int perQuarter, DrugVocabulary drugs,
                      EventVocabulary events, boolean respellings) {
        this.rng = Seeds.stream(seed, Seeds.DUPLICATES);
        this.quarters = quarters;
        this.perQuarter = perQuarter;
        this.drugs = drugs;
        this.events = events;
        this.respellings = respellings;
    }

    /** Before the quarter's first report; its first {@code followUps} reports are follow-up versions. */
    void startQuarter(int k, int reports, int followUps) {
        quarterIndex = k;
        pending.addAll(nextQuarter);
        nextQuarter.clear();
        int wanted = 2 * perQuarter;
        taken = 0;
        collectionEnd = reports / 2;
        stride = Math.max(1, collectionEnd / wanted);
        int deferred = 0;
        for (int j = originals; j < originals + wanted && k + 1 < quarters.size(); j++) {
            deferred += j % NEXT_QUARTER_EVERY == NEXT_QUARTER_EVERY - 1 ? 1 : 0;
        }
        int copies = pending.size() + wanted - deferred;
        copyStart = Math.max(reports - copies, Math.max(followUps, collectionEnd));
    }

    /**
     * After report {@code ordinal} of the quarter was written and its next version planned: takes it as an original
     * when one is wanted from this ordinal on and the report qualifies.
     */
    void offer(int ordinal, int index, Report report, CaseRegistry cases) {
        if (taken == 2 * perQuarter || ordinal >= collectionEnd || ordinal < taken * stride
                || cases.product(index) != null || cases.signalMask(index) != 0 || cases.followUpScheduled(index)
                || !complete(report)) {
            return;
        }
        cases.pin(index);
        NearMissKind nearMiss = taken % 2 == 0 ? null
                : NEAR_MISS_KINDS[nearMissesPlanned++ % NEAR_MISS_KINDS.length];
        Original original = new Original(report, quarters.get(quarterIndex), nearMiss);
        boolean later = quarterIndex + 1 < quarters.size()
                && originals % NEXT_QUARTER_EVERY == NEXT_QUARTER_EVERY - 1;
        (later ? nextQuarter : pending).add(original);
        originals++;
        taken++;
    }

    /** Whether new-case slot {@code ordinal} holds a copy rather than a new case. */
    boolean copyDue(int ordinal) {
        return ordinal >= copyStart && !pending.isEmpty();
    }

    /** The next due copy, under {@code caseid}; records it for the manifest. */
    Report copy(int caseid) {
        Original original = pending.remove();
        Report report = original.report();
        Demographics d = report.demo();
        Quarter quarter = quarters.get(quarterIndex);
        List<String> variations = new ArrayList<>();
        long fdaDay = fdaDay(original, quarter, variations);

        String ageCod = d.age() % 10 == 0 && rng.nextInt(4) > 0 ? "DEC" : AGE_UNITS[rng.nextInt(AGE_UNITS.length)];
        if (!ageCod.equals("YR")) {
            variations.add("age-in-" + ageCod.toLowerCase(Locale.ROOT));
        }
        int age = inUnit(d.age(), ageCod, rng);
        String sex = d.sex();
        String country = d.reporterCountry();
        int eventDt = d.eventDt();
        List<DrugRow> drugRows = respelledSuspects(report.drugs(), variations);
        changeConcomitants(drugRows, variations);
        List<Reaction> reactions = new ArrayList<>(report.reactions());
        shuffle(reactions);
        if (!reactions.equals(report.reactions())) {
            variations.add("pt-order");
        }

        NearMissKind kind = original.nearMiss();
        String before = "";
        String after = "";
        if (kind != null) {
            switch (kind) {
                case SEX_DIFFERS -> {
                    before = sex;
                    sex = sex.equals("M") ? "F" : "M";
                    after = sex;
                }
                case SEX_MISSING -> {
                    before = sex;
                    sex = rng.nextBoolean() ? "" : "UNK";
                    after = sex;
                }
                case AGE_DIFFERS -> {
                    before = d.age() + " " + d.ageCod();
                    ageCod = ageCod.equals("DEC") ? "YR" : ageCod;
                    age = inUnit(d.age() + 1, ageCod, rng);
                    after = age + " " + ageCod;
                }
                case AGE_MISSING -> {
                    before = d.age() + " " + d.ageCod();
                    age = -1;
                    ageCod = "";
                }
                case REPORTER_COUNTRY_DIFFERS -> {
                    before = country;
                    while (country.equals(before)) {
                        country = FaersCodes.COUNTRY.pick(rng);
                    }
                    after = country;
                }
                case REPORTER_COUNTRY_MISSING -> {
                    before = country;
                    country = "";
                }
                case EVENT_DT_DIFFERS -> {
                    before = Integer.toString(eventDt);
                    eventDt = Dates.yyyymmdd(Dates.epochDay(eventDt) + 1);
                    after = Integer.toString(eventDt);
                }
                case EVENT_DT_PARTIAL -> {
                    before = Integer.toString(eventDt);
                    eventDt /= 100;
                    after = Integer.toString(eventDt);
                }
                case PT_ADDED -> {
                    after = newPt(reactions);
                    reactions.add(new Reaction(after, ""));
                }
                case PT_REPLACED -> {
                    int i = rng.nextInt(reactions.size());
                    before = reactions.get(i).pt();
                    after = newPt(reactions);
                    reactions.set(i, new Reaction(after, ""));
                }
                case SUSPECT_REPLACED -> {
                    List<Integer> suspects = new ArrayList<>();
                    for (int i = 0; i < drugRows.size(); i++) {
                        if (drugRows.get(i).suspect()) {
                            suspects.add(i);
                        }
                    }
                    int i = suspects.get(rng.nextInt(suspects.size()));
                    DrugRow replaced = drugRows.get(i);
                    Drug other = drugOfAnotherIngredient(drugRows);
                    drugRows.set(i, new DrugRow(replaced.drugSeq(), replaced.roleCod(), other.drugname(),
                            other.prodAi(), 1, other.route(), "UNK", "", "", "", "", "", 0, other.ndaNum(), "", "",
                            other.doseForm(), "", replaced.therapy(), other.indication()));
                    before = replaced.drugname() + " (" + replaced.prodAi() + ")";
                    after = other.drugname() + " (" + other.prodAi() + ")";
                }
            }
        }
        for (int i = 0; i < drugRows.size(); i++) {
            drugRows.set(i, drugRows.get(i).withSeq(i + 1));
        }

        Demographics demo = secondReporter(d, caseid, fdaDay, eventDt, age, ageCod, sex, country);
        Report copy = new Report(demo, drugRows, reactions, report.outcomes(), report.sources());
        String originalQuarter = original.quarter().toString();
        if (kind == null) {
            boolean copyKept = demo.fdaDt() > d.fdaDt() || demo.fdaDt() == d.fdaDt() && caseid > d.caseid();
            exactPairs.add(new SynthManifest.ExactPair(originalQuarter, d.caseid(), report.primaryid(),
                    quarter.toString(), caseid, copy.primaryid(), copyKept ? caseid : d.caseid(),
                    copyKept ? d.caseid() : caseid, List.copyOf(variations)));
        } else {
            nearMisses.add(new SynthManifest.NearMiss(kind.label(), kind.field(), originalQuarter, d.caseid(),
                    report.primaryid(), quarter.toString(), caseid, copy.primaryid(), before, after));
        }
        return copy;
    }

    /** After the quarter's last report: copies that found no slot move to the next quarter, or are not planted. */
    void endQuarter() {
        if (quarterIndex + 1 < quarters.size()) {
            nextQuarter.addAll(0, pending);
        }
        pending.clear();
    }

    SynthManifest.Duplicates manifest() {
        return new SynthManifest.Duplicates(RULE, exactPairs, nearMisses);
    }

    /** Every field of the default rule present: sex M or F, an age in years, a country, a full event_dt, PTs, a PS. */
    static boolean complete(Report report) {
        Demographics d = report.demo();
        return (d.sex().equals("M") || d.sex().equals("F")) && d.age() >= 0 && d.ageCod().equals("YR")
                && !d.reporterCountry().isEmpty() && d.eventDt() >= 10_000_000 && !report.reactions().isEmpty()
                && report.drugs().stream().anyMatch(DrugRow::suspect);
    }

    /**
     * {@code years} stated in {@code unit} (YR, DEC for multiples of ten, MON, WK, DY), drawn so that converted back
     * and rounded down it gives {@code years} whether a year counts 52 or 52.18 weeks and 365 or 365.25 days.
     */
    static int inUnit(int years, String unit, SplittableRandom rng) {
        return switch (unit) {
            case "YR" -> years;
            case "DEC" -> years / 10;
            case "MON" -> 12 * years + rng.nextInt(12);
            // from ceil(52.18 * years): below 52 * (years + 1) for years under 177
            case "WK" -> (5218 * years + 99) / 100 + rng.nextInt(20);
            // from ceil(365.25 * years): below 365 * (years + 1) for years under 256
            case "DY" -> (36525 * years + 99) / 100 + rng.nextInt(300);
            default -> throw new IllegalArgumentException("no such age unit: " + unit);
        };
    }

    /** fda_dt of the copy: in the next quarter, or earlier than, the same day as or later than the original's. */
    private long fdaDay(Original original, Quarter quarter, List<String> variations) {
        long first = quarter.firstDay().toEpochDay();
        long last = quarter.lastDay().toEpochDay();
        if (!original.quarter().equals(quarter)) {
            variations.add("next-quarter");
            return first + rng.nextLong(last - first + 1);
        }
        Demographics d = original.report().demo();
        long fda = Dates.epochDay(d.fdaDt());
        long earliest = Math.max(first, Dates.epochDay(d.eventDt()) + MIN_EVENT_TO_FDA_DAYS);
        int timing = rng.nextInt(3);
        if (timing == 0 && earliest < fda) {
            variations.add("fda-dt-earlier");
            return earliest + rng.nextLong(fda - earliest);
        }
        if (timing != 2 && fda < last) {
            variations.add("fda-dt-later");
            return fda + 1 + rng.nextLong(last - fda);
        }
        variations.add("fda-dt-same");
        return fda;
    }

    /** The DEMO row of the copy: the case as the original states it, sent by another reporter. */
    private Demographics secondReporter(Demographics d, int caseid, long fdaDay, int eventDt, int age, String ageCod,
                                        String sex, String country) {
        String reptCod = FaersCodes.REPT_COD.pick(rng);
        boolean direct = reptCod.equals("DIR");
        long eventDay = Dates.epochDay(d.eventDt());
        long reptDay = Math.max(eventDay, fdaDay - rng.nextInt(4));
        long mfrDay = direct ? -1 : Math.max(eventDay, reptDay - rng.nextInt(reptCod.equals("EXP") ? 15 : 60));
        String sender = direct ? ReportGenerator.DIRECT_SENDER
                : d.mfrSndr().equals(ReportGenerator.DIRECT_SENDER)
                ? "SYNPHARMA " + DrugVocabulary.zeroPadded(rng.nextInt(60), 3) : d.mfrSndr();
        String mfrNum = direct ? "" : d.reporterCountry() + "-" + sender + "-" + Dates.yyyymmdd(fdaDay) / 10_000
                + DrugVocabulary.zeroPadded(rng.nextInt(1_000_000), 6);
        String toMfr = direct ? FaersCodes.TO_MFR.pick(rng) : "";
        String eSub = FaersCodes.E_SUB.pick(rng);
        String occpCod = FaersCodes.OCCP_COD.pick(rng);
        int fdaDt = Dates.yyyymmdd(fdaDay);
        return new Demographics(caseid, 1, eventDt, mfrDay >= 0 ? Dates.yyyymmdd(mfrDay) : 0, fdaDt, fdaDt, reptCod,
                "", mfrNum, sender, "", age, ageCod, d.ageGrp(), sex, eSub, d.wt(), d.wtCod(),
                Dates.yyyymmdd(reptDay), toMfr, occpCod, country, d.occrCountry());
    }

    /** The drug rows with some suspects under another spelling of the same product; prod_ai stays as it was. */
    private List<DrugRow> respelledSuspects(List<DrugRow> rows, List<String> variations) {
        List<DrugRow> copied = new ArrayList<>(rows.size() + 1);
        for (DrugRow row : rows) {
            DrugRow written = row;
            if (row.suspect() && !row.prodAi().isEmpty() && rng.nextInt(100) < 40) {
                List<String> others = otherSpellings(row.drugname());
                if (!others.isEmpty()) {
                    written = row.withName(others.get(rng.nextInt(others.size())), row.prodAi(), 2);
                    if (!variations.contains("suspect-spelling")) {
                        variations.add("suspect-spelling");
                    }
                }
            }
            copied.add(written);
        }
        return copied;
    }

    private List<String> otherSpellings(String drugname) {
        Drug drug = drugs.ofName(drugname);
        if (drug == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        names.add(drug.drugname());
        names.addAll(drug.variants());
        if (respellings) {
            drug.respellings().forEach(spelling -> names.add(spelling.text()));
        }
        names.remove(drugname);
        return names;
    }

    /** One concomitant drug dropped, or one added (at most four drugs), or none changed. */
    private void changeConcomitants(List<DrugRow> rows, List<String> variations) {
        int change = rng.nextInt(3);
        List<Integer> concomitants = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).roleCod().equals("C")) {
                concomitants.add(i);
            }
        }
        if (change == 0 && !concomitants.isEmpty()) {
            rows.remove((int) concomitants.get(rng.nextInt(concomitants.size())));
            variations.add("concomitant-dropped");
        } else if (change == 1 && rows.size() < 4) {
            Drug drug = drugOfAnotherIngredient(rows);
            rows.add(new DrugRow(0, "C", drug.drugname(), drug.prodAi(), 1, drug.route(), "UNK", "", "", "", "", "", 0,
                    drug.ndaNum(), "", "", drug.doseForm(), "", null, null));
            variations.add("concomitant-added");
        }
    }

    /** A product whose ingredient is none of the rows' (prod_ai or the product their name spells). */
    private Drug drugOfAnotherIngredient(List<DrugRow> rows) {
        Set<String> ingredients = new HashSet<>();
        for (DrugRow row : rows) {
            ingredients.add(row.prodAi());
            Drug drug = drugs.ofName(row.drugname());
            ingredients.add(drug == null ? row.drugname() : drug.prodAi());
        }
        Drug drug = drugs.draw(rng);
        while (ingredients.contains(drug.prodAi())) {
            drug = drugs.draw(rng);
        }
        return drug;
    }

    private String newPt(List<Reaction> reactions) {
        while (true) {
            String pt = events.draw(rng);
            if (reactions.stream().noneMatch(reaction -> reaction.pt().equals(pt))) {
                return pt;
            }
        }
    }

    /** Fisher-Yates. */
    private void shuffle(List<Reaction> reactions) {
        for (int i = reactions.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            reactions.set(i, reactions.set(j, reactions.get(i)));
        }
    }
}
