package org.iago.synth;

import java.util.SplittableRandom;

/**
 * Background reaction terms (MedDRA PTs as in REAC.pt), Zipf-distributed by rank: a head of about 100 of the most
 * reported real PTs followed by a synthetic tail ({@code Synthetic event 0123}). The planted signal PTs are not in
 * it: they enter reports only through {@link SignalPlanter}, so their counts are known exactly.
 */
final class EventVocabulary {

    static final int SIZE = 4000;
    static final double ZIPF_EXPONENT = 1.0;

    private static final String[] HEAD = {
            "Drug ineffective", "Off label use", "Fatigue", "Nausea", "Death", "Headache", "Diarrhoea", "Pain",
            "Dyspnoea", "Product dose omission issue", "Rash", "Vomiting", "Dizziness", "Arthralgia", "Pruritus",
            "Malaise", "Inappropriate schedule of product administration", "Asthenia", "Pyrexia", "Weight decreased",
            "Condition aggravated", "Pneumonia", "Fall", "Cough", "Hypertension", "Insomnia", "Abdominal pain",
            "Anxiety", "Feeling abnormal", "Back pain", "Pain in extremity", "Drug hypersensitivity",
            "Product use in unapproved indication", "Constipation", "Decreased appetite", "Urinary tract infection",
            "Injection site pain", "COVID-19", "Alopecia", "Depression", "Oedema peripheral", "Weight increased",
            "Hypoaesthesia", "Paraesthesia", "Chest pain", "Myalgia", "Hospitalisation", "Gait disturbance",
            "Tremor", "Somnolence", "Anaemia", "Muscle spasms", "Peripheral swelling", "Memory impairment",
            "Neutropenia", "Thrombocytopenia", "Febrile neutropenia", "Sepsis", "Vision blurred", "Nasopharyngitis",
            "Influenza", "Confusional state", "Dehydration", "Hypotension", "Erythema", "Urticaria",
            "Abdominal pain upper", "Dyspepsia", "Infection", "Contusion", "Therapeutic product effect incomplete",
            "Underdose", "Overdose", "Toxicity to various agents", "Completed suicide", "Joint swelling",
            "Blood pressure increased", "Blood glucose increased", "Acute kidney injury", "Renal failure",
            "Cardiac failure", "Atrial fibrillation", "Myocardial infarction", "Cerebrovascular accident",
            "Pulmonary embolism", "Deep vein thrombosis", "Haemorrhage", "Gastrointestinal haemorrhage", "Seizure",
            "Syncope", "Loss of consciousness", "Palpitations", "Tachycardia", "Hyperhidrosis", "Dry mouth",
            "Disease progression", "Malignant neoplasm progression", "Interstitial lung disease",
            "Hepatic enzyme increased", "White blood cell count decreased", "Platelet count decreased",
            "Cytokine release syndrome",
    };

    private final String[] pts;
    private final ZipfSampler zipf;

    EventVocabulary() {
        pts = new String[SIZE];
        System.arraycopy(HEAD, 0, pts, 0, HEAD.length);
        int width = Math.max(4, Integer.toString(SIZE).length());
        for (int rank = HEAD.length; rank < SIZE; rank++) {
            pts[rank] = "Synthetic event " + DrugVocabulary.zeroPadded(rank, width);
        }
        zipf = new ZipfSampler(SIZE, ZIPF_EXPONENT);
    }

    String draw(SplittableRandom rng) {
        return pts[zipf.sample(rng)];
    }

    boolean contains(String pt) {
        for (String candidate : pts) {
            if (candidate.equals(pt)) {
                return true;
            }
        }
        return false;
    }
}
