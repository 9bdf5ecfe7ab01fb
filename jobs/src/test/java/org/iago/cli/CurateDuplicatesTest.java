package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.iago.csv.CsvReader;
import org.iago.curate.CurateJob;
import org.iago.curate.CurationRules;
import org.iago.curate.CurationSummary;
import org.iago.lake.CuratedTable;
import org.iago.lake.Lake;
import org.iago.spark.ParquetOutput;
import org.iago.testing.SharedSpark;
import org.iago.testing.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duplicate rule and the drug-name sources on a hand-written quarter whose every report is there for one case:
 * the rule's exact matches (with a tie on fda_dt, an age in months, a country in lower case, PTs in another case and
 * order, a suspect named by brand with a dose), its near-misses, its missing fields, and each source of an ingredient.
 */
class CurateDuplicatesTest {

    private static final String DEMO_HEADER = "primaryid$caseid$caseversion$i_f_code$event_dt$mfr_dt$init_fda_dt$fda_dt"
            + "$rept_cod$auth_num$mfr_num$mfr_sndr$lit_ref$age$age_cod$age_grp$sex$e_sub$wt$wt_cod$rept_dt$to_mfr"
            + "$occp_cod$reporter_country$occr_country";
    private static final String DRUG_HEADER = "primaryid$caseid$drug_seq$role_cod$drugname$prod_ai$val_vbm$route"
            + "$dose_vbm$cum_dose_chr$cum_dose_unit$dechal$rechal$lot_num$exp_dt$nda_num$dose_amt$dose_unit$dose_form"
            + "$dose_freq";

    @TempDir
    static Path work;
    static Path conf;
    static Lake lake;

    /** A report: caseid, event_dt, fda_dt, age, age_cod, sex, country, drugs "role:drugname:prod_ai", PTs. */
    private record Report(long caseid, String eventDt, String fdaDt, String age, String ageCod, String sex,
            String country, List<String> drugs, List<String> pts) {
    }

    private static final List<String> APIXABAN_PS = List.of("PS:ELIQUIS 5 MG TABLETS:", "C:ASPIRIN:ASPIRIN");

    static final List<Report> REPORTS = List.of(
            // one group under the default rule: 1006 kept (latest fda_dt, tied with 1002, higher caseid)
            new Report(1001, "20240110", "20240201", "65", "YR", "F", "US", APIXABAN_PS, List.of("Haemorrhage", "Anaemia")),
            new Report(1002, "20240110", "20240215", "785", "MON", "F", "us ", List.of("PS:APIXABAN:APIXABAN",
                    "C:METFORMIN:METFORMIN HYDROCHLORIDE"), List.of("anaemia", "HAEMORRHAGE ")),
            new Report(1006, "20240110", "20240215", "65", "YR", "F", "US", List.of("SS:Eliquis /:"),
                    List.of("Anaemia", "Haemorrhage")),
            // near-misses: one field differs
            new Report(1003, "20240111", "20240301", "65", "YR", "F", "US", APIXABAN_PS, List.of("Haemorrhage", "Anaemia")),
            new Report(1009, "20240110", "20240301", "66", "YR", "F", "US", APIXABAN_PS, List.of("Haemorrhage", "Anaemia")),
            new Report(1014, "20240110", "20240301", "65", "YR", "F", "US", APIXABAN_PS, List.of("Haemorrhage")),
            new Report(1015, "20240110", "20240301", "65", "YR", "F", "US", List.of("PS:XARELTO 20MG:",
                    "C:ASPIRIN:ASPIRIN"), List.of("Haemorrhage", "Anaemia")),
            // fields missing: never merged by default. Merging despite missing fields, 1007 (no country) joins the
            // group; 1004 (no sex) could be the F group or 1008 (M), and 1016 (a month, not a day) the group or 1003,
            // so both stay apart
            new Report(1004, "20240110", "20240301", "65", "YR", "", "US", APIXABAN_PS, List.of("Haemorrhage", "Anaemia")),
            new Report(1007, "20240110", "20240302", "65", "YR", "F", "", APIXABAN_PS, List.of("Haemorrhage", "Anaemia")),
            new Report(1008, "20240110", "20240101", "65", "YR", "M", "US", APIXABAN_PS, List.of("Haemorrhage", "Anaemia")),
            new Report(1016, "202401", "20240301", "65", "YR", "F", "US", APIXABAN_PS, List.of("Haemorrhage", "Anaemia")),
            // no suspect drug: never merged
            new Report(1017, "20240110", "20240301", "65", "YR", "F", "US", List.of("C:ASPIRIN:ASPIRIN"),
                    List.of("Haemorrhage", "Anaemia")),
            // the lake teaches ELIQUIS -> APIXABAN and HUMIRA -> ADALIMUMAB; MIXED is split 50:50, so not learned
            new Report(1010, "20230105", "20240110", "50", "YR", "M", "DE", List.of("PS:ELIQUIS:APIXABAN"), List.of("Nausea")),
            new Report(1011, "20230106", "20240110", "50", "YR", "M", "DE", List.of("PS:ELIQUIS:APIXABAN",
                    "C:HUMIRA:ADALIMUMAB", "C:MIXED:ALPHA"), List.of("Nausea")),
            new Report(1012, "20230107", "20240110", "51", "YR", "M", "DE", List.of("PS:HUMIRA:ADALIMUMAB",
                    "C:MIXED:BETA"), List.of("Nausea")),
            new Report(1013, "20230108", "20240110", "52", "YR", "M", "DE", List.of("PS:Humira (pen) /:",
                    "C:MIXED:", "C:ENTRESTO:VALSARTAN\\SACUBITRIL", "C:YESCARTA (AXICABTAGENE CILOLEUCEL):"),
                    List.of("Nausea")));

    @BeforeAll
    static void ingest() throws IOException {
        conf = Samples.root().resolveSibling("conf");
        lake = new Lake(work.resolve("lake"));
        Path extract = writeQuarter(work.resolve("faers_ascii_2024q1"));
        Cli.run("ingest", "faers", "--input", extract.toString(), "--lake", lake.root().toString());
    }

    @Test
    void theDefaultRuleMergesExactMatchesOnlyAndKeepsTheLatest() throws IOException {
        CurationSummary summary = curate(CurationRules.DuplicateRule.defaults());
        assertEquals(2, summary.duplicateReports());
        assertEquals(REPORTS.size() - 2, summary.reports());
        assertEquals(Map.of("1001", "1006", "1002", "1006"), merges(), "dropped -> kept, fda_dt then caseid");
        assertEquals(0L, ParquetOutput.read(SharedSpark.session(), lake.curatedLocation(CuratedTable.REPORTS))
                .where("caseid IN ('1001', '1002')").count());
    }

    @Test
    void mergingDespiteMissingFieldsNeedsOneMatchingGroup() throws IOException {
        CurationSummary summary = curate(new CurationRules.DuplicateRule("lenient", null, true));
        assertEquals(Map.of("1001", "1007", "1002", "1007", "1006", "1007"), merges(),
                "1007, without a country, has the latest fda_dt of the one group it agrees with");
        assertEquals(3, summary.duplicateReports());
        List<Row> missing = duplicates().where("dropped_caseid = '1001'").select("missing_fields").collectAsList();
        assertEquals("reporter_country", missing.get(0).getString(0), "missing on the kept report");
    }

    /** With the rule off, so that every report's drugs are in the curated tables. */
    @Test
    void everyDrugRowIsNamedBySourcesInOrder() throws IOException {
        CurationSummary summary = curate(CurationRules.DuplicateRule.none());
        assertEquals(0, summary.duplicateReports());
        assertEquals(REPORTS.size(), summary.reports());
        assertEquals("none", summary.duplicateRule());
        Map<String, String> sources = new TreeMap<>();
        Map<String, String> ingredients = new TreeMap<>();
        names().forEach((name, decided) -> {
            sources.put(name, decided.split(":")[0]);
            ingredients.put(name, decided.split(":")[1]);
        });
        assertEquals("learned", sources.get("ELIQUIS 5 MG TABLETS|"));
        assertEquals("APIXABAN", ingredients.get("ELIQUIS 5 MG TABLETS|"));
        assertEquals("APIXABAN", ingredients.get("ELIQUIS /|"));
        assertEquals("ADALIMUMAB", ingredients.get("HUMIRA (PEN) /|"), "brackets and the slash go, then learned");
        assertEquals("prod_ai", sources.get("ENTRESTO|VALSARTAN\\SACUBITRIL"));
        assertEquals("SACUBITRIL\\VALSARTAN", ingredients.get("ENTRESTO|VALSARTAN\\SACUBITRIL"), "sorted set");
        assertEquals("products", sources.get("YESCARTA (AXICABTAGENE CILOLEUCEL)|"));
        assertEquals("drugname", sources.get("MIXED|"), "two prod_ai at 50% each: below the purity");
        assertEquals("MIXED", ingredients.get("MIXED|"));
        assertEquals("XARELTO", ingredients.get("XARELTO 20MG|"));
        long rows = REPORTS.stream().mapToLong(r -> r.drugs().size()).sum();
        assertEquals(rows, summary.drugRowsBySource().values().stream().mapToLong(Long::longValue).sum(),
                "every drug row is decided by one source");

        List<List<String>> unmapped = CsvReader.read(lake.curated(CuratedTable.UNMAPPED_DRUG_NAMES));
        assertEquals(CuratedTable.UNMAPPED_COLUMNS, unmapped.get(0));
        assertEquals(List.of("MIXED", "XARELTO 20MG"), unmapped.subList(1, unmapped.size()).stream()
                .map(r -> r.get(0)).sorted().toList());
    }

    @Test
    void theUserDictionaryComesBeforeProdAiAndTheRuleUsesIt() throws IOException {
        Path userConf = work.resolve("conf-user");
        Files.createDirectories(userConf);
        for (String file : List.of("products.yaml", "term-groups.yaml")) {
            Files.copy(conf.resolve(file), userConf.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // the unmapped list, filled in, is a dictionary
        Files.writeString(userConf.resolve("names.csv"), "drugname,ingredients,reports\n"
                + "xarelto 20mg,rivaroxaban,1\nEntresto,valsartan,\nMIXED,,3\n", StandardCharsets.UTF_8);
        Files.writeString(userConf.resolve(CurationRules.FILE_NAME), "duplicates:\n  name: by-drug-and-event\n"
                + "  fields: [suspect_ingredients, pts, sex]\ndrug_names:\n  user_dictionary: names.csv\n",
                StandardCharsets.UTF_8);
        CurationSummary summary = CurateJob.fromConf(SharedSpark.session(), lake, userConf, null, null).run();
        Map<String, String> byName = names();
        assertEquals("user_dictionary:RIVAROXABAN", byName.get("XARELTO 20MG|"));
        assertEquals("user_dictionary:VALSARTAN", byName.get("ENTRESTO|VALSARTAN\\SACUBITRIL"), "before prod_ai");
        assertEquals("drugname:MIXED", byName.get("MIXED|"), "a line without ingredients maps nothing");
        // without age, country and event date, 1003, 1009 and 1016 are in 1001's group too (1004 has no sex)
        assertEquals("by-drug-and-event", summary.duplicateRule());
        assertTrue(merges().keySet().containsAll(List.of("1001", "1002", "1003", "1009", "1016")), merges()::toString);
    }

    @Test
    void aRuleWithoutSetsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new CurationRules.DuplicateRule("demographics", List.of(CurationRules.DuplicateField.SEX,
                        CurationRules.DuplicateField.AGE_YEARS), false));
        assertTrue(e.getMessage().contains("pts or suspect_ingredients"), e.getMessage());
    }

    private static CurationSummary curate(CurationRules.DuplicateRule rule) throws IOException {
        return CurateJob.fromConf(SharedSpark.session(), lake, conf, null, rule).run();
    }

    private static org.apache.spark.sql.Dataset<Row> duplicates() {
        return ParquetOutput.read(SharedSpark.session(), lake.curatedLocation(CuratedTable.DUPLICATES));
    }

    /** drugname|prod_ai -> source:ingredient, from {@code curated/drug_names}. */
    private static Map<String, String> names() {
        return ParquetOutput.read(SharedSpark.session(), lake.curatedLocation(CuratedTable.DRUG_NAMES)).collectAsList()
                .stream().collect(Collectors.toMap(r -> r.<String>getAs("drugname") + "|" + r.<String>getAs("prod_ai"),
                        r -> r.<String>getAs("source") + ":" + r.<String>getAs("ingredient"), (a, b) -> a + "," + b,
                        TreeMap::new));
    }

    /** dropped caseid -> kept caseid. */
    private static Map<String, String> merges() {
        Map<String, String> merges = new TreeMap<>();
        for (Row r : duplicates().collectAsList()) {
            merges.put(r.getAs("dropped_caseid"), r.getAs("kept_caseid"));
        }
        return merges;
    }

    /** The seven tables of a current-layout quarter, with only DEMO, DRUG and REAC filled. */
    private static Path writeQuarter(Path folder) throws IOException {
        Path ascii = Files.createDirectories(folder.resolve("ASCII"));
        List<String> demo = new ArrayList<>(List.of(DEMO_HEADER));
        List<String> drug = new ArrayList<>(List.of(DRUG_HEADER));
        List<String> reac = new ArrayList<>(List.of("primaryid$caseid$pt$drug_rec_act"));
        for (Report r : REPORTS) {
            long primaryid = r.caseid() * 10 + 1;
            demo.add(primaryid + "$" + r.caseid() + "$1$I$" + r.eventDt() + "$$" + r.fdaDt() + "$" + r.fdaDt()
                    + "$EXP$$$$$" + r.age() + "$" + r.ageCod() + "$$" + r.sex() + "$Y$$$$$MD$" + r.country() + "$US");
            int seq = 1;
            for (String d : r.drugs()) {
                String[] p = d.split(":", -1);
                drug.add(primaryid + "$" + r.caseid() + "$" + seq++ + "$" + p[0] + "$" + p[1] + "$" + p[2]
                        + "$1$$$$$$$$$$$$$");
            }
            for (String pt : r.pts()) {
                reac.add(primaryid + "$" + r.caseid() + "$" + pt + "$");
            }
        }
        Files.write(ascii.resolve("DEMO24Q1.txt"), demo, StandardCharsets.UTF_8);
        Files.write(ascii.resolve("DRUG24Q1.txt"), drug, StandardCharsets.UTF_8);
        Files.write(ascii.resolve("REAC24Q1.txt"), reac, StandardCharsets.UTF_8);
        Files.write(ascii.resolve("OUTC24Q1.txt"), List.of("primaryid$caseid$outc_cod"), StandardCharsets.UTF_8);
        Files.write(ascii.resolve("RPSR24Q1.txt"), List.of("primaryid$caseid$rpsr_cod"), StandardCharsets.UTF_8);
        Files.write(ascii.resolve("THER24Q1.txt"), List.of("primaryid$caseid$dsg_drug_seq$start_dt$end_dt$dur$dur_cod"),
                StandardCharsets.UTF_8);
        Files.write(ascii.resolve("INDI24Q1.txt"), List.of("primaryid$caseid$indi_drug_seq$indi_pt"),
                StandardCharsets.UTF_8);
        return folder;
    }
}
