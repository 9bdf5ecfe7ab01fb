package org.iago.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Background (non-CAR-T) drugs, Zipf-distributed by rank: a head of about 100 commonly reported real products
 * followed by a synthetic tail ({@code SYNDRUG 0123}). CAR-T products are deliberately absent, so only the CAR-T
 * reports mention them. The most common products also have the respellings reporters type (strengths, forms, case,
 * punctuation, bracketed ingredient), written only with {@code --name-variants}.
 */
final class DrugVocabulary {

    static final int SIZE = 5000;
    static final double ZIPF_EXPONENT = 1.1;

    /**
     * A product as reported: name, active ingredient, usual dosing, the indication it is usually given for, the
     * spelling variants every extract uses and the respellings only {@code --name-variants} writes.
     */
    record Drug(int rank, String drugname, String prodAi, String route, String doseForm, String doseUnit,
                String doseAmt, String doseFreq, String indication, String ndaNum, List<String> variants,
                List<Spelling> respellings) {
    }

    /**
     * How a row with this drugname and an empty prod_ai is expected to get its ingredient under issue 19's drug-name
     * rules (CAR-T dictionary, user dictionary, prod_ai, learned dictionary, cleaned drugname).
     */
    enum Resolution {
        /** The cleaned drugname (bracketed text, strengths, forms, punctuation removed) is the ingredient itself. */
        CLEANING("cleaning"),
        /**
         * The learned dictionary: the spelling (and the brand it cleans to) is written with the ingredient as prod_ai
         * in other rows.
         */
        LEARNED_DICTIONARY("learned-dictionary");

        private final String label;

        Resolution(String label) {
            this.label = label;
        }

        /** The name used in the manifest. */
        String label() {
            return label;
        }
    }

    /** A drugname a reporter may write for a product, and how it is expected to be mapped without prod_ai. */
    record Spelling(String text, Resolution resolution) {
    }

    /**
     * The products {@code --name-variants} respells: the most reported single-ingredient products dosed in MG as
     * tablets, capsules or injections, frequent enough that every respelling recurs, with and without prod_ai.
     */
    static final List<String> RESPELLED = List.of("HUMIRA", "DUPIXENT", "ENBREL", "REVLIMID", "XARELTO", "ELIQUIS",
            "OZEMPIC", "OTEZLA", "PREDNISONE", "METHOTREXATE", "KEYTRUDA", "METFORMIN");

    /** drugname|prod_ai|route|dose_form|dose_unit|dose_amt|dose_freq|indication|spelling variants (;-separated). */
    private static final String HEAD = """
            HUMIRA|ADALIMUMAB|Subcutaneous|INJECTION|MG|40|Q2W|Rheumatoid arthritis|HUMIRA PEN;HUMIRA "PEN
            DUPIXENT|DUPILUMAB|Subcutaneous|INJECTION|MG|300|Q2W|Dermatitis atopic|
            ENBREL|ETANERCEPT|Subcutaneous|INJECTION|MG|50|QW|Rheumatoid arthritis|ENBREL SURECLICK
            REVLIMID|LENALIDOMIDE|Oral|CAPSULE|MG|25|QD|Plasma cell myeloma|
            XARELTO|RIVAROXABAN|Oral|TABLET|MG|20|QD|Atrial fibrillation|
            ELIQUIS|APIXABAN|Oral|TABLET|MG|5|BID|Atrial fibrillation|
            OZEMPIC|SEMAGLUTIDE|Subcutaneous|INJECTION|MG|1|QW|Type 2 diabetes mellitus|OZEMPIC "PEN
            OTEZLA|APREMILAST|Oral|TABLET|MG|30|BID|Psoriasis|
            PREDNISONE|PREDNISONE|Oral|TABLET|MG|10|QD|Product used for unknown indication|
            METHOTREXATE|METHOTREXATE|Oral|TABLET|MG|15|QW|Rheumatoid arthritis|METHOTREXATE SODIUM
            KEYTRUDA|PEMBROLIZUMAB|Intravenous|INJECTION|MG|200|Q3W|Non-small cell lung cancer|
            METFORMIN|METFORMIN HYDROCHLORIDE|Oral|TABLET|MG|500|BID|Type 2 diabetes mellitus|
            ASPIRIN|ASPIRIN|Oral|TABLET|MG|81|QD|Product used for unknown indication|
            TRULICITY|DULAGLUTIDE|Subcutaneous|INJECTION|MG|1.5|QW|Type 2 diabetes mellitus|
            JARDIANCE|EMPAGLIFLOZIN|Oral|TABLET|MG|10|QD|Type 2 diabetes mellitus|
            OPDIVO|NIVOLUMAB|Intravenous|INJECTION|MG|240|Q2W|Non-small cell lung cancer|
            XELJANZ|TOFACITINIB CITRATE|Oral|TABLET|MG|5|BID|Rheumatoid arthritis|
            RINVOQ|UPADACITINIB|Oral|TABLET|MG|15|QD|Rheumatoid arthritis|
            STELARA|USTEKINUMAB|Subcutaneous|INJECTION|MG|90|Q8W|Crohn's disease|
            COSENTYX|SECUKINUMAB|Subcutaneous|INJECTION|MG|300|Q4W|Psoriasis|
            SKYRIZI|RISANKIZUMAB-RZAA|Subcutaneous|INJECTION|MG|150|Q12W|Psoriasis|
            TALTZ|IXEKIZUMAB|Subcutaneous|INJECTION|MG|80|Q4W|Psoriasis|
            ENTYVIO|VEDOLIZUMAB|Intravenous|INJECTION|MG|300|Q8W|Ulcerative colitis|
            REMICADE|INFLIXIMAB|Intravenous|INJECTION|MG|400|Q8W|Crohn's disease|
            OCREVUS|OCRELIZUMAB|Intravenous|INJECTION|MG|600|Q24W|Multiple sclerosis|
            TECFIDERA|DIMETHYL FUMARATE|Oral|CAPSULE|MG|240|BID|Multiple sclerosis|
            GILENYA|FINGOLIMOD HYDROCHLORIDE|Oral|CAPSULE|MG|0.5|QD|Multiple sclerosis|
            COPAXONE|GLATIRAMER ACETATE|Subcutaneous|INJECTION|MG|40|TIW|Multiple sclerosis|
            IBRANCE|PALBOCICLIB|Oral|CAPSULE|MG|125|QD|Breast cancer|
            IMBRUVICA|IBRUTINIB|Oral|CAPSULE|MG|420|QD|Chronic lymphocytic leukaemia|
            DARZALEX|DARATUMUMAB|Intravenous|INJECTION|MG|1200|QW|Plasma cell myeloma|
            VELCADE|BORTEZOMIB|Subcutaneous|INJECTION|MG|2|BIW|Plasma cell myeloma|
            POMALYST|POMALIDOMIDE|Oral|CAPSULE|MG|4|QD|Plasma cell myeloma|
            XTANDI|ENZALUTAMIDE|Oral|CAPSULE|MG|160|QD|Prostate cancer|
            ZYTIGA|ABIRATERONE ACETATE|Oral|TABLET|MG|1000|QD|Prostate cancer|
            TAGRISSO|OSIMERTINIB MESYLATE|Oral|TABLET|MG|80|QD|Non-small cell lung cancer|
            LYNPARZA|OLAPARIB|Oral|TABLET|MG|300|BID|Ovarian cancer|
            VERZENIO|ABEMACICLIB|Oral|TABLET|MG|150|BID|Breast cancer|
            JAKAFI|RUXOLITINIB PHOSPHATE|Oral|TABLET|MG|20|BID|Myelofibrosis|
            ENTRESTO|SACUBITRIL\\VALSARTAN|Oral|TABLET|MG|97|BID|Cardiac failure|
            FARXIGA|DAPAGLIFLOZIN PROPANEDIOL|Oral|TABLET|MG|10|QD|Type 2 diabetes mellitus|
            JANUVIA|SITAGLIPTIN PHOSPHATE|Oral|TABLET|MG|100|QD|Type 2 diabetes mellitus|
            LANTUS|INSULIN GLARGINE|Subcutaneous|INJECTION|IU|20|QD|Diabetes mellitus|LANTUS SOLOSTAR
            HUMALOG|INSULIN LISPRO|Subcutaneous|INJECTION|IU|8|TID|Diabetes mellitus|
            VICTOZA|LIRAGLUTIDE|Subcutaneous|INJECTION|MG|1.2|QD|Type 2 diabetes mellitus|
            MOUNJARO|TIRZEPATIDE|Subcutaneous|INJECTION|MG|5|QW|Type 2 diabetes mellitus|
            PROLIA|DENOSUMAB|Subcutaneous|INJECTION|MG|60|Q6M|Osteoporosis|
            FORTEO|TERIPARATIDE|Subcutaneous|INJECTION|UG|20|QD|Osteoporosis|
            XOLAIR|OMALIZUMAB|Subcutaneous|INJECTION|MG|300|Q4W|Asthma|
            NUCALA|MEPOLIZUMAB|Subcutaneous|INJECTION|MG|100|Q4W|Asthma|
            SYMBICORT|BUDESONIDE\\FORMOTEROL FUMARATE DIHYDRATE|Respiratory (inhalation)|INHALATION AEROSOL|UG|160|BID|Asthma|
            SPIRIVA|TIOTROPIUM BROMIDE MONOHYDRATE|Respiratory (inhalation)|INHALATION POWDER|UG|18|QD|Chronic obstructive pulmonary disease|
            SINGULAIR|MONTELUKAST SODIUM|Oral|TABLET|MG|10|QD|Asthma|
            ZOLOFT|SERTRALINE HYDROCHLORIDE|Oral|TABLET|MG|50|QD|Depression|
            LEXAPRO|ESCITALOPRAM OXALATE|Oral|TABLET|MG|10|QD|Depression|
            CYMBALTA|DULOXETINE HYDROCHLORIDE|Oral|CAPSULE|MG|60|QD|Depression|
            SEROQUEL|QUETIAPINE FUMARATE|Oral|TABLET|MG|100|QD|Schizophrenia|
            ABILIFY|ARIPIPRAZOLE|Oral|TABLET|MG|10|QD|Schizophrenia|
            RISPERDAL|RISPERIDONE|Oral|TABLET|MG|2|BID|Schizophrenia|
            XANAX|ALPRAZOLAM|Oral|TABLET|MG|0.5|TID|Anxiety|
            AMBIEN|ZOLPIDEM TARTRATE|Oral|TABLET|MG|10|QD|Insomnia|
            LYRICA|PREGABALIN|Oral|CAPSULE|MG|75|BID|Neuralgia|
            GABAPENTIN|GABAPENTIN|Oral|CAPSULE|MG|300|TID|Pain|
            OXYCONTIN|OXYCODONE HYDROCHLORIDE|Oral|TABLET|MG|20|BID|Pain|
            TRAMADOL|TRAMADOL HYDROCHLORIDE|Oral|TABLET|MG|50|QID|Pain|
            ACETAMINOPHEN|ACETAMINOPHEN|Oral|TABLET|MG|500|PRN|Pain|TYLENOL
            IBUPROFEN|IBUPROFEN|Oral|TABLET|MG|400|TID|Pain|
            WARFARIN|WARFARIN SODIUM|Oral|TABLET|MG|5|QD|Atrial fibrillation|COUMADIN
            PLAVIX|CLOPIDOGREL BISULFATE|Oral|TABLET|MG|75|QD|Product used for unknown indication|
            LIPITOR|ATORVASTATIN CALCIUM|Oral|TABLET|MG|20|QD|Hypercholesterolaemia|ATORVASTATIN
            CRESTOR|ROSUVASTATIN CALCIUM|Oral|TABLET|MG|10|QD|Hypercholesterolaemia|
            SIMVASTATIN|SIMVASTATIN|Oral|TABLET|MG|20|QD|Hypercholesterolaemia|
            LISINOPRIL|LISINOPRIL|Oral|TABLET|MG|10|QD|Hypertension|
            AMLODIPINE|AMLODIPINE BESYLATE|Oral|TABLET|MG|5|QD|Hypertension|
            LOSARTAN|LOSARTAN POTASSIUM|Oral|TABLET|MG|50|QD|Hypertension|
            METOPROLOL|METOPROLOL TARTRATE|Oral|TABLET|MG|25|BID|Hypertension|
            HYDROCHLOROTHIAZIDE|HYDROCHLOROTHIAZIDE|Oral|TABLET|MG|25|QD|Hypertension|
            FUROSEMIDE|FUROSEMIDE|Oral|TABLET|MG|40|QD|Oedema|
            OMEPRAZOLE|OMEPRAZOLE|Oral|CAPSULE|MG|20|QD|Gastrooesophageal reflux disease|
            PANTOPRAZOLE|PANTOPRAZOLE SODIUM|Oral|TABLET|MG|40|QD|Gastrooesophageal reflux disease|
            NEXIUM|ESOMEPRAZOLE MAGNESIUM|Oral|CAPSULE|MG|40|QD|Gastrooesophageal reflux disease|
            LEVOTHYROXINE|LEVOTHYROXINE SODIUM|Oral|TABLET|UG|50|QD|Hypothyroidism|SYNTHROID
            DEXAMETHASONE|DEXAMETHASONE|Oral|TABLET|MG|4|QD|Product used for unknown indication|
            PAXLOVID|NIRMATRELVIR\\RITONAVIR|Oral|TABLET|MG|300|BID|COVID-19|
            BIKTARVY|BICTEGRAVIR SODIUM\\EMTRICITABINE\\TENOFOVIR ALAFENAMIDE FUMARATE|Oral|TABLET|MG|50|QD|HIV infection|
            TRUVADA|EMTRICITABINE\\TENOFOVIR DISOPROXIL FUMARATE|Oral|TABLET|MG|200|QD|Prophylaxis against HIV infection|
            EPCLUSA|SOFOSBUVIR\\VELPATASVIR|Oral|TABLET|MG|400|QD|Hepatitis C|
            KESIMPTA|OFATUMUMAB|Subcutaneous|INJECTION|MG|20|Q4W|Multiple sclerosis|
            SOLIRIS|ECULIZUMAB|Intravenous|INJECTION|MG|900|Q2W|Paroxysmal nocturnal haemoglobinuria|
            AIMOVIG|ERENUMAB-AOOE|Subcutaneous|INJECTION|MG|70|Q4W|Migraine|
            NURTEC ODT|RIMEGEPANT SULFATE|Oral|TABLET, ORALLY DISINTEGRATING|MG|75|PRN|Migraine|
            BOTOX|ONABOTULINUMTOXINA|Intramuscular|INJECTION|IU|100|Q12W|Migraine|
            TACROLIMUS|TACROLIMUS|Oral|CAPSULE|MG|1|BID|Prophylaxis against transplant rejection|PROGRAF
            CELLCEPT|MYCOPHENOLATE MOFETIL|Oral|TABLET|MG|500|BID|Prophylaxis against transplant rejection|
            RITUXAN|RITUXIMAB|Intravenous|INJECTION|MG|375|QW|Diffuse large B-cell lymphoma|
            HERCEPTIN|TRASTUZUMAB|Intravenous|INJECTION|MG|440|Q3W|Breast cancer|
            AVASTIN|BEVACIZUMAB|Intravenous|INJECTION|MG|400|Q3W|Colorectal cancer|
            TECVAYLI|TECLISTAMAB-CQYV|Subcutaneous|INJECTION|MG/KG|1.5|QW|Plasma cell myeloma|
            CARBOPLATIN|CARBOPLATIN|Intravenous|INJECTION|MG|400|Q3W|Ovarian cancer|
            CYCLOPHOSPHAMIDE|CYCLOPHOSPHAMIDE|Intravenous|INJECTION|MG|500|QD|Product used for unknown indication|
            FLUDARABINE|FLUDARABINE PHOSPHATE|Intravenous|INJECTION|MG|30|QD|Product used for unknown indication|
            ACTEMRA|TOCILIZUMAB|Intravenous|INJECTION|MG/KG|8|1X|Rheumatoid arthritis|
            """;

    /** route|dose_form|dose_unit|dose_amt|dose_freq of the synthetic tail, assigned by rank. */
    private static final String[][] TAIL_DOSING = {
            {"Oral", "TABLET", "MG", "10", "QD"},
            {"Oral", "CAPSULE", "MG", "100", "BID"},
            {"Oral", "TABLET", "MG", "50", "TID"},
            {"Subcutaneous", "INJECTION", "MG", "40", "QW"},
            {"Intravenous", "INJECTION", "MG", "100", "Q4W"},
            {"Intramuscular", "INJECTION", "MG", "50", "QM"},
            {"Topical", "CREAM", "G", "1", "BID"},
            {"Transdermal", "PATCH", "UG", "25", "QW"},
            {"Respiratory (inhalation)", "INHALATION POWDER", "UG", "100", "BID"},
    };

    private static final String[] TAIL_INDICATIONS = {
            "Product used for unknown indication", "Hypertension", "Rheumatoid arthritis", "Type 2 diabetes mellitus",
            "Pain", "Depression", "Psoriasis", "Asthma", "Multiple sclerosis", "Breast cancer", "Atrial fibrillation",
            "Migraine", "Osteoarthritis", "Epilepsy", "Hypercholesterolaemia", "Insomnia",
    };

    private final Drug[] drugs;
    private final ZipfSampler zipf;
    /** Every drugname, variant and respelling to its product (lookups only, never iterated). */
    private final Map<String, Drug> byName = new HashMap<>();

    DrugVocabulary() {
        List<Drug> list = new ArrayList<>(SIZE);
        for (String line : HEAD.strip().split("\n")) {
            String[] f = line.split("\\|", -1);
            List<String> variants = f[8].isEmpty() ? List.of() : List.of(f[8].split(";"));
            List<Spelling> respellings = RESPELLED.contains(f[0]) ? respellings(f[0], f[1], f[5], f[4], f[3])
                    : List.of();
            int rank = list.size();
            list.add(new Drug(rank, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], ndaNum(rank), variants,
                    respellings));
        }
        int width = Math.max(4, Integer.toString(SIZE).length());
        for (int rank = list.size(); rank < SIZE; rank++) {
            String name = "SYNDRUG " + zeroPadded(rank, width);
            long h = Seeds.mix(rank, 0);
            String[] dosing = TAIL_DOSING[(int) Long.remainderUnsigned(h, TAIL_DOSING.length)];
            String indication = TAIL_INDICATIONS[(int) Long.remainderUnsigned(h >>> 16, TAIL_INDICATIONS.length)];
            list.add(new Drug(rank, name, name, dosing[0], dosing[1], dosing[2], dosing[3], dosing[4], indication,
                    ndaNum(rank), List.of(), List.of()));
        }
        drugs = list.toArray(Drug[]::new);
        zipf = new ZipfSampler(SIZE, ZIPF_EXPONENT);
        for (Drug drug : drugs) {
            register(drug.drugname(), drug);
            drug.variants().forEach(variant -> register(variant, drug));
            drug.respellings().forEach(spelling -> register(spelling.text(), drug));
        }
    }

    private void register(String name, Drug drug) {
        Drug earlier = byName.putIfAbsent(name, drug);
        if (earlier != null && earlier != drug) {
            throw new IllegalStateException(name + " names both " + earlier.drugname() + " and " + drug.drugname());
        }
    }

    /**
     * The respellings of a product dosed {@code amount unit} as {@code form}: strength and form added ("ELIQUIS 5 MG
     * TABLETS", "XARELTO 20MG"), case and punctuation ("eliquis.", "Eliquis /", "ELIQUIS/"), bracketed text
     * ("ELIQUIS (APIXABAN)", "APIXABAN (ELIQUIS)") and the ingredient with its strength ("apixaban 5 mg"). Those that
     * clean to the ingredient resolve by cleaning, the others (they clean to the brand) by the learned dictionary.
     */
    static List<Spelling> respellings(String brand, String ingredient, String amount, String unit, String form) {
        String lower = brand.toLowerCase(Locale.ROOT);
        Resolution ofBrand = brand.equals(ingredient) ? Resolution.CLEANING : Resolution.LEARNED_DICTIONARY;
        String forms = form.equals("INJECTION") ? form : form + "S";
        List<Spelling> spellings = new ArrayList<>();
        spellings.add(new Spelling(brand + " " + amount + " " + unit + " " + forms, ofBrand));
        spellings.add(new Spelling(brand + " " + amount + unit, ofBrand));
        spellings.add(new Spelling(lower + ".", ofBrand));
        spellings.add(new Spelling(Character.toUpperCase(lower.charAt(0)) + lower.substring(1) + " /", ofBrand));
        spellings.add(new Spelling(brand + "/", ofBrand));
        if (!brand.equals(ingredient)) {
            spellings.add(new Spelling(brand + " (" + ingredient + ")", Resolution.LEARNED_DICTIONARY));
            spellings.add(new Spelling(ingredient + " (" + brand + ")", Resolution.CLEANING));
        }
        spellings.add(new Spelling(ingredient.toLowerCase(Locale.ROOT) + " " + amount + " "
                + unit.toLowerCase(Locale.ROOT), Resolution.CLEANING));
        return List.copyOf(spellings);
    }

    Drug draw(SplittableRandom rng) {
        return drugs[zipf.sample(rng)];
    }

    /** A head drug by its drugname, e.g. the lymphodepletion agents of CAR-T reports. */
    Drug named(String drugname) {
        Drug drug = byName.get(drugname);
        if (drug == null || !drug.drugname().equals(drugname)) {
            throw new IllegalArgumentException("no such drug in the vocabulary: " + drugname);
        }
        return drug;
    }

    /** The product a drugname, variant or respelling names, or null for another name (a CAR-T product). */
    Drug ofName(String name) {
        return byName.get(name);
    }

    /** Every product, by rank. */
    List<Drug> all() {
        return List.of(drugs);
    }

    /**
     * Application number of a product: about a third with a leading zero as some FDA rows have ("020272"), a tenth
     * without any (OTC, foreign).
     */
    private static String ndaNum(int rank) {
        long h = Seeds.mix(rank, 1);
        int bucket = (int) Long.remainderUnsigned(h, 10);
        int digits = (int) Long.remainderUnsigned(h >>> 8, 90_000);
        if (bucket < 3) {
            return "0" + (10_000 + digits);
        }
        if (bucket < 9) {
            return Integer.toString(bucket < 6 ? 10_000 + digits : 125_000 + digits % 1000);
        }
        return "";
    }

    static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
