package org.iago.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.iago.dictionary.ProductDictionary;
import org.iago.vocabulary.ComparatorColumn;
import org.iago.vocabulary.InteractionColumn;
import org.iago.vocabulary.MaskingColumn;
import org.iago.vocabulary.OutputColumn;
import org.iago.vocabulary.PriorityColumn;
import org.iago.vocabulary.RunLayout;
import org.iago.vocabulary.SignalColumn;

/**
 * A small hand-written run folder in the layout of the nightly pipeline, with what the report must cope with: small
 * counts (1 to 4 under k = 5), a drug named like a script, a name with a comma and an ampersand, infinite bounds,
 * registry tables with extra columns, every kind of signal status. Values are invented; only their shape is real.
 */
final class ReportFixture {

    static final int K = 5;
    static final String SCRIPT_DRUG = "<script>alert(1)</script>";
    static final String PARKINSONISM = "Parkinsonism and movement/neurocognitive toxicity";
    static final String CSV_HEADER = String.join(",", OutputColumn.names(SignalColumn.COLUMNS));

    private ReportFixture() {
    }

    static ReportOptions options() {
        List<ProductDictionary.Product> products = List.of(
                new ProductDictionary.Product("CARVYKTI", "CILTACABTAGENE AUTOLEUCEL", "BCMA", "4-1BB", List.of()),
                new ProductDictionary.Product("ABECMA", "IDECABTAGENE VICLEUCEL", "BCMA", "4-1BB", List.of()),
                new ProductDictionary.Product("YESCARTA", "AXICABTAGENE CILOLEUCEL", "CD19", "CD28", List.of()),
                new ProductDictionary.Product("KYMRIAH", "TISAGENLECLEUCEL", "CD19", "4-1BB", List.of()),
                new ProductDictionary.Product(SCRIPT_DRUG, "NOT A PRODUCT", "CD19", "CD28", List.of()));
        return new ReportOptions("IAGO signal report — fixture run", List.of(
                new ReportOptions.Focus("BCMA", PARKINSONISM, List.of("PARKINSONISM")),
                new ReportOptions.Focus("CD19", "INFECTION", List.of("Infections, bacterial", "Infections, viral")),
                new ReportOptions.Focus(SCRIPT_DRUG, "CRS")),
                K, "signals:\n  ror: {minLower: 1.0, minReports: 3}\n  ebgm: {minEb05: 2.0}\n", products);
    }

    /** The whole run folder. */
    static Path write(Path run) throws IOException {
        signals(run);
        onset(run);
        registry(run);
        status(run);
        reviewQueue(run);
        provenance(run);
        return run;
    }

    static void signals(Path run) throws IOException {
        String pk = "\"" + PARKINSONISM + "\"";
        file(run, RunFolder.TARGET, CSV_HEADER,
                row("ABEMACICLIB", "Arthralgia", 1, 22, 161, 8501, 0.43, 2.3, 0.34, 16, 0.01, 2.4, 0.32, 17.9, 0.69,
                        -3.1, 2.3, 0.95, 0.8, 1.1, 0.27, 1.0, "false,false,false,false,false"),
                row("BCMA", pk, 12, 74, 7, 8592, 0.19, 171.4, 69.2, 424.8, 688.4, 199.0, 76.2, 519.7, 4.18, 3.25,
                        4.88, 57.2, 34.5, 90.4, 36.3, 0.001, "true,true,true,true,true,"
                                + "1.2E-40,3.0E-38,2.0E-9,4.0E-12,0.001,2.4E-37,4.5E-35,1.1E-6,2.2E-9,0.0032"),
                row("BCMA", "CRS", 40, 46, 100, 8499, 1.5, 38.6, 28.0, 53.2, 900.0, 73.9, 45.0, 121.0, 4.6, 4.1, 4.9,
                        24.0, 19.0, 29.0, 80.0, 0.001, "true,true,true,true,true"),
                row("CD19", pk, 2, 105, 17, 8561, 0.24, 9.5, 2.3, 39.3, 6.4, 9.6, 2.2, 42.0, 1.5, -0.4, 2.6, 2.9, 1.2,
                        6.0, 1.9, 0.21, "false,true,false,false,false"),
                row("CD19", "\"Infections, viral\"", 9, 98, 30, 8548, 0.5, 18.0, 8.8, 36.7, 120.0, 26.2, 12.1, 56.7,
                        3.2, 2.3, 3.8, 10.5, 6.0, 16.0, 15.0, 0.001, "true,true,true,true,true"),
                row("CD19", "\"Infections, bacterial\"", 3, 104, 12, 8566, 0.21, 14.0, 4.1, 48.0, 25.0, 14.4, 4.0,
                        52.0, 2.2, 0.5, 3.3, 4.1, 1.6, 8.9, 4.0, 0.04, "true,true,true,false,true"),
                row(SCRIPT_DRUG, "CRS", 4, 3, 136, 8542, 0.06, 35.0, 18.0, 68.0, 400.0, 83.0, 18.7, 371.0, 3.4, 1.9,
                        4.2, 6.0, 2.1, 12.0, 9.0, 0.001, "true,true,true,true,true"));
        file(run, RunFolder.PRODUCT, CSV_HEADER,
                row("ABECMA", pk, 3, 40, 16, 8626, 0.1, 40.0, 12.0, 131.0, 80.0, 40.4, 11.0, 148.0, 2.8, 1.0, 3.9,
                        14.0, 5.5, 30.0, 6.0, 0.01, "true,true,true,true,true"),
                row("CARVYKTI", pk, 9, 34, 10, 8632, 0.1, 189.0, 80.0, 446.0, 700.0, 228.5, 84.0, 620.0, 4.4, 3.4,
                        5.1, 60.0, 33.0, 98.0, 30.0, 0.001, "true,true,true,true,true"),
                row("KYMRIAH", pk, 1, 50, 18, 8616, 0.1, 9.6, 1.3, 70.0, 1.0, 9.6, 1.2, 75.0, 1.2, -2.0, 2.9, 1.6,
                        0.8, 4.0, 0.8, 0.6, "false,false,false,false,false"),
                row("YESCARTA", pk, 1, 56, 18, 8610, 0.1, 8.6, 1.2, 62.0, 0.8, 8.7, 1.1, 68.0, 1.1, -2.1, 2.8, 1.5,
                        0.7, 3.9, 0.7, 0.7, "false,false,false,false,false"),
                row(SCRIPT_DRUG, pk, 2, 0, 17, 8666, 0.01, 510.0, 120.0, 2200.0, 90.0, "Infinity", 0.0, "Infinity",
                        2.9, 0.6, 4.0, 8.0, 1.9, 22.0, 4.0, 0.02, "true,false,true,false,true"),
                row("YESCARTA", "\"Infections, viral\"", 6, 51, 33, 8595, 0.3, 12.0, 5.0, 28.0, 40.0, 13.0, 5.1, 33.0,
                        2.5, 1.4, 3.3, 7.0, 3.6, 12.0, 9.0, 0.001, "true,true,true,true,true"),
                row("KYMRIAH", "\"Infections, viral\"", 3, 48, 36, 8598, 0.3, 6.0, 1.9, 18.0, 8.0, 6.2, 1.8, 21.0,
                        1.6, 0.2, 2.6, 3.2, 1.3, 7.0, 2.0, 0.09, "true,true,true,false,false"));
        file(run, RunFolder.WITHIN_CLASS, CSV_HEADER,
                row("BCMA", pk, 12, 74, 2, 105, 1.5, 8.5, 2.0, 36.0, 12.0, 8.5, 1.9, 39.0, 2.3, 0.9, 3.1, 3.9, 1.6,
                        8.0, 3.0, 0.03, "true,true,true,false,true"),
                row("CD19", "\"Infections, viral\"", 9, 98, 0, 86, 5.0, "Infinity", 0.0, "Infinity", 3.0,
                        "Infinity", 0.0, "Infinity", 0.9, -0.2, 1.7, 1.4, 0.9, 2.2, 1.0, 0.3,
                        "false,false,false,false,false"));
        file(run, RunFolder.INTERACTION, String.join(",", OutputColumn.names(InteractionColumn.COLUMNS)),
                row("BCMA", "corticosteroids", pk, 9, 20, 3, 60, 40, 900, 2000, 800000, 0.45, 0.05, 0.044, 0.0025,
                        0.08, 1.6, 2.39, 1.47, 3.1, true),
                row("BCMA", "tocilizumab", pk, 2, 30, 10, 50, 3, 400, 2050, 800500, 0.067, 0.2, 0.0075, 0.0026,
                        0.2, 6.0, -1.4, -3.2, -0.2, false),
                row("CD19", "corticosteroids", "\"Infections, viral\"", 6, 40, 20, 300, 500, 9000, 8000, 800000,
                        0.15, 0.067, 0.056, 0.01, 0.12, 4.8, 0.3, -0.6, 1.1, false),
                row("KYMRIAH", "corticosteroids", "\"Infections, viral\"", 5, 10, 2, 100, 300, 9100, 8000, 800100,
                        0.5, 0.02, 0.033, 0.01, 0.04, 0.4, 3.1, 2.0, 3.9, true));
        file(run, RunFolder.MASKING, String.join(",", OutputColumn.names(MaskingColumn.COLUMNS)),
                row("BCMA", pk, "none", "", 9, 191, 4000, 795800, 1.9, 1.0, 3.6, 1.9, 0.97, 3.7, 1.0, 1.0, "NaN", false,
                        false),
                row("BCMA", pk, "masker", "ADALIMUMAB", 9, 191, 1200, 792600, 6.2, 3.3, 11.7, 6.3, 3.2, 12.3, 3.26, 3.3,
                        3.26, true, true),
                row("BCMA", pk, "masker", "RITUXIMAB", 9, 191, 3800, 795000, 2.0, 1.1, 3.8, 2.0, 1.02, 3.9, 1.05, 1.05,
                        1.05, false, true),
                row("BCMA", pk, "maskers", "ADALIMUMAB; RITUXIMAB", 9, 191, 1000, 791800, 7.4, 3.9, 14.0, 7.5, 3.8,
                        14.7, 3.9, 3.9, "NaN", true, true),
                row("BCMA", pk, "competing_events", "Cytokine release syndrome; ICANS", 9, 61, 4000, 790000, 5.8,
                        3.1, 10.8, 5.9, 3.0, 11.6, 3.05, 3.1, "NaN", true, true),
                row("CD19", "\"Infections, viral\"", "none", "", 9, 98, 86, 800000, 5.0, 2.6, 9.5, 5.0, 2.5, 10.0,
                        1.0, 1.0, "NaN", true, true),
                row("KYMRIAH", "\"Infections, viral\"", "none", "", 5, 50, 90, 800000, 5.0, 2.0, 12.0, 5.0, 2.0,
                        12.0, 1.0, 1.0, "NaN", true, true));
        file(run, RunFolder.COMPARATORS, String.join(",", OutputColumn.names(ComparatorColumn.COLUMNS)),
                row("BCMA", pk, "all", "all", 40, 160, 400, 800000, 500.0, 360.0, 690.0),
                row("BCMA", pk, "indication", "all", 40, 160, 90, 30000, 83.3, 58.0, 120.0),
                row("BCMA", pk, "indication", "adults", 38, 150, 85, 28000, 83.4, 57.0, 122.0),
                row("BCMA", pk, "all", "sex=F", 3, 70, 200, 400000, 85.7, 27.0, 270.0),
                row("BCMA", pk, "all", "sex=M", 0, 90, 200, 399000, 0.0, 0.0, "Infinity"),
                row("CD19", "\"Infections, viral\"", "all", "all", 9, 98, 5000, 800000, 14.7, 7.4, 29.0));
        file(run, RunFolder.EMERGENCE, "drug,event,first_prr,first_ror,first_ic,first_ebgm,first_llr",
                "BCMA," + pk + ",2023Q4,2023Q4,2024Q1,2024Q1,2024Q2",
                "CD19,\"Infections, viral\",2023Q3,2023Q3,2023Q4,2024Q2,2023Q4");
        List<String> series = new ArrayList<>();
        String[] quarters = {"2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3"};
        for (int q = 0; q < quarters.length; q++) {
            series.add(row("BCMA", pk, 2 + 2 * q + (q == 4 ? 2 : 0), 30 + 10 * q, 3 + q, 2000 * (q + 1), 0.1, 50,
                    10, 200, 50, 60, 10 + 10 * q, 300, 2 + 0.5 * q, 0.5 + 0.6 * q, 4, 5 + 10 * q, 0.8 + 1.2 * q,
                    30 + 10 * q, 10, 0.001, q >= 2 ? "true,true,true,true,true" : "true,true,false,false,false")
                    + "," + quarters[q]);
            series.add(row("CD19", "\"Infections, viral\"", 3 + q, 40 + 10 * q, 10 + 4 * q, 2000 * (q + 1), 0.2,
                    10, 3, 30, 20, 12, 3 + q, 40, 1.5, 0.3 * q, 3, 3 + q, 1.0 + 0.5 * q, 8 + q, 5, 0.01,
                    q >= 3 ? "true,true,true,true,true" : "true,true,true,false,true") + "," + quarters[q]);
        }
        file(run, RunFolder.EMERGENCE_SERIES, CSV_HEADER + ",quarter", series.toArray(String[]::new));
        json(run, RunFolder.MGPS_PRIOR, "{\"alpha1\": 0.09, \"beta1\": 0.015, \"alpha2\": 95.0, \"beta2\": 100.0, "
                + "\"p\": 0.005, \"negativeLogLikelihood\": 5107.9, \"convergedStarts\": 4, \"agreeingStarts\": 4, "
                + "\"onBoundary\": true, \"pairs\": 15274}");
    }

    static void onset(Path run) throws IOException {
        String caveat = "right-truncated: late onsets are under-reported so far";
        file(run, RunFolder.ONSET, "drug,event,reports,onsets,excluded_partial,excluded_negative,onset_median,"
                        + "onset_q1,onset_q3,weibull_shape,weibull_shape_lower,weibull_shape_upper,weibull_scale,"
                        + "weibull_p,hazard,ks_other_drugs_onsets,ks_other_drugs_d,ks_other_drugs_p,"
                        + "ks_other_events_onsets,ks_other_events_d,ks_other_events_p,ad_other_drugs_stat,ad_other_drugs_p,"
                        + "ad_other_events_stat,ad_other_events_p,caveat",
                "BCMA,\"" + PARKINSONISM + "\",13,13,0,0,77.0,68.0,93.0,2.91,1.80,4.70,84.3,1.3E-5,WEAR_OUT,"
                        + "40,0.62,2.1E-5,120,0.71,3.4E-7,9.8,4.4E-6,14.2,6.1E-8," + caveat,
                "CARVYKTI,\"" + PARKINSONISM + "\",9,8,1,0,80.0,70.0,95.0,3.1,1.7,5.6,88.0,1.0E-4,WEAR_OUT,"
                        + "45,0.58,0.0021,60,0.66,4.0E-4,6.3,3.3E-4,8.0,8.5E-5," + caveat,
                "CD19,\"" + PARKINSONISM + "\",2,2,0,0,,,,,,,,,,,,,,,,,,,,too few onsets for a fit",
                "CD19,\"Infections, viral\",9,9,0,0,15.0,7.0,27.0,1.30,0.75,2.26,16.6,0.35,RANDOM,"
                        + "300,0.21,0.74,80,0.35,0.18,0.4,0.52,1.6,0.073," + caveat,
                "CD19,CRS,75,64,11,0,6.0,3.0,9.25,0.54,0.46,0.64,15.3,1.5E-13,EARLY,"
                        + "900,0.44,1.2E-10,35,0.51,3.0E-6,38.5,2.2E-16,11.9,9.0E-6," + caveat,
                SCRIPT_DRUG + ",CRS,4,4,0,0,3.0,2.0,5.0,0.9,0.4,2.0,4.0,0.8,RANDOM,,,,,,,,,,," + caveat);
    }

    /** The registry tables in the layout of docs/outputs-tte.md, plus per-case onsets for a histogram. */
    static void registry(Path run) throws IOException {
        List<String> ci = new ArrayList<>();
        String[][] curves = {{"PARKINSONISM", "product", "CARVYKTI", "0.08", "60"},
                {"PARKINSONISM", "product", "ABECMA", "0.02", "45"}, {"PARKINSONISM", "target", "BCMA", "0.06", "55"},
                {"INFECTION", "product", "YESCARTA", "0.35", "20"}, {"INFECTION", "product", "KYMRIAH", "0.25", "25"},
                {"INFECTION", "product", "CARVYKTI", "0.30", "40"}};
        for (String[] c : curves) {
            for (String cause : List.of("event", "death")) {
                // death competes: a curve the chart must leave out (it would rise to 90%)
                double plateau = cause.equals("event") ? Double.parseDouble(c[3]) : 0.9;
                double scale = Double.parseDouble(c[4]);
                int atRisk = 120;
                for (int t = 5; t <= 180; t += 5) {
                    double est = plateau * (1 - Math.exp(-t / scale));
                    double se = Math.sqrt(est * (1 - est) / atRisk);
                    ci.add(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%d,%d,%.5f,%.7f,%.5f,%.5f", c[0], c[1], c[2],
                            cause, t, atRisk, t % 15 == 0 ? 3 : 1, est, se * se, Math.max(0, est - 1.96 * se),
                            Math.min(1, est + 1.96 * se)));
                    atRisk -= 2;
                }
            }
        }
        file(run, RunFolder.CUMULATIVE_INCIDENCE, "event,group_by,group,cause,time,at_risk,events,estimate,variance,"
                + "lower,upper", ci.toArray(String[]::new));
        file(run, RunFolder.CUMULATIVE_INCIDENCE_SUMMARY, "event,group_by,group,patients,events,competing_deaths,"
                        + "competing_relapses,cif_30d,cif_30d_lower,cif_30d_upper,cif_100d,cif_100d_lower,"
                        + "cif_100d_upper,cif_365d,cif_365d_lower,cif_365d_upper",
                "INFECTION,all,all,400,120,30,0,0.2,0.16,0.24,0.28,0.24,0.33,0.31,0.26,0.36",
                "INFECTION,product,YESCARTA,150,48,20,0,0.27,0.2,0.35,0.34,0.27,0.42,,,",
                "PARKINSONISM,all,all,400,11,31,0,0.0,0.0,0.0,0.02,0.01,0.04,0.03,0.015,0.05",
                "PARKINSONISM,product,ABECMA,80,2,10,0,0.0,0.0,0.0,0.01,0.0,0.05,0.02,0.004,0.07",
                "PARKINSONISM,product,CARVYKTI,120,9,3,0,0.0,0.0,0.0,0.065,0.03,0.12,0.08,0.04,0.14");
        file(run, RunFolder.GRAYS_TEST, "event,group_by,groups,group_labels,statistic,df,p_value",
                "INFECTION,product,3,CARVYKTI;KYMRIAH;YESCARTA,3.1,2,0.21",
                "PARKINSONISM,product,2,ABECMA;CARVYKTI,4.2,1,0.04");
        file(run, RunFolder.REGISTRY_ONSET, "event,group_by,group,onsets,onset_median,onset_q1,onset_q3,"
                        + "weibull_shape,weibull_shape_lower,weibull_shape_upper,weibull_scale,weibull_p,hazard,note",
                "PARKINSONISM,all,all,11,81.0,72.5,91.5,3.9,2.2,6.9,88.0,1.0E-5,WEAR_OUT,",
                "PARKINSONISM,product,ABECMA,2,,,,,,,,,,too few onsets for a fit",
                "PARKINSONISM,product,CARVYKTI,9,84.0,75.0,93.0,4.1,2.1,7.8,90.0,1.0E-4,WEAR_OUT,",
                "INFECTION,product,YESCARTA,48,9.0,4.0,21.0,0.9,0.7,1.1,14.0,0.3,RANDOM,");
        List<String> onsets = new ArrayList<>();
        int[] days = {62, 70, 75, 77, 81, 84, 90, 93, 101, 12, 40, 78, 80, 83, 85, 88};
        for (int i = 0; i < days.length; i++) {
            onsets.add("P" + (100 + i) + ",PARKINSONISM," + (i == 9 || i == 10 ? "ABECMA" : "CARVYKTI") + ",BCMA,"
                    + days[i]);
        }
        file(run, RunFolder.REGISTRY_ONSET_DAYS, "patient_id,event,product,target,onset_day",
                onsets.toArray(String[]::new));
        List<String> rates = new ArrayList<>();
        String[][] levels = {{"all", "all"}, {"pathogen_class", "BACTERIAL"}, {"pathogen_class", "VIRAL"},
                {"pathogen_class", "FUNGAL"}, {"severity", "1-2"}, {"severity", "3"}, {"severity", "4-5"},
                {"setting", "INPATIENT"}, {"setting", "OUTPATIENT"}, {"prophylaxis", "ON"}, {"prophylaxis", "OFF"},
                {"antibacterial_prophylaxis", "ON"}, {"antibacterial_prophylaxis", "OFF"}};
        String[][] groups = {{"all", "all"}, {"target", "CD19"}, {"target", "BCMA"}, {"product", "YESCARTA"},
                {"product", "KYMRIAH"}, {"product", "CARVYKTI"}};
        int n = 0;
        for (String[] l : levels) {
            for (String[] g : groups) {
                for (String w : List.of("0-30", "31-100", ">100")) {
                    int events = (n * 7) % 23;
                    double pd = 3000 + 250 * (n % 17);
                    rates.add(String.format(Locale.ROOT, "INFECTION,%s,%s,%s,%s,%s,%d,%.0f,%.4f,%.4f,%.4f", l[0],
                            l[1], g[0], g[1], w, events, pd, 100 * events / pd, 100 * events / pd * 0.6,
                            100 * events / pd * 1.6));
                    n++;
                }
            }
        }
        rates.add("PARKINSONISM,all,all,all,all,0-30,0,12000,0.0,0.0,0.03");
        file(run, RunFolder.INCIDENCE_RATES, "event,dimension,level,group_by,group,window,events,patient_days,rate,"
                + "lower,upper", rates.toArray(String[]::new));
        file(run, RunFolder.RATE_RATIOS, "comparison,group_by,group,window,index_events,index_patient_days,"
                        + "reference_events,reference_patient_days,rate_ratio,lower,upper,p_value",
                "bacterial_infection_antibacterial_prophylaxis,all,all,0-30,12,4000,30,5200,0.52,0.26,0.99,0.04",
                "bacterial_infection_antibacterial_prophylaxis,all,all,stratified,20,9000,41,10400,0.56,0.33,0.95,",
                "bacterial_infection_antibacterial_prophylaxis,target,CD19,0-30,3,1500,11,1900,0.35,0.06,1.3,0.1",
                "bacterial_infection_antibacterial_prophylaxis,target,BCMA,0-30,9,2500,19,3300,0.63,0.25,1.4,0.3",
                "infection_ivig_hypogammaglobulinaemia,all,all,31-100,9,2100,14,2000,0.61,0.24,1.5,0.28");
        file(run, RunFolder.GRADE_DISTRIBUTION, "category,derived_system,derived_grade,episodes,percent",
                "CRS,ASTCT,1,31,41.3", "CRS,ASTCT,2,30,40.0", "CRS,ASTCT,3,9,12.0", "CRS,ASTCT,4,2,2.7",
                "CRS,ASTCT,,3,4.0", "ICANS,ASTCT,1,20,50.0");
        file(run, RunFolder.GRADING_AGREEMENT, "category,derived_system,recorded_system,comparable,episodes,"
                        + "grade_not_recorded,ungradable,paired,exact_agreements,percent_exact_agreement,kappa,"
                        + "kappa_lower,kappa_upper,note",
                "CRS,ASTCT,ASTCT,true,70,0,3,67,58,86.6,0.79,0.68,0.9,",
                "CRS,ASTCT,LEE2014,false,5,0,0,5,4,80.0,,,,\"recorded in LEE2014, re-graded in ASTCT: no kappa\"");
        file(run, RunFolder.GRADING_CONFUSION, "category,recorded_system,recorded_grade,derived_grade,episodes",
                "CRS,ASTCT,1,1,28", "CRS,ASTCT,1,2,3", "CRS,ASTCT,2,2,25", "CRS,ASTCT,2,1,2", "CRS,ASTCT,3,3,9",
                "CRS,ASTCT,2,,3", "CRS,LEE2014,2,2,4", "CRS,LEE2014,3,2,1");
    }

    static void status(Path run) throws IOException {
        file(run, RunFolder.STATUS, "analysis,drug,event,method,status,previous_lower,current_lower",
                "target,BCMA,\"" + PARKINSONISM + "\",ebgm,NEW,1.8,34.5",
                "target,BCMA,\"" + PARKINSONISM + "\",ror,STRENGTHENED,40.1,76.2",
                "target,BCMA,CRS,ror,ONGOING,44.0,45.0",
                "target,CD19,\"Infections, viral\",ebgm,WEAKENED,7.0,6.0",
                "target,CD19,\"Infections, bacterial\",ebgm,NO_LONGER,2.1,1.6",
                "target," + SCRIPT_DRUG + ",CRS,ic,NEW,,1.9",
                "target,ABEMACICLIB,Arthralgia,prr,NEW,,1.2");
        // the script drug's CRS outranks Parkinsonism, so the new signals' table lists it first
        file(run, RunLayout.signals(RunLayout.TARGET, RunLayout.PRIORITY_CSV),
                String.join(",", OutputColumn.names(PriorityColumn.COLUMNS)),
                "BCMA,\"" + PARKINSONISM + "\",3.25,,12,10,6,3,0.75,3.25,3.46,0.5,1.58,0.75,9.04",
                SCRIPT_DRUG + ",CRS,1.5,,40,31,30,8,1,1.5,5,0.75,3,1,11.25");
    }

    /** Needing review: a MONITOR condition met, one never reviewed, one not CAR-T; one CONFIRMED, one REFUTED. */
    static void reviewQueue(Path run) throws IOException {
        file(run, RunFolder.REVIEW_QUEUE, "analysis,drug,event,needs_review,reason,detail,state,decided_at,reviewer,"
                        + "decision_reason,reports_at_decision,reports_now,new_reports,priority",
                "target," + SCRIPT_DRUG + ",CRS,true,NEVER_REVIEWED,never reviewed,,,,,,3,,11.25",
                "target,BCMA,\"" + PARKINSONISM + "\",true,MONITOR_REPORTS,6 new reports (condition: 5),MONITOR,"
                        + "2025-06-01T10:00:00Z,ana,\"few reports, watch\",6,12,6,9.04",
                "target,ABEMACICLIB,Arthralgia,true,NEVER_REVIEWED,never reviewed,,,,,,22,,",
                "target,BCMA,CRS,false,,,CONFIRMED,2025-05-02T09:00:00Z,bo,label change,40,45,5,",
                "target,CD19,\"Infections, viral\",false,,,REFUTED,2025-05-03T09:00:00Z,bo,confounded,30,31,1,");
    }

    static void provenance(Path run) throws IOException {
        json(run, RunFolder.PROVENANCE, """
                {"runId": "2025-06-30T02:00Z-fixture", "startedAt": "2025-06-30T02:00:00Z",
                 "finishedAt": "2025-06-30T02:41:17Z", "iagoVersion": "0.1.0-SNAPSHOT",
                 "gitCommit": "8196e56", "javaVersion": "17.0.15", "sparkVersion": "4.2.0",
                 "config": {"signals": {"drugLevel": "target", "roles": "ps", "strata": ["age_group", "sex"]},
                            "report": {"suppressBelow": 5}},
                 "inputs": [{"source": "faers", "file": "faers_ascii_2024q3.zip",
                             "sha256": "9f2c4e1b7a0d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a",
                             "lines": 1843921, "written": 1843917, "rejected": 4},
                            {"source": "registry", "file": "registry/patients.csv",
                             "sha256": "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c",
                             "lines": 1210, "written": 1210, "rejected": 0}],
                 "results": [{"step": "lakeCurate", "results": "<lake>/curated/", "run": "7", "reused": true,
                              "computedAt": "2025-06-29T02:03:00Z"},
                             {"step": "signalsDetect", "results": "signals/", "run": "7", "reused": true,
                              "computedAt": "2025-06-29T02:09:00Z"},
                             {"step": "onsetMeasure", "results": "onset/", "run": "9", "reused": false,
                              "computedAt": "2025-06-30T02:40:00Z"}],
                 "sources": [{"source": "FAERS", "reports": 8685, "from": "2004Q1", "to": "2024Q3"},
                             {"source": "registry", "patients": 412, "from": "2019-01-01", "to": "2025-05-31"},
                             {"source": "cases:pilot", "reports": 3, "from": "2025-01-01", "to": "2025-03-31"}],
                 "curation": {"demoRows": 9000, "reports": 8685, "olderVersions": 200, "deletedIdsKind": "caseid",
                              "deletedIds": 80, "deletedReports": 78, "duplicateRule": "demographic-clinical",
                              "duplicateReports": 37, "drugs": 400, "cartReports": 100,
                              "drugRowsBySource": {"products": 100, "user_dictionary": 0, "prod_ai": 1600,
                                                   "learned": 200, "drugname": 100},
                              "events": 300, "renamedPtRows": 0,
                              "unmappedDrugNames": [{"drugname": "XARELTO 20MG", "reports": 12},
                                                    {"drugname": "=HYPERLINK(1)", "reports": 2}]}}
                """);
    }

    private static String row(Object... values) {
        List<String> fields = new ArrayList<>();
        for (Object v : values) {
            fields.add(String.valueOf(v));
        }
        return String.join(",", fields);
    }

    private static void file(Path run, String part, String header, String... rows) throws IOException {
        Path f = run.resolve(part);
        Files.createDirectories(f.getParent());
        StringBuilder text = new StringBuilder(header).append('\n');
        for (String r : rows) {
            text.append(r).append('\n');
        }
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private static void json(Path run, String part, String text) throws IOException {
        Path f = run.resolve(part);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }
}
