package org.iago.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.iago.stats.mgps.MgpsPosterior;
import org.iago.stats.mgps.MgpsPrior;
import org.junit.jupiter.api.Test;

/**
 * {@link NullProbability} against R 4.2.2 ({@code reference/fdr/null_probability_reference.R}: PhViD's formulas in
 * base R, see PROVENANCE.md there).
 */
class NullProbabilityTest {

    /** openEBGM's vignette prior for CAERS, as the script uses it. */
    private static final MgpsPosterior CAERS = new MgpsPosterior(
            new MgpsPrior(3.25379, 0.39988, 2.02784, 1.90858, 0.06536));

    @Test
    void equalsPhViDsFormulasInR() {
        for (Map<String, String> row : ReferenceTables.read("/reference/fdr/null_probability_reference.csv")) {
            long a = Long.parseLong(row.get("a"));
            TwoByTwo table = new TwoByTwo(a, Long.parseLong(row.get("b")), Long.parseLong(row.get("c")),
                    Long.parseLong(row.get("d")));
            double expected = Double.parseDouble(row.get("expected"));
            String what = "pair " + row;
            // R's 1 - pnorm loses the digits of a p-value below about 1e-16, where ½ erfc keeps them
            assertClose(Double.parseDouble(row.get("prr_p")), NullProbability.prr(table), 1e-15, what);
            assertClose(Double.parseDouble(row.get("ror_p")), NullProbability.ror(table), 1e-15, what);
            ReferenceTables.assertRelative(Double.parseDouble(row.get("ic_p0")), NullProbability.ic(a, expected),
                    1e-12, what);
            ReferenceTables.assertRelative(Double.parseDouble(row.get("ebgm_p0")),
                    NullProbability.ebgm(CAERS, Math.toIntExact(a), expected), 1e-12, what);
        }
    }

    @Test
    void aStrongerExcessIsLessProbablyNull() {
        double previous = 1;
        for (long a = 1; a <= 20; a++) {
            TwoByTwo table = new TwoByTwo(a, 100 - a, 50, 10_000);
            double p = NullProbability.prr(table);
            assertTrue(p < previous, "a = " + a);
            previous = p;
            assertTrue(NullProbability.ic(a, 1) < NullProbability.ic(a - 1, 1));
            assertTrue(NullProbability.ebgm(CAERS, (int) a, 1) < NullProbability.ebgm(CAERS, (int) a - 1, 1));
        }
        assertEquals(1, NullProbability.ror(new TwoByTwo(0, 10, 10, 100)), "no report, no excess");
    }

    private static void assertClose(double expected, double actual, double absolute, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what);
        } else {
            assertEquals(expected, actual, absolute + 1e-12 * expected, what);
        }
    }
}
