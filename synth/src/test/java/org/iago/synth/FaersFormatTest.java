package org.iago.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files follow FDA's FAERS ASCII layout and the relations between them hold. */
class FaersFormatTest {

    private static final Map<String, String> HEADERS = Map.of(
            "DEMO", "primaryid$caseid$caseversion$i_f_code$event_dt$mfr_dt$init_fda_dt$fda_dt$rept_cod$auth_num"
                    + "$mfr_num$mfr_sndr$lit_ref$age$age_cod$age_grp$sex$e_sub$wt$wt_cod$rept_dt$to_mfr$occp_cod"
                    + "$reporter_country$occr_country",
            "DRUG", "primaryid$caseid$drug_seq$role_cod$drugname$prod_ai$val_vbm$route$dose_vbm$cum_dose_chr"
                    + "$cum_dose_unit$dechal$rechal$lot_num$exp_dt$nda_num$dose_amt$dose_unit$dose_form$dose_freq",
            "REAC", "primaryid$caseid$pt$drug_rec_act",
            "OUTC", "primaryid$caseid$outc_cod",
            "RPSR", "primaryid$caseid$rpsr_cod",
            "THER", "primaryid$caseid$dsg_drug_seq$start_dt$end_dt$dur$dur_cod",
            "INDI", "primaryid$caseid$indi_drug_seq$indi_pt");
    private static final List<String> CHILD_FILES = List.of("DRUG", "REAC", "OUTC", "RPSR", "THER", "INDI");

    @TempDir
    static Path out;
    static GeneratedExtract extract;

    @BeforeAll
    static void generate() throws IOException {
        extract = GeneratedExtract.generate(out, "2023Q1..2023Q3", 2000, 11, false, false);
    }

    @Test
    void headersAreExactlyFdas() throws IOException {
        for (int k = 0; k < extract.quarterCount(); k++) {
            for (Map.Entry<String, String> header : HEADERS.entrySet()) {
                List<byte[]> lines = extract.physicalLines(k, header.getKey());
                assertEquals(header.getValue(), new String(lines.get(0), StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void everyLineIsAsciiWithTheHeadersFieldCount() throws IOException {
        for (int k = 0; k < extract.quarterCount(); k++) {
            for (Map.Entry<String, String> header : HEADERS.entrySet()) {
                int fieldCount = header.getValue().split("\\$", -1).length;
                List<byte[]> lines = extract.physicalLines(k, header.getKey());
                assertTrue(lines.size() > 1, header.getKey() + " has data lines");
                for (byte[] line : lines) {
                    for (byte b : line) {
                        assertTrue(b >= 0x20 && b < 0x7F, () -> "ASCII without control characters: "
                                + new String(line, StandardCharsets.ISO_8859_1));
                    }
                    assertEquals(fieldCount, GeneratedExtract.fields(line).length,
                            () -> new String(line, StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    @Test
    void primaryidIsCaseidFollowedByCaseversion() throws IOException {
        for (int k = 0; k < extract.quarterCount(); k++) {
            Set<String> caseids = new HashSet<>();
            for (String[] demo : extract.records(k, "DEMO")) {
                assertEquals(demo[1] + demo[2], demo[0]);
                assertTrue(demo[1].matches("\\d{8}") && Integer.parseInt(demo[1]) >= 10_000_000, demo[1]);
                assertEquals(demo[2].equals("1") ? "I" : "F", demo[3]);
                assertTrue(caseids.add(demo[1]), "caseid " + demo[1] + " appears once in " + extract.quarter(k));
            }
        }
    }

    @Test
    void everyReportHasExactlyOnePrimarySuspectAndConsecutiveDrugSeq() throws IOException {
        for (int k = 0; k < extract.quarterCount(); k++) {
            Map<String, Integer> primarySuspects = new HashMap<>();
            Map<String, Integer> drugCount = new HashMap<>();
            for (String[] drug : extract.records(k, "DRUG")) {
                int seq = drugCount.merge(drug[0], 1, Integer::sum);
                assertEquals(Integer.toString(seq), drug[2], "drug_seq of " + drug[0]);
                assertTrue(Set.of("PS", "SS", "C", "I").contains(drug[3]), drug[3]);
                if (drug[3].equals("PS")) {
                    primarySuspects.merge(drug[0], 1, Integer::sum);
                }
            }
            for (String[] demo : extract.records(k, "DEMO")) {
                assertEquals(1, primarySuspects.getOrDefault(demo[0], 0), "PS rows of " + demo[0]);
                assertTrue(drugCount.get(demo[0]) <= 4, "PS plus at most three other drugs");
            }
        }
    }

    @Test
    void childRowsBelongToAReportOfTheSameQuarter() throws IOException {
        for (int k = 0; k < extract.quarterCount(); k++) {
            Map<String, String> caseidOf = new HashMap<>();
            for (String[] demo : extract.records(k, "DEMO")) {
                caseidOf.put(demo[0], demo[1]);
            }
            Set<String> drugKeys = new HashSet<>();
            for (String[] drug : extract.records(k, "DRUG")) {
                drugKeys.add(drug[0] + "/" + drug[2]);
            }
            for (String prefix : CHILD_FILES) {
                for (String[] row : extract.records(k, prefix)) {
                    assertEquals(caseidOf.get(row[0]), row[1], prefix + " row of primaryid " + row[0]);
                }
            }
            for (String[] ther : extract.records(k, "THER")) {
                assertTrue(drugKeys.contains(ther[0] + "/" + ther[2]), "dsg_drug_seq is a drug_seq");
            }
            for (String[] indi : extract.records(k, "INDI")) {
                assertTrue(drugKeys.contains(indi[0] + "/" + indi[2]), "indi_drug_seq is a drug_seq");
            }
        }
    }

    @Test
    void noPtRepeatsWithinAReport() throws IOException {
        for (int k = 0; k < extract.quarterCount(); k++) {
            Set<String> reactions = new HashSet<>();
            for (String[] reac : extract.records(k, "REAC")) {
                assertTrue(reactions.add(reac[0] + "/" + reac[2]), "PT " + reac[2] + " once in " + reac[0]);
            }
        }
    }

    @Test
    void datesAreInFdaFormatAndFdaDtInsideTheQuarter() throws IOException {
        for (int k = 0; k < extract.quarterCount(); k++) {
            Quarter quarter = extract.quarter(k);
            int first = yyyymmdd(quarter.firstDay().toString());
            int last = yyyymmdd(quarter.lastDay().toString());
            Map<Integer, Integer> eventDtLengths = new TreeMap<>();
            for (String[] demo : extract.records(k, "DEMO")) {
                int fdaDt = Integer.parseInt(demo[7]);
                assertTrue(fdaDt >= first && fdaDt <= last, "fda_dt " + fdaDt + " in " + quarter);
                assertTrue(Integer.parseInt(demo[6]) <= fdaDt, "init_fda_dt not after fda_dt");
                assertTrue(Integer.parseInt(demo[20]) <= fdaDt, "rept_dt not after fda_dt");
                eventDtLengths.merge(demo[4].length(), 1, Integer::sum);
            }
            assertEquals(Set.of(0, 4, 6, 8), eventDtLengths.keySet(), "event_dt full, yyyymm, yyyy or empty");
            assertTrue(eventDtLengths.get(8) > eventDtLengths.get(0), "mostly full event_dt");
        }
    }

    @Test
    void followUpsHaveAHigherCaseversionAndALaterFdaDt() throws IOException {
        Map<String, String[]> latest = new HashMap<>();
        int followUps = 0;
        for (int k = 0; k < extract.quarterCount(); k++) {
            int quarterFollowUps = 0;
            for (String[] demo : extract.records(k, "DEMO")) {
                String[] earlier = latest.put(demo[1], demo);
                if (earlier == null) {
                    assertEquals("1", demo[2], "a case first appears as version 1");
                    assertEquals(demo[6], demo[7], "init_fda_dt of version 1 is its fda_dt");
                } else {
                    quarterFollowUps++;
                    assertTrue(Integer.parseInt(demo[2]) > Integer.parseInt(earlier[2]), "higher caseversion");
                    assertTrue(Integer.parseInt(demo[7]) > Integer.parseInt(earlier[7]), "later fda_dt");
                    assertEquals(earlier[6], demo[6], "init_fda_dt is kept");
                }
            }
            SynthManifest.QuarterEntry entry = extract.manifest.quarters().get(k);
            assertEquals(entry.followUpVersions(), quarterFollowUps);
            assertEquals(entry.reports() - entry.followUpVersions(), entry.newCases());
            followUps += quarterFollowUps;
        }
        assertTrue(followUps > 0.05 * 2 * 2000, "about 10% of cases come back: " + followUps);
    }

    @Test
    void deletedIdsAreCaseidsOfEarlierQuarters() throws IOException {
        Set<String> published = new HashSet<>();
        for (int k = 0; k < extract.quarterCount(); k++) {
            Path delete = extract.file(k, "DELETE");
            if (k == 0) {
                assertFalse(Files.exists(delete), "no DELETE file in the first quarter");
            } else {
                List<String[]> ids = extract.records(k, "DELETE");
                assertFalse(ids.isEmpty());
                assertEquals(extract.manifest.quarters().get(k).deletedIds(), ids.size());
                for (String[] id : ids) {
                    assertTrue(id[0].matches("\\d{8}"), id[0]);
                    assertTrue(published.contains(id[0]), id[0] + " was published before " + extract.quarter(k));
                }
            }
            for (String[] demo : extract.records(k, "DEMO")) {
                published.add(demo[1]);
            }
        }
    }

    @Test
    void manifestLineCountsMatchTheFiles() throws IOException {
        for (int k = 0; k < extract.quarterCount(); k++) {
            SynthManifest.QuarterEntry entry = extract.manifest.quarters().get(k);
            assertEquals("faers_ascii_" + extract.quarter(k), entry.location());
            assertEquals(2000, entry.reports());
            assertEquals(k == 0 ? 7 : 8, entry.files().size());
            for (SynthManifest.FileEntry file : entry.files()) {
                Path path = out.resolve(entry.location()).resolve(file.name());
                int header = file.name().startsWith("Deleted/") ? 0 : 1;
                long lines = GeneratedExtract.physicalLines(Files.readAllBytes(path)).size() - header;
                assertEquals(lines, file.lines(), file.name());
                assertEquals(lines, file.validLines(), file.name());
            }
        }
    }

    @Test
    void cartReportsCarryTheirInfusionDate() throws IOException {
        Set<String> cartNames = Set.of("KYMRIAH", "YESCARTA", "TECARTUS", "BREYANZI", "ABECMA", "CARVYKTI",
                "AUCATZYL");
        int cart = 0;
        for (int k = 0; k < extract.quarterCount(); k++) {
            Set<String> infused = new HashSet<>();
            for (String[] ther : extract.records(k, "THER")) {
                if (ther[2].equals("1") && ther[3].length() == 8) {
                    infused.add(ther[0]);
                }
            }
            for (String[] drug : extract.records(k, "DRUG")) {
                if (drug[3].equals("PS") && cartNames.contains(drug[4])) {
                    cart++;
                    assertTrue(infused.contains(drug[0]), "THER start_dt of CAR-T report " + drug[0]);
                    assertEquals("Intravenous", drug[7]);
                }
            }
        }
        assertTrue(cart > 0);
    }

    private static int yyyymmdd(String isoDate) {
        return Integer.parseInt(isoDate.replace("-", ""));
    }
}
