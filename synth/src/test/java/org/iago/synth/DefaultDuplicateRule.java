package org.iago.synth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Issue 19's default duplicate rule, "demographic-clinical", in plain Java on a generated extract's DEMO, DRUG, REAC
 * and DELETE files: of every caseid the latest version (highest caseversion), unless a DELETE file lists the caseid;
 * two such reports of different caseids are duplicates when they agree on sex (M or F), age in years, reporter
 * country, event_dt to the day, the set of PTs and the set of suspect ingredients, all present. Of a group the kept
 * report has the latest fda_dt, then the highest caseid.
 */
final class DefaultDuplicateRule {

    /** Days per year and weeks per year of the age conversion; the generator's ages do not depend on the choice. */
    static final double DAYS_PER_YEAR = 365;
    static final double WEEKS_PER_YEAR = 52;

    /** The fields the rule compares; null or empty when missing. */
    record Fields(String sex, Integer ageYears, String reporterCountry, String eventDt, Set<String> pts,
                  Set<String> suspectIngredients) {

        boolean complete() {
            return sex != null && ageYears != null && reporterCountry != null && eventDt != null && !pts.isEmpty()
                    && !suspectIngredients.isEmpty();
        }

        /** The names of the fields in which two reports differ, as curation.yaml names them. */
        List<String> differences(Fields other) {
            List<String> names = new ArrayList<>();
            add(names, "sex", sex, other.sex);
            add(names, "age_years", ageYears, other.ageYears);
            add(names, "reporter_country", reporterCountry, other.reporterCountry);
            add(names, "event_dt", eventDt, other.eventDt);
            add(names, "pts", pts, other.pts);
            add(names, "suspect_ingredients", suspectIngredients, other.suspectIngredients);
            return names;
        }

        private static void add(List<String> names, String name, Object a, Object b) {
            if (a == null || !a.equals(b)) {
                names.add(name);
            }
        }
    }

    /** A latest, not deleted report. */
    record LatestReport(int caseid, String primaryid, int fdaDt, Fields fields) {
    }

    /** Latest, not deleted reports by caseid. */
    final Map<Integer, LatestReport> latest;
    /** Groups of two or more duplicates, each with its kept report first, in order of the kept caseid. */
    final List<List<LatestReport>> groups;
    private final Map<Integer, List<LatestReport>> groupByCaseid = new HashMap<>();

    private DefaultDuplicateRule(Map<Integer, LatestReport> latest, List<List<LatestReport>> groups) {
        this.latest = latest;
        this.groups = groups;
        for (List<LatestReport> group : groups) {
            group.forEach(report -> groupByCaseid.put(report.caseid(), group));
        }
    }

    static DefaultDuplicateRule apply(GeneratedExtract extract, DrugNameRule drugNames) throws IOException {
        Map<Integer, String[]> demoOf = new HashMap<>();
        Map<Integer, Integer> quarterOf = new HashMap<>();
        Set<Integer> deleted = new HashSet<>();
        for (int k = 0; k < extract.quarterCount(); k++) {
            for (String[] demo : extract.records(k, "DEMO")) {
                int caseid = Integer.parseInt(demo[1]);
                String[] earlier = demoOf.get(caseid);
                if (earlier == null || Integer.parseInt(demo[2]) > Integer.parseInt(earlier[2])) {
                    demoOf.put(caseid, demo);
                    quarterOf.put(caseid, k);
                }
            }
            if (k > 0) {
                for (String[] id : extract.records(k, "DELETE")) {
                    deleted.add(Integer.parseInt(id[0]));
                }
            }
        }
        Map<String, List<String[]>> drugsOf = new HashMap<>();
        Map<String, Set<String>> ptsOf = new HashMap<>();
        for (int k = 0; k < extract.quarterCount(); k++) {
            for (String[] drug : extract.records(k, "DRUG")) {
                drugsOf.computeIfAbsent(drug[0], p -> new ArrayList<>()).add(drug);
            }
            for (String[] reac : extract.records(k, "REAC")) {
                ptsOf.computeIfAbsent(reac[0], p -> new TreeSet<>()).add(DrugNameRule.normalise(reac[2]));
            }
        }
        Map<Integer, LatestReport> latest = new TreeMap<>();
        demoOf.forEach((caseid, demo) -> {
            if (!deleted.contains(caseid)) {
                Fields fields = new Fields(sex(demo[16]), ageYears(demo[13], demo[14]), country(demo[23]),
                        demo[4].length() == 8 ? demo[4] : null, ptsOf.getOrDefault(demo[0], Set.of()),
                        drugNames.suspectIngredients(drugsOf.getOrDefault(demo[0], List.of())));
                latest.put(caseid, new LatestReport(caseid, demo[0], Integer.parseInt(demo[7]), fields));
            }
        });
        Map<Fields, List<LatestReport>> byFields = new HashMap<>();
        for (LatestReport report : latest.values()) {
            if (report.fields().complete()) {
                byFields.computeIfAbsent(report.fields(), f -> new ArrayList<>()).add(report);
            }
        }
        Comparator<LatestReport> keptFirst = Comparator.comparingInt(LatestReport::fdaDt)
                .thenComparingInt(LatestReport::caseid).reversed();
        List<List<LatestReport>> groups = new ArrayList<>();
        for (List<LatestReport> group : byFields.values()) {
            if (group.size() > 1) {
                group.sort(keptFirst);
                groups.add(group);
            }
        }
        groups.sort(Comparator.comparingInt(group -> group.get(0).caseid()));
        return new DefaultDuplicateRule(latest, groups);
    }

    /** The group a caseid belongs to, or null. */
    List<LatestReport> groupOf(int caseid) {
        return groupByCaseid.get(caseid);
    }

    private static String sex(String sex) {
        return sex.equals("M") || sex.equals("F") ? sex : null;
    }

    private static String country(String country) {
        String trimmed = country.trim().toUpperCase(Locale.ROOT);
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The age in whole years, or null when age or age_cod is missing. */
    static Integer ageYears(String age, String ageCod) {
        if (age.isEmpty() || ageCod.isEmpty()) {
            return null;
        }
        double value = Double.parseDouble(age);
        double years = switch (ageCod) {
            case "DEC" -> value * 10;
            case "YR" -> value;
            case "MON" -> value / 12;
            case "WK" -> value / WEEKS_PER_YEAR;
            case "DY" -> value / DAYS_PER_YEAR;
            case "HR" -> value / (DAYS_PER_YEAR * 24);
            default -> throw new IllegalArgumentException("age_cod " + ageCod);
        };
        return (int) Math.floor(years);
    }
}
