package org.iago.grading.harmonize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.iago.grading.harmonize.GradingAgreement.AgreementRow;
import org.iago.grading.harmonize.GradingAgreement.ConfusionCell;
import org.iago.grading.harmonize.GradingAgreement.DistributionRow;
import org.iago.grading.harmonize.GradingAgreement.Report;
import org.iago.stats.agreement.CohensKappa;
import org.iago.vocabulary.OutputColumn;
import org.junit.jupiter.api.Test;

/**
 * Agreement and distribution tables of a small hand-made set of harmonized episodes:
 * <pre>
 *   CRS   ASTCT    recorded/derived 1/1, 1/1, 2/2, 2/1, 3/ungradable, none/2
 *   CRS   LEE2014  2/3, 3/3
 *   CRS   (none)   none/1
 *   ICAHT_EARLY EHA2023  1/1, 1/1                   (both ratings in one grade: kappa undefined)
 *   ICAHT_LATE  EHA2023  1/1, 3/3                   (perfect agreement)
 *   ICAHT_LATE  CTCAE5   5/4                        (a CTCAE grade above the EHA scale)
 * </pre>
 */
class HarmonizationAgreementTest {

    private static final DerivedGrade UNGRADABLE = new DerivedGrade.Ungradable("not recorded: [HYPOXIA]");

    private static HarmonizedEpisode episode(GradedToxicity toxicity, Integer recorded, String system,
                                             Integer derived) {
        return new HarmonizedEpisode(toxicity, recorded == null ? OptionalInt.empty() : OptionalInt.of(recorded),
                Optional.ofNullable(system),
                derived == null ? UNGRADABLE : new DerivedGrade.Graded(derived, "TEST"));
    }

    private static List<HarmonizedEpisode> episodes() {
        GradedToxicity crs = GradedToxicity.CRS;
        return List.of(
                episode(GradedToxicity.ICAHT_LATE, 5, "CTCAE5", 4),
                episode(crs, 1, "ASTCT", 1), episode(crs, 1, "ASTCT", 1), episode(crs, 2, "ASTCT", 2),
                episode(crs, 2, "ASTCT", 1), episode(crs, 3, "ASTCT", null), episode(crs, null, "ASTCT", 2),
                episode(crs, null, null, 1),
                episode(crs, 2, "LEE2014", 3), episode(crs, 3, "LEE2014", 3),
                episode(GradedToxicity.ICAHT_EARLY, 1, "EHA2023", 1),
                episode(GradedToxicity.ICAHT_EARLY, 1, "EHA2023", 1),
                episode(GradedToxicity.ICAHT_LATE, 1, "EHA2023", 1),
                episode(GradedToxicity.ICAHT_LATE, 3, "EHA2023", 3));
    }

    private final Report report = GradingAgreement.withDefaults().compare(episodes());

    @Test
    void oneAgreementRowPerCategoryAndRecordedSystemInOrder() {
        assertEquals(List.of("CRS ASTCT", "CRS LEE2014", "CRS null", "ICAHT_EARLY EHA2023", "ICAHT_LATE CTCAE5",
                        "ICAHT_LATE EHA2023"),
                report.agreement().stream()
                        .map(r -> r.toxicity() + " " + r.recordedSystem().orElse(null))
                        .toList());
    }

    /**
     * ASTCT: 6 episodes, 1 without a recorded grade, 1 ungradable, 4 paired, 3 equal: 75%. Kappa of the paired by
     * hand: p_o = 3/4; recorded margins grade 1 ½, grade 2 ½; derived grade 1 ¾, grade 2 ¼; p_e = ½·¾ + ½·¼ = ½;
     * κ = (¾ − ½)/(1 − ½) = ½. The weighted kappas are over the whole CRS scale 0–5.
     */
    @Test
    void comparableSystemGetsExactAgreementAndKappas() {
        AgreementRow astct = report.agreement().get(0);
        assertTrue(astct.comparable());
        assertEquals(6, astct.episodes());
        assertEquals(1, astct.gradeNotRecorded());
        assertEquals(1, astct.ungradable());
        assertEquals(4, astct.paired());
        assertEquals(3, astct.exactAgreements());
        assertEquals(OptionalDouble.of(75), astct.percentExactAgreement());
        assertEquals(Optional.empty(), astct.note());
        CohensKappa.Result kappa = astct.kappa().orElseThrow();
        assertEquals(4, kappa.subjects());
        assertEquals(6, kappa.categories());
        assertEquals(0.5, kappa.unweighted().kappa(), 1e-15);
        long[][] table = new long[6][6];
        table[1][1] = 2;
        table[2][2] = 1;
        table[2][1] = 1;
        assertEquals(CohensKappa.withDefaults().compute(table), kappa);
    }

    @Test
    void otherSystemsGetExactAgreementOnly() {
        AgreementRow lee = report.agreement().get(1);
        assertFalse(lee.comparable());
        assertEquals(2, lee.paired());
        assertEquals(1, lee.exactAgreements());
        assertEquals(OptionalDouble.of(50), lee.percentExactAgreement());
        assertEquals(Optional.empty(), lee.kappa());
        assertEquals(Optional.of("recorded in LEE2014, re-graded in ASTCT: not on one scale, so no kappa"),
                lee.note());

        AgreementRow none = report.agreement().get(2);
        assertFalse(none.comparable());
        assertEquals(1, none.episodes());
        assertEquals(1, none.gradeNotRecorded());
        assertEquals(0, none.paired());
        assertEquals(OptionalDouble.empty(), none.percentExactAgreement());
        assertEquals(Optional.of("no grading system recorded, so no kappa"), none.note());
    }

    @Test
    void undefinedAndPerfectKappas() {
        AgreementRow early = report.agreement().get(3);
        assertEquals(OptionalDouble.of(100), early.percentExactAgreement());
        assertTrue(Double.isNaN(early.kappa().orElseThrow().unweighted().kappa()));
        assertTrue(early.note().orElseThrow().startsWith("expected agreement is 1"));

        AgreementRow late = report.agreement().get(5);
        assertEquals(1, late.kappa().orElseThrow().quadratic().kappa());
        assertEquals(0, late.kappa().orElseThrow().quadratic().standardError());
        assertEquals(5, late.kappa().orElseThrow().categories());
    }

    @Test
    void confusionTablesCoverTheScaleWithEmptyLevelsLast() {
        List<ConfusionCell> astct = report.confusion().stream()
                .filter(c -> c.toxicity() == GradedToxicity.CRS && c.recordedSystem().equals(Optional.of("ASTCT")))
                .toList();
        // recorded 0-5 and not recorded, by derived 0-5 and ungradable
        assertEquals(7 * 7, astct.size());
        assertEquals(new ConfusionCell(GradedToxicity.CRS, Optional.of("ASTCT"), OptionalInt.of(0), OptionalInt.of(0),
                0), astct.get(0));
        assertEquals(new ConfusionCell(GradedToxicity.CRS, Optional.of("ASTCT"), OptionalInt.empty(),
                OptionalInt.empty(), 0), astct.get(48));
        assertEquals(2, count(astct, 1, 1));
        assertEquals(1, count(astct, 2, 1));
        assertEquals(1, count(astct, 2, 2));
        assertEquals(1, count(astct, 3, null));
        assertEquals(1, count(astct, null, 2));
        assertEquals(6, astct.stream().mapToLong(ConfusionCell::episodes).sum());

        // no empty levels where none occur; a CTCAE grade 5 extends the recorded axis beyond the EHA scale
        assertEquals(6 * 6, report.confusion().stream()
                .filter(c -> c.recordedSystem().equals(Optional.of("LEE2014"))).count());
        List<ConfusionCell> ctcae = report.confusion().stream()
                .filter(c -> c.recordedSystem().equals(Optional.of("CTCAE5")))
                .toList();
        assertEquals(6 * 5, ctcae.size());
        assertEquals(1, count(ctcae, 5, 4));
    }

    /** CRS: 9 episodes, derived 1 ×4, 2 ×2, 3 ×2, ungradable ×1. */
    @Test
    void derivedGradeDistributionPerCategory() {
        List<DistributionRow> crs = report.distribution().stream()
                .filter(r -> r.toxicity() == GradedToxicity.CRS)
                .toList();
        assertEquals(7, crs.size());
        long[] expected = {0, 4, 2, 2, 0, 0, 1};
        for (int i = 0; i < expected.length; i++) {
            DistributionRow row = crs.get(i);
            assertEquals(i < 6 ? OptionalInt.of(i) : OptionalInt.empty(), row.derivedGrade());
            assertEquals(expected[i], row.episodes());
            assertEquals(100.0 * expected[i] / 9, row.percent(), 1e-12);
        }
        assertEquals(List.of(GradedToxicity.CRS, GradedToxicity.ICAHT_EARLY, GradedToxicity.ICAHT_LATE),
                report.distribution().stream().map(DistributionRow::toxicity).distinct().toList());
        assertEquals(6, report.distribution().stream()
                .filter(r -> r.toxicity() == GradedToxicity.ICAHT_LATE).count());
    }

    @Test
    void rowsAreReadyToWrite() {
        AgreementRow astct = report.agreement().get(0);
        List<Object> values = astct.values();
        assertEquals(AgreementRow.COLUMNS.size(), values.size());
        assertEquals(List.of("CRS", "ASTCT", "ASTCT", true, 6L, 1L, 1L, 4L, 3L, 75.0, 0.5),
                values.subList(0, 11));
        assertEquals(astct.kappa().orElseThrow().quadratic().upper(),
                values.get(OutputColumn.names(AgreementRow.COLUMNS).indexOf("quadratic_kappa_upper")));
        assertNull(values.get(OutputColumn.names(AgreementRow.COLUMNS).indexOf("note")));

        List<Object> undefined = report.agreement().get(3).values();
        assertNull(undefined.get(OutputColumn.names(AgreementRow.COLUMNS).indexOf("kappa")));
        assertNull(undefined.get(OutputColumn.names(AgreementRow.COLUMNS).indexOf("linear_kappa_se")));
        List<Object> none = report.agreement().get(2).values();
        assertNull(none.get(OutputColumn.names(AgreementRow.COLUMNS).indexOf("recorded_system")));
        assertNull(none.get(OutputColumn.names(AgreementRow.COLUMNS).indexOf("percent_exact_agreement")));
        assertNull(none.get(OutputColumn.names(AgreementRow.COLUMNS).indexOf("quadratic_kappa")));

        ConfusionCell cell = report.confusion().get(report.confusion().size() - 1);
        assertEquals(ConfusionCell.COLUMNS.size(), cell.values().size());
        DistributionRow ungradable = report.distribution().get(6);
        assertEquals(List.of("CRS", "ASTCT", "x", 1L, 100.0 / 9),
                replaceNull(ungradable.values()));
    }

    @Test
    void noEpisodesNoRowsAndAComparableGradeAboveTheScaleIsRejected() {
        Report empty = GradingAgreement.withDefaults().compare(List.of());
        assertTrue(empty.agreement().isEmpty() && empty.confusion().isEmpty() && empty.distribution().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> GradingAgreement.withDefaults()
                .compare(List.of(episode(GradedToxicity.ICAHT_EARLY, 5, "EHA2023", 4))));
    }

    @Test
    void confidenceLevelReachesTheKappas() {
        CohensKappa.Estimate at90 = GradingAgreement.withDefaults().withConfidenceLevel(0.90).compare(episodes())
                .agreement().get(0).kappa().orElseThrow().unweighted();
        CohensKappa.Estimate at95 = report.agreement().get(0).kappa().orElseThrow().unweighted();
        assertTrue(at90.lower() > at95.lower());
        assertEquals(at95.standardError(), at90.standardError());
    }

    private static long count(List<ConfusionCell> cells, Integer recorded, Integer derived) {
        OptionalInt r = recorded == null ? OptionalInt.empty() : OptionalInt.of(recorded);
        OptionalInt d = derived == null ? OptionalInt.empty() : OptionalInt.of(derived);
        return cells.stream()
                .filter(c -> c.recordedGrade().equals(r) && c.derivedGrade().equals(d))
                .mapToLong(ConfusionCell::episodes)
                .sum();
    }

    private static List<Object> replaceNull(List<Object> values) {
        List<Object> copy = new ArrayList<>(values);
        copy.replaceAll(v -> v == null ? "x" : v);
        return copy;
    }
}
