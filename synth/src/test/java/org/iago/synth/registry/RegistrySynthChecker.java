package org.iago.synth.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validation rules of {@code docs/registry-format.md}, written from the document and independently of the
 * generator: it rejects rows as an ingest must, with file, line and reason.
 */
final class RegistrySynthChecker {

    record Rejection(String file, long line, String reason) {
    }

    private static final Map<String, int[]> GRADE_RANGES = Map.of("ASTCT", new int[]{1, 5}, "CTCAE5",
            new int[]{1, 5}, "LEE2014", new int[]{1, 5}, "CARTOX", new int[]{1, 4}, "EHA2023", new int[]{1, 4});
    private static final Map<String, Set<String>> CODES = Map.ofEntries(
            Map.entry("sex", Set.of("M", "F", "U")),
            Map.entry("death_cause", Set.of("RELAPSE", "INFECTION", "CRS", "ICANS", "IEC_HS", "SPM",
                    "CARDIOVASCULAR", "OTHER")),
            Map.entry("category", Set.of("CRS", "ICANS", "IEC_HS", "PARKINSONISM", "CRANIAL_NERVE_PALSY", "GBS",
                    "OTHER_NEURO", "ENTEROCOLITIS", "HYPOGAMMAGLOBULINAEMIA", "ICAHT_EARLY", "ICAHT_LATE", "OTHER")),
            Map.entry("grading_system", GRADE_RANGES.keySet()),
            Map.entry("hypotension", Set.of("NONE", "FLUIDS", "ONE_VASOPRESSOR", "MULTIPLE_VASOPRESSORS")),
            Map.entry("oxygen", Set.of("NONE", "LOW_FLOW", "HIGH_FLOW", "POSITIVE_PRESSURE")),
            Map.entry("consciousness", Set.of("NORMAL", "AWAKENS_SPONTANEOUSLY", "TO_VOICE", "TO_TOUCH",
                    "UNAROUSABLE")),
            Map.entry("seizure", Set.of("NONE", "RESOLVING", "PROLONGED")),
            Map.entry("motor_weakness", Set.of("Y", "N")),
            Map.entry("cerebral_oedema", Set.of("NONE", "FOCAL", "DIFFUSE")),
            Map.entry("pathogen_class", Set.of("BACTERIAL", "VIRAL", "FUNGAL", "OTHER")),
            Map.entry("setting", Set.of("INPATIENT", "OUTPATIENT")),
            Map.entry("on_prophylaxis", Set.of("Y", "N")),
            Map.entry("treatment", Set.of("TOCILIZUMAB", "STEROIDS", "ANAKINRA", "IVIG", "G_CSF",
                    "ANTIBACTERIAL_PROPHYLAXIS", "ANTIVIRAL_PROPHYLAXIS", "ANTIFUNGAL_PROPHYLAXIS")),
            Map.entry("type", Set.of("T_CELL_LYMPHOMA", "MDS", "AML", "SOLID", "SKIN", "OTHER")),
            Map.entry("car_transgene_detected", Set.of("Y", "N", "U")));
    private static final Map<String, double[]> RANGES = Map.of("age_years", new double[]{0, 120}, "prior_lines",
            new double[]{0, 30}, "max_temp_c", new double[]{30, 45}, "ice_score", new double[]{0, 10},
            "ctcae_grade", new double[]{1, 5}, "day", new double[]{-30, Double.MAX_VALUE},
            "anc_per_ul", new double[]{0, Double.MAX_VALUE}, "platelets_per_ul", new double[]{0, Double.MAX_VALUE});
    private static final Set<String> INTEGERS = Set.of("age_years", "prior_lines", "ice_score", "ctcae_grade", "day",
            "grade");
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "patients.csv", List.of("patient_id", "product", "infusion_date"),
            "outcomes.csv", List.of("patient_id", "last_follow_up_date"),
            "toxicities.csv", List.of("patient_id", "category", "onset_date"),
            "infections.csv", List.of("patient_id", "onset_date", "pathogen_class"),
            "labs.csv", List.of("patient_id", "day"),
            "management.csv", List.of("patient_id", "treatment", "start_date"),
            "neoplasms.csv", List.of("patient_id", "diagnosis_date", "type"));
    /** The date that starts an event of each child table, which must lie within follow-up. */
    private static final Map<String, String> EVENT_DATE = Map.of("toxicities.csv", "onset_date", "infections.csv",
            "onset_date", "management.csv", "start_date", "neoplasms.csv", "diagnosis_date");

    private final Set<String> products;
    private final List<Rejection> rejections = new ArrayList<>();
    private final Map<String, LocalDate> infusion = new HashMap<>();
    private final Map<String, LocalDate> followUpEnd = new HashMap<>();

    private RegistrySynthChecker(Set<String> products) {
        this.products = products;
    }

    /** Every rejection of the extract, in file and line order. */
    static List<Rejection> check(RegistrySynthExtract extract) throws IOException {
        RegistrySynthChecker checker = new RegistrySynthChecker(productNames());
        for (String file : RegistrySynthExtract.FILES) {
            List<String[]> lines = extract.lines(file);
            String[] header = lines.get(0);
            for (int i = 1; i < lines.size(); i++) {
                checker.checkRow(file, i + 1, header, lines.get(i));
            }
        }
        return checker.rejections;
    }

    /** Brand, generic and code names of conf/products.yaml, upper case. */
    static Set<String> productNames() throws IOException {
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("(?:brand|generic): (.+)|names: \\[(.*)]")
                .matcher(Files.readString(Path.of("../conf/products.yaml")));
        while (m.find()) {
            if (m.group(1) != null) {
                names.add(m.group(1).trim());
            } else {
                for (String name : m.group(2).split(",")) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    private void checkRow(String file, long line, String[] header, String[] fields) {
        if (fields.length != header.length) {
            rejections.add(new Rejection(file, line, fields.length + " fields, header has " + header.length));
            return;
        }
        Map<String, String> row = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            row.put(header[c], fields[c]);
        }
        String reason = reason(file, row);
        if (reason != null) {
            rejections.add(new Rejection(file, line, reason));
        }
    }

    private String reason(String file, Map<String, String> row) {
        for (String column : REQUIRED.get(file)) {
            if (row.get(column).isEmpty()) {
                return column + " missing";
            }
        }
        Map<String, LocalDate> dates = new HashMap<>();
        for (Map.Entry<String, String> e : row.entrySet()) {
            String column = e.getKey();
            String value = e.getValue();
            if (value.isEmpty()) {
                continue;
            }
            if (column.endsWith("_date")) {
                try {
                    dates.put(column, LocalDate.parse(value));
                } catch (DateTimeParseException ex) {
                    return column + " unparseable: " + value;
                }
            } else if (CODES.containsKey(column) && !CODES.get(column).contains(value)) {
                return column + " unknown code " + value;
            } else if (RANGES.containsKey(column) || INTEGERS.contains(column)) {
                String problem = number(column, value);
                if (problem != null) {
                    return problem;
                }
            }
        }
        String id = row.get("patient_id");
        switch (file) {
            case "patients.csv" -> {
                if (!products.contains(row.get("product"))) {
                    return "unknown product " + row.get("product");
                }
                if (infusion.containsKey(id)) {
                    return "duplicate patient_id " + id;
                }
                infusion.put(id, dates.get("infusion_date"));
                return null;
            }
            case "labs.csv" -> {
                if (row.get("anc_per_ul").isEmpty() && row.get("platelets_per_ul").isEmpty()) {
                    return "no count";
                }
                if (!infusion.containsKey(id)) {
                    return "orphan patient_id " + id;
                }
                LocalDate end = followUpEnd.get(id);
                return end != null && infusion.get(id).plusDays(Integer.parseInt(row.get("day"))).isAfter(end)
                        ? "lab after follow-up end" : null;
            }
            default -> {
            }
        }
        if (file.equals("toxicities.csv")) {
            String system = row.get("grading_system");
            if (!row.get("grade").isEmpty()) {
                if (system.isEmpty()) {
                    return "grade without grading system";
                }
                int grade = Integer.parseInt(row.get("grade"));
                int[] range = GRADE_RANGES.get(system);
                if (grade < range[0] || grade > range[1]) {
                    return "grade " + grade + " outside " + system;
                }
            }
        }
        if (!infusion.containsKey(id)) {
            return "orphan patient_id " + id;
        }
        LocalDate start = infusion.get(id);
        for (Map.Entry<String, LocalDate> e : dates.entrySet()) {
            LocalDate earliest = e.getKey().equals("start_date") ? start.minusDays(30) : start;
            if (e.getValue().isBefore(earliest)) {
                return e.getKey() + " before infusion";
            }
        }
        if (before(dates, "resolution_date", "onset_date") || before(dates, "end_date", "start_date")) {
            return "end before start";
        }
        if (file.equals("outcomes.csv")) {
            if (followUpEnd.containsKey(id)) {
                return "duplicate outcome for " + id;
            }
            if (before(dates, "death_date", "last_follow_up_date")) {
                return "last follow-up after death";
            }
            LocalDate end = dates.getOrDefault("death_date", dates.get("last_follow_up_date"));
            for (String event : List.of("relapse_date", "next_therapy_date")) {
                if (dates.containsKey(event) && dates.get(event).isAfter(end)) {
                    return event + " after follow-up end";
                }
            }
            followUpEnd.put(id, end);
            return null;
        }
        LocalDate end = followUpEnd.get(id);
        LocalDate event = dates.get(EVENT_DATE.get(file));
        return end != null && event.isAfter(end) ? "event after follow-up end" : null;
    }

    private static boolean before(Map<String, LocalDate> dates, String later, String earlier) {
        return dates.containsKey(later) && dates.containsKey(earlier) && dates.get(later).isBefore(dates.get(earlier));
    }

    private static String number(String column, String value) {
        double x;
        try {
            x = INTEGERS.contains(column) ? Integer.parseInt(value) : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return column + " not a number: " + value;
        }
        double[] range = RANGES.get(column);
        return range != null && (x < range[0] || x > range[1]) ? column + " out of range: " + value : null;
    }
}
